package org.kinlink.reporting.ui;

import static org.kinlink.reporting.ui.DashboardParts.card;
import static org.kinlink.reporting.ui.DashboardParts.empty;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kinlink.access.UserFigures;
import org.kinlink.ui.Dates;

/** The administrator's morning: accounts by state and who is signed in now (names only, no case data). */
class DashboardAdminPanel extends Composite<Div> {

    DashboardAdminPanel(UserFigures figures) {
        Locale locale = getLocale();
        var counts = figures.users();
        Map<String, Long> states = new LinkedHashMap<>();
        states.put(getTranslation("dashboard.users.active"), counts.active());
        states.put(getTranslation("dashboard.users.disabled"), counts.disabled());
        states.put(getTranslation("dashboard.users.no-second-factor"), counts.withoutSecondFactor());
        states.put(getTranslation("dashboard.users.must-change"), counts.mustChangePassword());
        var users = card(
                getTranslation("dashboard.users.title"),
                DashboardParts.table(
                        getTranslation("dashboard.users.table"),
                        getTranslation("dashboard.table.state"),
                        getTranslation("dashboard.table.users"),
                        states,
                        locale),
                new Anchor("admin/users", getTranslation("dashboard.users-link")));

        var active = figures.activeSessions();
        var sessions = card(getTranslation("dashboard.sessions.title"));
        if (active.isEmpty()) {
            sessions.add(empty(getTranslation("dashboard.sessions.empty")));
        } else {
            sessions.add(DashboardParts.figure(active.size(), locale));
            var list = new UnorderedList();
            list.addClassName("kl-dashboard-list");
            active.forEach(user -> list.add(new ListItem(getTranslation(
                    "dashboard.sessions.item",
                    user.displayName(),
                    user.username(),
                    DashboardParts.number(user.sessions(), locale),
                    Dates.dateTime(user.lastRequest(), ZoneId.systemDefault(), locale)))));
            sessions.add(list);
        }
        getContent().add(DashboardParts.panel(getTranslation("dashboard.admin.title"), users, sessions));
    }
}
