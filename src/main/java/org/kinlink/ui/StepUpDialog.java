package org.kinlink.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import org.kinlink.InvalidInput;
import org.kinlink.StepUpCheck;
import org.kinlink.StepUpRequired;

/**
 * S4 in the UI: runs a sensitive action and, when the service answers {@link StepUpRequired}, asks
 * the user to re-confirm (a code from the authenticator app, or the password where there is no
 * second factor), then runs the action again. The check itself is the service's; this dialog only
 * collects the secret. A wrong secret is shown on the field; the dialog stays open.
 *
 * <pre>{@code StepUpDialog.guard(stepUp, () -> service.export(...));}</pre>
 */
public final class StepUpDialog extends Dialog {

    final PasswordField secret = new PasswordField();
    final Button confirm = new Button();

    private final transient StepUpCheck check;
    private final transient Runnable action;

    private StepUpDialog(StepUpCheck check, Runnable action) {
        this.check = check;
        this.action = action;
        setHeaderTitle(getTranslation("step-up.title"));
        setWidth("min(28rem, 95vw)");
        boolean code = check.method() == StepUpCheck.Method.CODE;
        secret.setLabel(getTranslation(code ? "step-up.code" : "step-up.password"));
        secret.setWidthFull();
        secret.setMaxLength(128);
        secret.setRevealButtonVisible(false);
        if (code) {
            secret.getElement().setAttribute("autocomplete", "one-time-code");
            secret.getElement().setAttribute("inputmode", "numeric");
        } else {
            secret.getElement().setAttribute("autocomplete", "current-password");
        }
        add(new Paragraph(getTranslation(code ? "step-up.text.code" : "step-up.text.password")), secret);
        confirm.setText(getTranslation("step-up.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(click -> confirm());
        confirm.addClickShortcut(Key.ENTER).resetFocusOnActiveElement();
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), confirm);
    }

    /** Runs the action; if it needs a step-up, opens the dialog, which runs it again once confirmed. */
    public static void guard(StepUpCheck check, Runnable action) {
        try {
            action.run();
        } catch (StepUpRequired required) {
            var dialog = new StepUpDialog(check, action);
            dialog.open();
            dialog.secret.focus();
        }
    }

    private void confirm() {
        try {
            check.confirm(secret.getValue());
        } catch (InvalidInput invalid) {
            // a wrong secret is not kept (it is a secret); the message says what to do
            secret.clear();
            secret.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
            secret.setInvalid(true);
            secret.focus();
            return;
        }
        close();
        try {
            action.run();
        } catch (StepUpRequired stillRequired) {
            // the window cannot have passed in between unless it is configured as nearly zero
            Notifications.error(getTranslation("step-up.required"));
        }
    }
}
