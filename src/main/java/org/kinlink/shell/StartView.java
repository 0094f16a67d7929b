package org.kinlink.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;

/**
 * Where every user lands after signing in: who they are signed in as, with which roles and teams,
 * and the parts of Kinlink they may open. (Per-role dashboards replace it in a later release.)
 */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.start", icon = "vaadin:home")
class StartView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final boolean caseworker;

    StartView(CurrentUser currentUser, org.springframework.beans.factory.ObjectProvider<StartNotice> notices) {
        var user = currentUser.require();
        caseworker = user.hasRole(Roles.CASEWORKER);
        add(new H2(getTranslation("start.greeting", user.displayName())));
        // reminders (overdue letters): on the page, and as a notification for caseworkers sent on to their cases
        notices.orderedStream().flatMap(n -> n.forCurrentUser().stream()).forEach(notice -> {
            String text = getTranslation(notice.key(), notice.arguments());
            var banner = new Anchor(notice.route(), text);
            banner.addClassName("kl-notice");
            add(banner);
            if (caseworker) {
                org.kinlink.ui.Notifications.error(text);
            }
        });
        String roles = user.roles().stream()
                .sorted()
                .map(role -> getTranslation("role." + role))
                .collect(Collectors.joining(", "));
        add(new Paragraph(getTranslation("start.roles", roles)));
        var links = new Div();
        links.addClassName("kl-start-links");
        MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> !entry.path().isEmpty() && !entry.path().equals("/"))
                .forEach(entry -> {
                    var card = new Anchor(entry.path(), getTranslation(entry.title()));
                    card.addClassName("kl-start-link");
                    links.add(card);
                });
        if (links.getChildren().findAny().isPresent()) {
            add(new Paragraph(getTranslation("start.what-next")), links);
        } else {
            add(new Paragraph(getTranslation("start.nothing-yet")));
        }
    }

    /** Caseworkers land on their own cases: the first thing a caseworker on a call needs. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (caseworker && event.getNavigationTarget() == StartView.class) {
            event.forwardTo("cases");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.start");
    }
}
