package org.kinlink.reporting.ui;

import static org.kinlink.reporting.ui.DashboardParts.card;
import static org.kinlink.reporting.ui.DashboardParts.empty;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kinlink.audit.AuditAlerts;
import org.kinlink.audit.AuditChainVerifier;
import org.kinlink.audit.AuditFigures;
import org.kinlink.ui.Dates;

/**
 * The auditor's morning: whether the audit trail was intact at its last recorded verification
 * (the chain is walked only when the auditor asks), the alerts of the last week, and how many
 * events were recorded per day over the last two weeks.
 */
class DashboardAuditorPanel extends Composite<Div> {

    static final int ALERT_DAYS = 7;
    static final int VOLUME_DAYS = 14;
    static final int ALERTS_SHOWN = 8;

    final Span integrity = new Span();
    final Button verify = new Button();

    DashboardAuditorPanel(AuditFigures figures, AuditAlerts alertService, AuditChainVerifier verifier, Clock clock) {
        Locale locale = getLocale();

        integrity.getElement().setAttribute("role", "status");
        figures.lastVerification()
                .ifPresentOrElse(
                        last -> showIntegrity(
                                last.intact(),
                                last.intact()
                                        ? getTranslation(
                                                "dashboard.integrity.intact",
                                                Dates.timestamp(last.at(), ZoneOffset.UTC, locale),
                                                last.by() == null ? "—" : last.by())
                                        : getTranslation(
                                                "dashboard.integrity.broken",
                                                Dates.timestamp(last.at(), ZoneOffset.UTC, locale),
                                                last.detail())),
                        () -> {
                            integrity.setText(getTranslation("dashboard.integrity.never"));
                            integrity.getElement().getThemeList().add("badge contrast");
                        });
        verify.setText(getTranslation("dashboard.integrity.verify"));
        verify.setDisableOnClick(true);
        verify.addClickListener(click -> {
            var result = verifier.verify();
            showIntegrity(
                    result.intact(),
                    result.intact()
                            ? getTranslation("audit.intact", result.eventsChecked())
                            : getTranslation("audit.broken", result.firstBrokenSequence(), result.problem()));
            verify.setEnabled(true);
        });
        var integrityCard = card(getTranslation("dashboard.integrity.title"), new Div(integrity), verify);

        Instant now = clock.instant();
        var alerts = alertService.alerts(now.minus(Duration.ofDays(ALERT_DAYS)), now);
        var alertsCard = card(getTranslation("dashboard.alerts.title", DashboardParts.number(ALERT_DAYS, locale)));
        if (alerts.isEmpty()) {
            alertsCard.add(empty(getTranslation("dashboard.alerts.empty")));
        } else {
            alertsCard.add(DashboardParts.figure(alerts.size(), locale));
            var list = new UnorderedList();
            list.addClassName("kl-dashboard-list");
            alerts.stream()
                    .limit(ALERTS_SHOWN)
                    .forEach(alert -> list.add(new ListItem(getTranslation(
                            "dashboard.alerts.item",
                            alert.actorName() == null ? "—" : alert.actorName(),
                            getTranslation("audit.alerts.kind." + alert.kind().name()),
                            DashboardParts.number(alert.count(), locale),
                            Dates.timestamp(alert.windowEnd(), ZoneOffset.UTC, locale)))));
            alertsCard.add(list);
        }
        alertsCard.add(new Anchor("audit", getTranslation("dashboard.audit-link")));

        // the table and the text alternative name each day in full; the chart's axis uses the short
        // form (Solar Hijri alone for Persian), so that its labels stay on one line
        Map<String, Long> perDay = new LinkedHashMap<>();
        Map<String, Long> perDayShort = new LinkedHashMap<>();
        for (var day : figures.eventsPerDay(VOLUME_DAYS)) {
            perDay.put(Dates.date(day.day(), locale), day.events());
            perDayShort.put(
                    Dates.usesSolarHijri(locale) ? Dates.solarHijri(day.day()) : Dates.date(day.day(), locale),
                    day.events());
        }
        var volume = card(
                getTranslation("dashboard.volume.title", DashboardParts.number(VOLUME_DAYS, locale)),
                DashboardCharts.bars(
                        perDayShort,
                        true,
                        locale,
                        getTranslation("dashboard.volume.chart", DashboardParts.summary(perDay, locale))),
                DashboardParts.table(
                        getTranslation("dashboard.volume.table"),
                        getTranslation("dashboard.table.day"),
                        getTranslation("dashboard.table.events"),
                        perDay,
                        locale));
        volume.addClassName("kl-dashboard-wide");

        getContent()
                .add(DashboardParts.panel(
                        getTranslation("dashboard.auditor.title"), integrityCard, alertsCard, volume));
    }

    private void showIntegrity(boolean intact, String text) {
        integrity.setText(text);
        integrity.getElement().getThemeList().clear();
        integrity.getElement().getThemeList().add(intact ? "badge success" : "badge error");
    }
}
