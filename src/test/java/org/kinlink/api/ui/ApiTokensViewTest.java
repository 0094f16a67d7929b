package org.kinlink.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserSummary;
import org.kinlink.api.ApiTokenSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** An administrator issues a token (shown once), sees it listed without its secret, and revokes it. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class ApiTokensViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    String owner;

    @BeforeEach
    void signInAsAdministrator() {
        owner = TestAccounts.uniqueName("tok");
        TestAccounts.create(context, owner, "first lantern harbour", Set.of(Roles.COORDINATOR), false);
        TestAccounts.signIn(TestAccounts.create(
                context, TestAccounts.uniqueName("admin"), "first lantern harbour", Set.of(Roles.ADMIN), false));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void l1_an_administrator_issues_a_token_sees_it_once_and_revokes_it() {
        long before = AuditEvents.newest(jdbc);
        ApiTokensView view = navigate(ApiTokensView.class);

        test(view.issue).click();
        Dialog issueDialog = $(Dialog.class).single();
        @SuppressWarnings("unchecked")
        ComboBox<UserSummary> user = $(ComboBox.class, issueDialog).single();
        UserSummary chosen = user.getListDataView()
                .getItems()
                .filter(u -> u.username().equals(owner))
                .findFirst()
                .orElseThrow();
        test(user).selectItem(user.getItemLabelGenerator().apply(chosen));
        test($(TextField.class, issueDialog).single()).setValue("Import script");
        test($(Button.class, issueDialog).withText("Issue a token").single()).click();

        String secret = $(TextArea.class).single().getValue();
        assertThat(secret).startsWith("kl_").hasSize(3 + 10 + 1 + 43);
        ApiTokenSummary listed = view.grid
                .getListDataView()
                .getItems()
                .filter(t -> t.username().equals(owner))
                .findFirst()
                .orElseThrow();
        assertThat(listed.name()).isEqualTo("Import script");
        assertThat(secret).startsWith(listed.prefix());
        assertThat(listed.toString())
                .doesNotContain(secret.substring(listed.prefix().length()));
        test($(Button.class, $(Dialog.class).single()).withText("Close").single())
                .click();

        // the grid's revoke button opens this confirmation (grid cells are not reachable here)
        view.confirmRevoke(listed);
        test($(Button.class, $(Dialog.class).single()).withText("Revoke").single())
                .click();

        ApiTokenSummary revoked = view.grid
                .getListDataView()
                .getItems()
                .filter(t -> t.id() == listed.id())
                .findFirst()
                .orElseThrow();
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(AuditEvents.since(jdbc, before, "API_TOKEN_REVOKED")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "API_TOKEN_ISSUED")).hasSize(1);
    }

    @Test
    void i3_issuing_without_a_name_marks_the_name_field_and_keeps_the_dialog_open() {
        ApiTokensView view = navigate(ApiTokensView.class);

        test(view.issue).click();
        Dialog issueDialog = $(Dialog.class).single();
        @SuppressWarnings("unchecked")
        ComboBox<UserSummary> user = $(ComboBox.class, issueDialog).single();
        UserSummary chosen = user.getListDataView()
                .getItems()
                .filter(u -> u.username().equals(owner))
                .findFirst()
                .orElseThrow();
        test(user).selectItem(user.getItemLabelGenerator().apply(chosen));
        test($(Button.class, issueDialog).withText("Issue a token").single()).click();

        TextField name = $(TextField.class, issueDialog).single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the token a name.");
        assertThat(issueDialog.isOpened()).isTrue();
        assertThat(user.getValue()).isEqualTo(chosen);
    }
}
