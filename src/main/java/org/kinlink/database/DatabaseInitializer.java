package org.kinlink.database;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.kinlink.startup.StartupProblem;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides which MariaDB the application uses, before any {@code DataSource} exists. With {@code
 * KINLINK_DB_URL} it checks that the server answers (and stops start-up with one clear sentence if
 * it does not); without it, it starts the embedded server. Either way it puts {@code
 * spring.datasource.*} first in the environment, so Boot's pool and Liquibase run unchanged.
 */
public class DatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String EMBEDDED_BEAN = "kinlinkEmbeddedMariaDb";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("kinlink.database.managed", Boolean.class, true)) {
            return;
        }
        String url = environment.getProperty("KINLINK_DB_URL", "");
        Map<String, Object> properties = new HashMap<>();
        if (!url.isBlank()) {
            String user = environment.getProperty("KINLINK_DB_USER", "");
            String password = environment.getProperty("KINLINK_DB_PASSWORD", "");
            checkReachable(url, user, password);
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", user);
            properties.put("spring.datasource.password", password);
        } else {
            Path home = Path.of(environment.getProperty("kinlink.embedded-db.dir", "data/mariadb"));
            String database = environment.getProperty("kinlink.embedded-db.database", "kinlink");
            EmbeddedMariaDb server = EmbeddedMariaDb.acquire(home);
            server.createDatabaseIfMissing(database);
            properties.put("spring.datasource.url", server.jdbcUrl(database));
            properties.put("spring.datasource.username", "root");
            properties.put("spring.datasource.password", "");
            var beanFactory = context.getBeanFactory();
            beanFactory.registerSingleton(EMBEDDED_BEAN, server);
            if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(EMBEDDED_BEAN, (DisposableBean) server::release);
            }
            // destroy the pool (and so close its connections) before the server goes away
            beanFactory.registerDependentBean(EMBEDDED_BEAN, "dataSource");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("kinlinkDatabase", properties));
    }

    private static void checkReachable(String url, String user, String password) {
        if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
            throw new StartupProblem(
                    "KINLINK_DB_URL must be a MariaDB JDBC URL (jdbc:mariadb://host:port/database), not: " + url,
                    "Correct KINLINK_DB_URL.");
        }
        String probe = url + (url.contains("?") ? "&" : "?") + "connectTimeout=" + (CONNECT_TIMEOUT_SECONDS * 1000);
        DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        try (var ignored = DriverManager.getConnection(probe, user, password)) {
            // reachable
        } catch (SQLException e) {
            throw new StartupProblem(
                    "Cannot reach the database at " + url + ": " + firstLine(e.getMessage()),
                    "Check that the MariaDB server is running and that KINLINK_DB_URL, KINLINK_DB_USER and "
                            + "KINLINK_DB_PASSWORD are right, or unset KINLINK_DB_URL to use the embedded database.",
                    e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
