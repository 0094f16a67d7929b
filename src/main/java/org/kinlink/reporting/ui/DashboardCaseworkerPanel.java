package org.kinlink.reporting.ui;

import static org.kinlink.reporting.ui.DashboardParts.card;
import static org.kinlink.reporting.ui.DashboardParts.empty;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.kinlink.cases.CaseFigures;
import org.kinlink.letters.LetterFigures;
import org.kinlink.ui.Dates;

/**
 * The caseworker's morning: find a case at once (the field has the focus, Enter searches), their
 * open cases by status, what to do next, overdue letter follow-ups about their teams' cases and
 * their teams' recently changed cases.
 *
 * <p>"Next actions" are the caseworker's active cases (assigned to them, open and not on hold),
 * the most urgent first and, within a priority, the case left longest without any change first.
 */
class DashboardCaseworkerPanel extends Composite<Div> {

    static final int NEXT_ACTIONS = 6;
    static final int OVERDUE_LETTERS = 6;
    static final int RECENT = 6;
    private static final Pattern FULL_REFERENCE = Pattern.compile("(?i)KL-\\d{4}-\\d{6}");

    final TextField find = new TextField();

    DashboardCaseworkerPanel(CaseFigures cases, LetterFigures letters, Clock clock) {
        Locale locale = getLocale();
        ZoneId zone = ZoneId.systemDefault();

        find.setLabel(getTranslation("dashboard.find.label"));
        find.setPlaceholder(getTranslation("dashboard.find.placeholder"));
        find.setPrefixComponent(VaadinIcon.SEARCH.create());
        find.setClearButtonVisible(true);
        find.setWidth("22rem");
        find.setMaxWidth("100%");
        find.setAutofocus(true);
        find.addKeyDownListener(Key.ENTER, enter -> find(find.getValue()));

        Map<String, Long> byStatus = new LinkedHashMap<>();
        cases.myOpenCasesByStatus()
                .forEach((status, count) -> byStatus.put(getTranslation("case.status." + status.name()), count));
        Section open;
        if (byStatus.isEmpty()) {
            open = card(getTranslation("dashboard.open.title"), empty(getTranslation("dashboard.open.empty")));
        } else {
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            open = card(
                    getTranslation("dashboard.open.title"),
                    DashboardParts.figure(total, locale),
                    DashboardCharts.bars(
                            byStatus,
                            true,
                            locale,
                            getTranslation("dashboard.open.chart", DashboardParts.summary(byStatus, locale))),
                    DashboardParts.table(
                            getTranslation("dashboard.open.table"),
                            getTranslation("dashboard.table.status"),
                            getTranslation("dashboard.table.cases"),
                            byStatus,
                            locale));
        }

        var next = cases.myNextActions(NEXT_ACTIONS);
        Section nextCard;
        if (next.isEmpty()) {
            nextCard = card(getTranslation("dashboard.next.title"), empty(getTranslation("dashboard.next.empty")));
        } else {
            var list = new UnorderedList();
            list.addClassName("kl-dashboard-list");
            for (var action : next) {
                long days = Math.max(
                        0,
                        Duration.between(action.lastChanged(), clock.instant()).toDays());
                list.add(new ListItem(
                        caseLink(action.reference()),
                        detail(getTranslation("case.status." + action.status().name()) + " · "
                                + getTranslation(
                                        "case.priority." + action.priority().name()) + " · "
                                + (days == 0
                                        ? getTranslation("dashboard.next.today")
                                        : getTranslation(
                                                "dashboard.next.quiet", DashboardParts.number(days, locale))))));
            }
            var how = new Paragraph(getTranslation("dashboard.next.how"));
            how.addClassName("kl-dashboard-note");
            nextCard = card(getTranslation("dashboard.next.title"), how, list);
        }

        var overdue = letters.overdueAboutMyCases(OVERDUE_LETTERS);
        Section overdueCard;
        if (overdue.isEmpty()) {
            overdueCard = card(
                    getTranslation("dashboard.follow-ups.title"), empty(getTranslation("dashboard.follow-ups.empty")));
        } else {
            var list = new UnorderedList();
            list.addClassName("kl-dashboard-list");
            for (var letter : overdue) {
                var item = new ListItem(
                        new Anchor("letters/" + letter.reference(), letter.reference()),
                        detail(getTranslation(
                                "dashboard.follow-ups.item",
                                letter.institution(),
                                Dates.date(letter.dueOn(), locale))));
                var about = new Div();
                about.addClassName("kl-dashboard-detail");
                letter.cases().forEach(reference -> about.add(caseLink(reference), new Span(" ")));
                item.add(about);
                list.add(item);
            }
            overdueCard = card(getTranslation("dashboard.follow-ups.title"), list);
        }

        var recent = cases.recentlyChangedInMyTeams(RECENT);
        Section recentCard;
        if (recent.isEmpty()) {
            recentCard =
                    card(getTranslation("dashboard.recent.title"), empty(getTranslation("dashboard.recent.empty")));
        } else {
            var list = new UnorderedList();
            list.addClassName("kl-dashboard-list");
            for (var changed : recent) {
                list.add(new ListItem(
                        caseLink(changed.reference()),
                        new Span(" " + changed.title()),
                        detail(getTranslation("case.status." + changed.status().name()) + " · "
                                + Dates.date(changed.changedAt(), zone, locale))));
            }
            recentCard = card(getTranslation("dashboard.recent.title"), list);
        }

        var casesLink = new Anchor("cases", getTranslation("dashboard.cases-link"));
        var findRow = new Div(find, casesLink);
        findRow.addClassName("kl-dashboard-find");
        var panel = DashboardParts.panel(
                getTranslation("dashboard.caseworker.title"), open, nextCard, overdueCard, recentCard);
        panel.addComponentAtIndex(1, findRow);
        getContent().add(panel);
    }

    /** A full reference opens the case; anything else opens the cases list searching for it. */
    private void find(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return;
        }
        getUI().ifPresent(ui -> {
            if (FULL_REFERENCE.matcher(value).matches()) {
                ui.navigate("cases/" + value.toUpperCase(Locale.ROOT));
            } else {
                ui.navigate("cases", QueryParameters.of("q", value));
            }
        });
    }

    private static Anchor caseLink(String reference) {
        return new Anchor("cases/" + reference, reference);
    }

    private static Span detail(String text) {
        var span = new Span(text);
        span.addClassName("kl-dashboard-detail");
        return span;
    }
}
