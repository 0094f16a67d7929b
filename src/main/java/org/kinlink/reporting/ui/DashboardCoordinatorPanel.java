package org.kinlink.reporting.ui;

import static org.kinlink.reporting.ui.DashboardParts.card;
import static org.kinlink.reporting.ui.DashboardParts.empty;
import static org.kinlink.reporting.ui.DashboardParts.figure;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kinlink.letters.LetterFigures;

/** The coordinator's morning: letters awaiting an answer, overdue letters by institution, letters sent this month. */
class DashboardCoordinatorPanel extends Composite<Div> {

    DashboardCoordinatorPanel(LetterFigures letters) {
        Locale locale = getLocale();
        var awaiting = card(
                getTranslation("dashboard.awaiting.title"),
                figure(letters.awaitingAnswer(), locale),
                new Paragraph(getTranslation("dashboard.awaiting.text")),
                new Anchor("letters", getTranslation("dashboard.letters-link")));

        Map<String, Long> byInstitution = new LinkedHashMap<>();
        letters.overdueByInstitution().forEach(c -> byInstitution.merge(c.name(), c.count(), Long::sum));
        Section overdue;
        if (byInstitution.isEmpty()) {
            overdue = card(getTranslation("dashboard.overdue.title"), empty(getTranslation("dashboard.overdue.empty")));
        } else {
            long total =
                    byInstitution.values().stream().mapToLong(Long::longValue).sum();
            overdue = card(
                    getTranslation("dashboard.overdue.title"),
                    figure(total, locale),
                    DashboardCharts.bars(
                            byInstitution,
                            true,
                            locale,
                            getTranslation("dashboard.overdue.chart", DashboardParts.summary(byInstitution, locale))),
                    DashboardParts.table(
                            getTranslation("dashboard.overdue.table"),
                            getTranslation("dashboard.table.institution"),
                            getTranslation("dashboard.table.letters"),
                            byInstitution,
                            locale));
        }

        var sent = card(
                getTranslation("dashboard.sent.title"),
                figure(letters.sentThisMonth(), locale),
                new Paragraph(getTranslation("dashboard.sent.text")));

        getContent().add(DashboardParts.panel(getTranslation("dashboard.coordinator.title"), awaiting, overdue, sent));
    }
}
