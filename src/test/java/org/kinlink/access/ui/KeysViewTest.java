package org.kinlink.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.kinlink.crypto.KeyRing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** D2: an administrator rotates the field key from the keys view. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class KeysViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    KeyRing keys;

    @BeforeEach
    void signInAsAdministrator() {
        TestAccounts.signIn(TestAccounts.create(
                context, TestAccounts.uniqueName("admin"), "first lantern harbour", Set.of(Roles.ADMIN), false));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void d2_an_administrator_rotates_the_field_key_after_confirming_and_sees_the_new_key() {
        int before = keys.primaryFieldKeyId();
        KeysView view = navigate(KeysView.class);
        view.executor = Runnable::run; // the background thread, run here so the test can follow it
        assertThat(view.status.getText()).contains(Integer.toUnsignedString(before));
        test(view.rotate).click();
        test($(Button.class, $(Dialog.class).single())
                        .withText("Rotate the encryption key")
                        .single())
                .click();
        int after = keys.primaryFieldKeyId();
        assertThat(after).isNotEqualTo(before);
        assertThat(view.status.getText())
                .contains(Integer.toUnsignedString(after))
                .contains("Keys held: 1.")
                .contains("older key: 0.");
        // the progress per column, and the end state; the button is usable again
        assertThat(test(view.columns).size()).isPositive();
        assertThat(test(view.columns).getRow(0).reEncrypted())
                .isEqualTo(test(view.columns).getRow(0).total());
        assertThat(view.state.getText()).startsWith("The key was rotated");
        assertThat(view.rotate.isEnabled()).isTrue();
    }
}
