package org.kinlink.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import org.kinlink.ui.DemoBanner;
import org.kinlink.ui.Languages;
import org.springframework.beans.factory.annotation.Value;

/**
 * Sign-in. The form posts to Spring Security; a failed attempt comes back with {@code ?error} and
 * one message whether the username is unknown or the password wrong.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    LoginView(@Value("${kinlink.demo:false}") boolean demo) {
        addClassName("kl-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        if (demo) {
            add(new DemoBanner());
        }
        var title = new H1(getTranslation("app.name"));
        title.addClassName("kl-login-title");
        var tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("kl-login-tagline");

        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.failed.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.failed.message"));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var help = new Paragraph(getTranslation("login.forgot.help"));
        help.addClassName("kl-login-help");

        var languages = new HorizontalLayout();
        languages.addClassName("kl-languages");
        for (Locale locale : Languages.SUPPORTED) {
            var button = new Button(Languages.nativeName(locale), click -> {
                Languages.rememberChoice(UI.getCurrent().getSession(), locale);
                UI.getCurrent().getPage().reload();
            });
            button.addThemeVariants(ButtonVariant.TERTIARY);
            button.getElement().setAttribute("lang", locale.getLanguage());
            languages.add(button);
        }
        var card = new Div(title, tagline, form, help, languages);
        card.addClassName("kl-login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
