package org.kinlink.shell;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.kinlink.InvalidInput;
import org.kinlink.access.AccountService;
import org.kinlink.access.PasswordPolicy;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;

/** The signed-in user replaces their password (compulsory after a reset or the first sign-in). */
@Route("account/password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField fresh = new PasswordField();
    final PasswordField repeated = new PasswordField();
    final Button save = new Button();

    ChangePasswordView(AccountService accounts) {
        setMaxWidth("32rem");
        var heading = new H2(getTranslation("password.heading"));
        boolean compulsory = accounts.mustChangePassword();
        var explanation = new Paragraph(getTranslation(
                compulsory ? "password.must-change" : "password.rules",
                PasswordPolicy.MIN_LENGTH,
                PasswordPolicy.MAX_LENGTH));
        current.setLabel(getTranslation("password.current"));
        fresh.setLabel(getTranslation("password.new"));
        fresh.setHelperText(getTranslation("password.new.help", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
        repeated.setLabel(getTranslation("password.repeat"));
        for (var field : new PasswordField[] {current, fresh, repeated}) {
            field.setWidthFull();
            field.setRequiredIndicatorVisible(true);
        }
        current.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        fresh.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        repeated.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        save.setText(getTranslation("password.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER).resetFocusOnActiveElement();
        var fields = Map.of("currentPassword", current, "newPassword", fresh, "repeatedPassword", repeated);
        save.addClickListener(click -> {
            Forms.clearErrors(fields);
            try {
                accounts.changePassword(current.getValue(), fresh.getValue(), repeated.getValue());
                ShellNavigationRules.passwordChanged(UI.getCurrent().getSession());
                current.clear();
                fresh.clear();
                repeated.clear();
                Notifications.success(getTranslation("password.changed"));
                UI.getCurrent().navigate(StartView.class);
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            }
        });
        add(heading, explanation, current, fresh, repeated, save);
        current.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.heading");
    }
}
