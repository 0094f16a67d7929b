package org.kinlink.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.kinlink.access.AccountService;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.SecondFactor;
import org.kinlink.ui.Languages;
import org.springframework.stereotype.Component;

/**
 * Applied to every UI and navigation: the language (chosen in this session, else the user's saved
 * choice, else the browser's); until the second factor is passed (A3), only its views; and, while a
 * user must replace their password, no other view.
 */
@Component
class ShellNavigationRules implements VaadinServiceInitListener {

    private static final String PASSWORD_OK = "kinlink.passwordOk";

    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final SecondFactor secondFactor;

    ShellNavigationRules(CurrentUser currentUser, AccountService accounts, SecondFactor secondFactor) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.secondFactor = secondFactor;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Languages.apply(ui, language(ui.getSession()));
            ui.addBeforeEnterListener(this::requireSecondFactor);
            ui.addBeforeEnterListener(this::requirePasswordChange);
        });
    }

    private Locale language(VaadinSession session) {
        Locale chosen = Languages.chosen(session);
        if (chosen != null) {
            return chosen;
        }
        var saved = currentUser.get().map(user -> user.preferredLocale()).orElse(null);
        if (saved != null) {
            return saved;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? Languages.ENGLISH : Languages.closest(request.getLocale());
    }

    /**
     * A3: after the password, the second factor before any other view: set up first if the user
     * has none. Passing it grants the authority FACTOR_TOTP; until then only these two views open.
     */
    private void requireSecondFactor(BeforeEnterEvent event) {
        if (currentUser.get().isEmpty() || isSecondFactorView(event.getNavigationTarget())) {
            return;
        }
        if (secondFactor.pending()) {
            event.rerouteTo(secondFactor.enrolled() ? SecondFactorView.class : SecondFactorEnrolmentView.class);
        }
    }

    private static boolean isSecondFactorView(Class<?> target) {
        return target == SecondFactorView.class || target == SecondFactorEnrolmentView.class;
    }

    private void requirePasswordChange(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == ChangePasswordView.class
                || isSecondFactorView(event.getNavigationTarget())
                || currentUser.get().isEmpty()
                || secondFactor.pending()) {
            return;
        }
        VaadinSession session = event.getUI().getSession();
        if (Boolean.TRUE.equals(session.getAttribute(PASSWORD_OK))) {
            return;
        }
        if (accounts.mustChangePassword()) {
            event.rerouteTo(ChangePasswordView.class);
        } else {
            session.setAttribute(PASSWORD_OK, Boolean.TRUE);
        }
    }

    static void passwordChanged(VaadinSession session) {
        session.setAttribute(PASSWORD_OK, Boolean.TRUE);
    }
}
