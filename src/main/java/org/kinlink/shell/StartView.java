package org.kinlink.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.kinlink.access.CurrentUser;

/**
 * Where every user lands after signing in: the greeting, the reminders ({@link StartNotice}), then
 * the sections other modules contribute for the user's roles ({@link StartSection}: the per-role
 * dashboards). A user for whom no section has anything sees the parts of Kinlink they may open.
 */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.start", icon = "vaadin:home")
class StartView extends VerticalLayout implements HasDynamicTitle {

    StartView(
            CurrentUser currentUser,
            org.springframework.beans.factory.ObjectProvider<StartNotice> notices,
            org.springframework.beans.factory.ObjectProvider<StartSection> sections) {
        var user = currentUser.require();
        add(new H2(getTranslation("start.greeting", user.displayName())));
        // reminders (overdue letters), above the dashboards
        notices.orderedStream().flatMap(n -> n.forCurrentUser().stream()).forEach(notice -> {
            String text = getTranslation(notice.key(), notice.arguments());
            var banner = new Anchor(notice.route(), text);
            banner.addClassName("kl-notice");
            add(banner);
        });
        String roles = user.roles().stream()
                .sorted()
                .map(role -> getTranslation("role." + role))
                .collect(Collectors.joining(", "));
        add(new Paragraph(getTranslation("start.roles", roles)));
        var shown = sections.orderedStream()
                .sorted(java.util.Comparator.comparingInt(StartSection::order))
                .flatMap(section -> section.create().stream())
                .toList();
        if (!shown.isEmpty()) {
            shown.forEach(this::add);
            return;
        }
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

    @Override
    public String getPageTitle() {
        return getTranslation("nav.start");
    }
}
