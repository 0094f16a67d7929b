package org.kinlink.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.privacy.Retention;
import org.kinlink.privacy.RetentionReport;
import org.kinlink.privacy.RetentionRule;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;
import org.kinlink.ui.StepUpDialog;

/**
 * Administrators: retention rules per final case status (years after the case entered it), a dry
 * run now, applying the rules now (step-up, S4), and the reports of the recent runs (the nightly
 * job's included).
 */
@Route("admin/retention")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 95, title = "nav.retention", icon = "vaadin:archive")
class RetentionView extends VerticalLayout implements HasDynamicTitle {

    private final Retention retention;
    private final StepUpCheck stepUp;
    final VerticalLayout rules = new VerticalLayout();
    final Grid<RetentionReport> runs = new Grid<>();
    final Grid<RetentionReport.Line> lines = new Grid<>();
    final Button dryRun = new Button();
    final Button apply = new Button();

    RetentionView(Retention retention, StepUpCheck stepUp) {
        this.retention = retention;
        this.stepUp = stepUp;
        setSizeFull();
        rules.setPadding(false);
        dryRun.setText(getTranslation("retention.dry-run"));
        dryRun.addThemeVariants(ButtonVariant.PRIMARY);
        dryRun.addClickListener(click -> run(false));
        apply.setText(getTranslation("retention.apply"));
        apply.addThemeVariants(ButtonVariant.ERROR);
        apply.addClickListener(click -> confirmApply());

        runs.addColumn(r -> format(r.ranAt()))
                .setHeader(getTranslation("retention.run.at"))
                .setAutoWidth(true);
        runs.addColumn(r -> getTranslation(r.dryRun() ? "retention.run.dry" : "retention.run.applied"))
                .setHeader(getTranslation("retention.run.kind"))
                .setAutoWidth(true);
        runs.addColumn(RetentionReport::actorName)
                .setHeader(getTranslation("retention.run.by"))
                .setAutoWidth(true);
        runs.addColumn(r -> r.lines().size())
                .setHeader(getTranslation("retention.run.cases"))
                .setAutoWidth(true);
        runs.addColumn(RetentionReport::persons)
                .setHeader(getTranslation("retention.run.persons"))
                .setAutoWidth(true);
        runs.setEmptyStateText(getTranslation("retention.runs.empty"));
        runs.addThemeVariants(GridVariant.ROW_STRIPES);
        runs.setHeight("14rem");
        runs.asSingleSelect().addValueChangeListener(e -> showLines(e.getValue()));

        lines.addColumn(RetentionReport.Line::caseReference)
                .setHeader(getTranslation("retention.line.case"))
                .setAutoWidth(true);
        lines.addColumn(l -> getTranslation("case.status." + l.status()))
                .setHeader(getTranslation("retention.line.rule"))
                .setAutoWidth(true);
        lines.addColumn(l -> getTranslation("retention.years", l.years()))
                .setHeader(getTranslation("retention.line.years"))
                .setAutoWidth(true);
        lines.addColumn(l -> Dates.date(l.enteredAt(), ZoneId.systemDefault(), getLocale()))
                .setHeader(getTranslation("retention.line.entered"))
                .setAutoWidth(true);
        lines.addColumn(RetentionReport.Line::persons)
                .setHeader(getTranslation("retention.run.persons"))
                .setAutoWidth(true);
        lines.setEmptyStateText(getTranslation("retention.lines.empty"));
        lines.addThemeVariants(GridVariant.ROW_STRIPES);

        add(
                new H2(getTranslation("nav.retention")),
                new Paragraph(getTranslation("retention.explain")),
                rules,
                new Paragraph(getTranslation(
                        retention.scheduledRunIsDryRun() ? "retention.schedule.dry" : "retention.schedule.real")),
                new HorizontalLayout(dryRun, apply),
                new H3(getTranslation("retention.runs")),
                runs,
                lines);
        showRules();
        refreshRuns();
    }

    private void showRules() {
        rules.removeAll();
        for (RetentionRule rule : retention.rules()) {
            var years = new IntegerField(
                    getTranslation("case.status." + rule.status().name()));
            years.setValue(rule.years());
            years.setMin(1);
            years.setMax(100);
            years.setStepButtonsVisible(true);
            years.setWidth("20rem");
            years.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("retention.years.unit")));
            if (rule.updatedByName() != null) {
                years.setHelperText(
                        getTranslation("retention.rule.changed", rule.updatedByName(), format(rule.updatedAt())));
            }
            var save = new Button(getTranslation("common.save"), click -> save(rule, years));
            var row = new HorizontalLayout(years, save);
            row.setAlignItems(Alignment.BASELINE);
            rules.add(row);
        }
    }

    private void save(RetentionRule rule, IntegerField years) {
        Forms.clearErrors(Map.of("years", years));
        if (years.getValue() == null) {
            Forms.show(new InvalidInput("years", "retention.years-range"), Map.of("years", years), this);
            return;
        }
        try {
            retention.changeRule(rule.status(), rule.version(), years.getValue());
            Notifications.success(getTranslation("retention.rule.saved"));
            showRules();
        } catch (InvalidInput invalid) {
            Forms.show(invalid, Map.of("years", years), this);
        } catch (ConcurrentChange stale) {
            Notifications.error(getTranslation("error.concurrent-change"));
            showRules();
        }
    }

    private void confirmApply() {
        var dialog = new Dialog(getTranslation("retention.apply"));
        dialog.add(new Paragraph(getTranslation("retention.apply.confirm")));
        var go = new Button(getTranslation("retention.apply"), click -> {
            dialog.close();
            run(true);
        });
        go.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), go);
        dialog.open();
    }

    private void run(boolean forReal) {
        StepUpDialog.guard(stepUp, () -> {
            try {
                RetentionReport report = forReal ? retention.apply() : retention.dryRun();
                Notifications.success(getTranslation(
                        forReal ? "retention.applied" : "retention.dry-run.done",
                        report.lines().size(),
                        report.persons()));
                refreshRuns();
                runs.select(report);
            } catch (InvalidInput busy) {
                Notifications.error(getTranslation(busy.messageKey(), busy.arguments()));
            }
        });
    }

    private void refreshRuns() {
        var recent = retention.runs(0, 20);
        runs.setItems(recent);
        showLines(recent.isEmpty() ? null : recent.get(0));
    }

    private void showLines(@Nullable RetentionReport report) {
        lines.setItems(report == null ? java.util.List.of() : report.lines());
    }

    private String format(@Nullable Instant at) {
        return at == null ? "" : Dates.dateTime(at, ZoneId.systemDefault(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.retention");
    }
}
