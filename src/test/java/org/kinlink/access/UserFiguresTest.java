package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The administrators' dashboard figures: accounts by state, counted in the database. */
@IntegrationTest
class UserFiguresTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    UserFigures figures;

    @Autowired
    UserAdministration administration;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName(
            "a new account counts as active, without a second factor and (one-time password) to change; disabling moves it")
    void accounts_are_counted_by_state() {
        var before = TestAccounts.asAdministrator(figures::users);
        String username = TestAccounts.uniqueName("fig");
        TestAccounts.asAdministrator(() ->
                administration.createUser(new NewUser(username, "Test " + username, Set.of(Roles.AUDITOR), Set.of())));

        var created = TestAccounts.asAdministrator(figures::users);
        assertThat(created.active()).isEqualTo(before.active() + 1);
        assertThat(created.withoutSecondFactor()).isEqualTo(before.withoutSecondFactor() + 1);
        assertThat(created.mustChangePassword()).isEqualTo(before.mustChangePassword() + 1);
        assertThat(created.disabled()).isEqualTo(before.disabled());

        var user = TestAccounts.load(context, username);
        TestAccounts.asAdministrator(() -> {
            var summary = administration.users().stream()
                    .filter(u -> u.id() == user.id())
                    .findFirst()
                    .orElseThrow();
            return administration.setEnabled(user.id(), summary.version(), false);
        });
        var disabled = TestAccounts.asAdministrator(figures::users);
        assertThat(disabled.active()).isEqualTo(before.active());
        assertThat(disabled.disabled()).isEqualTo(before.disabled() + 1);
        assertThat(disabled.mustChangePassword()).isEqualTo(before.mustChangePassword());
    }
}
