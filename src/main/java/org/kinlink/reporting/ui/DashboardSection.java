package org.kinlink.reporting.ui;

import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.util.Optional;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.UserFigures;
import org.kinlink.audit.AuditAlerts;
import org.kinlink.audit.AuditChainVerifier;
import org.kinlink.audit.AuditFigures;
import org.kinlink.cases.CaseFigures;
import org.kinlink.letters.LetterFigures;
import org.kinlink.shell.StartSection;

/**
 * The per-role dashboards on the start page: one panel for each role the signed-in user holds
 * (caseworker, coordinator, auditor, administrator), in that order. Nothing for a user without any.
 */
@org.springframework.stereotype.Component
class DashboardSection implements StartSection {

    private final CurrentUser currentUser;
    private final CaseFigures caseFigures;
    private final LetterFigures letterFigures;
    private final AuditFigures auditFigures;
    private final AuditAlerts alerts;
    private final AuditChainVerifier verifier;
    private final UserFigures userFigures;
    private final Clock clock;

    DashboardSection(
            CurrentUser currentUser,
            CaseFigures caseFigures,
            LetterFigures letterFigures,
            AuditFigures auditFigures,
            AuditAlerts alerts,
            AuditChainVerifier verifier,
            UserFigures userFigures,
            Clock clock) {
        this.currentUser = currentUser;
        this.caseFigures = caseFigures;
        this.letterFigures = letterFigures;
        this.auditFigures = auditFigures;
        this.alerts = alerts;
        this.verifier = verifier;
        this.userFigures = userFigures;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        var user = currentUser.get().orElse(null);
        if (user == null) {
            return Optional.empty();
        }
        var dashboard = new Div();
        dashboard.addClassName("kl-dashboard");
        if (user.hasRole(Roles.CASEWORKER)) {
            dashboard.add(new DashboardCaseworkerPanel(caseFigures, letterFigures, clock));
        }
        if (user.hasRole(Roles.COORDINATOR)) {
            dashboard.add(new DashboardCoordinatorPanel(letterFigures));
        }
        if (user.hasRole(Roles.AUDITOR)) {
            dashboard.add(new DashboardAuditorPanel(auditFigures, alerts, verifier, clock));
        }
        if (user.hasRole(Roles.ADMIN)) {
            dashboard.add(new DashboardAdminPanel(userFigures));
        }
        return dashboard.getChildren().findAny().isPresent() ? Optional.of(dashboard) : Optional.empty();
    }
}
