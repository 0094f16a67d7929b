package org.kinlink.shell;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.kinlink.InvalidInput;
import org.kinlink.access.SecondFactor;
import org.kinlink.ui.Forms;

/** The second step of signing in (A3): a code from the authenticator app, or a recovery code. */
@Route(value = "account/second-factor", autoLayout = false)
@PermitAll
public class SecondFactorView extends VerticalLayout implements HasDynamicTitle {

    final TextField code = new TextField();
    final Button verify = new Button();

    final Button signOut = new Button();

    SecondFactorView(SecondFactor secondFactor, AuthenticationContext authentication) {
        // these views have no main layout (no menu to bypass them), so they carry their own sign-out
        signOut.setText(getTranslation("menu.sign-out"));
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.addClickListener(click -> authentication.logout());
        setMaxWidth("32rem");
        code.setLabel(getTranslation("second-factor.code"));
        code.setHelperText(getTranslation("second-factor.code.help"));
        code.setAutocomplete(Autocomplete.OFF);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setWidthFull();
        code.setRequiredIndicatorVisible(true);
        verify.setText(getTranslation("second-factor.verify"));
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        var fields = Map.of("code", code);
        verify.addClickListener(click -> {
            Forms.clearErrors(fields);
            try {
                secondFactor.verify(code.getValue());
                UI.getCurrent().navigate(StartView.class);
            } catch (InvalidInput invalid) {
                code.clear();
                Forms.show(invalid, fields, this);
            }
        });
        add(
                new H2(getTranslation("second-factor.heading")),
                new Paragraph(getTranslation("second-factor.explanation")),
                code,
                verify,
                signOut);
        code.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-factor.heading");
    }
}
