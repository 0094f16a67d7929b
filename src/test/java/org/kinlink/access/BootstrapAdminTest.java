package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A6: no default accounts; the one bootstrap administrator has a supplied password and must change it. */
@IntegrationTest
class BootstrapAdminTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Value("${kinlink.bootstrap-admin-password}")
    String suppliedPassword;

    @Test
    void the_bootstrap_administrator_must_change_the_supplied_password_at_first_sign_in() {
        var admin = jdbc.queryForMap(
                "SELECT id, password_hash, must_change_password FROM app_user WHERE username = 'admin'");

        assertThat(admin.get("must_change_password")).isEqualTo(true);
        assertThat(encoder.matches(suppliedPassword, (String) admin.get("password_hash")))
                .isTrue();
        assertThat(jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, admin.get("id")))
                .containsExactly(Roles.ADMIN);
    }

    @Test
    void the_creation_of_the_bootstrap_administrator_is_in_the_audit_log() {
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'BOOTSTRAP_ADMIN_CREATED'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void no_demo_account_exists_outside_the_demo_profile() {
        var demoNames = DemoAccounts.USERS.stream()
                .map(DemoAccounts.DemoUser::username)
                .filter(name -> !name.equals(BootstrapAdmin.USERNAME))
                .toList();

        assertThat(jdbc.queryForList("SELECT username FROM app_user", String.class))
                .doesNotContainAnyElementsOf(demoNames);
    }
}
