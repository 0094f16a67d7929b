package org.kinlink.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application starts on a real MariaDB whose schema Liquibase built and Hibernate accepted (R3). */
@IntegrationTest
class DatabaseMigrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void the_application_runs_on_mariadb() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
    }

    @Test
    void the_database_is_the_server_named_by_kinlink_db_url_or_else_the_embedded_one() {
        String named = System.getenv("KINLINK_DB_URL");
        String used = environment.getRequiredProperty("spring.datasource.url");

        if (named != null && !named.isBlank()) {
            assertThat(used).isEqualTo(named);
        } else {
            assertThat(used).startsWith("jdbc:mariadb://127.0.0.1:").endsWith("/kinlink_test");
            assertThat(Path.of("target/test-db/data")).isDirectory();
        }
    }

    @Test
    void liquibase_applied_every_changelog_file() throws IOException {
        long files;
        try (var list = Files.list(Path.of("db/changelog"))) {
            files = list.filter(Files::isRegularFile).count();
        }
        Long applied = jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Long.class);

        assertThat(files).isPositive();
        assertThat(applied).isEqualTo(files);
    }

    @Test
    void hibernate_only_validates_the_schema_that_liquibase_built() {
        // the context started, so validation passed; this guards against Hibernate ever altering the schema
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
    }

    @Test
    void the_database_stores_text_as_full_unicode() {
        // Persian and Arabic names, and any emoji people type, need utf8mb4
        String charset = jdbc.queryForObject(
                "SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()",
                String.class);
        assertThat(charset).isEqualTo("utf8mb4");
    }
}
