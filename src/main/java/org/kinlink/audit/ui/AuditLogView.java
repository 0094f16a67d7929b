package org.kinlink.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.audit.ActionCount;
import org.kinlink.audit.AuditAlert;
import org.kinlink.audit.AuditAlerts;
import org.kinlink.audit.AuditChainVerifier;
import org.kinlink.audit.AuditCheckpoints;
import org.kinlink.audit.AuditEventView;
import org.kinlink.audit.AuditExport;
import org.kinlink.audit.AuditFilter;
import org.kinlink.audit.AuditLog;
import org.kinlink.audit.AuditOutcome;
import org.kinlink.audit.RecordAccess;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Notifications;
import org.kinlink.ui.StepUpDialog;

/**
 * Auditors: the audit log, newest first, loaded page by page as it scrolls, with filters; and the
 * integrity check of the hash chain. Shows identifiers, never personal data.
 */
@Route("audit")
@RolesAllowed(Roles.AUDITOR)
@Menu(order = 80, title = "nav.audit", icon = "vaadin:clipboard-check")
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final Pattern CASE_REFERENCE = Pattern.compile("(?i)KL-[0-9]{4}-[0-9]{1,9}");
    private static final Pattern PERSON_ID = Pattern.compile("[0-9]{1,19}");
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    final Grid<AuditEventView> grid = new Grid<>();
    final TextField user = new TextField();
    final TextField action = new TextField();
    final TextField objectId = new TextField();
    final ComboBox<AuditOutcome> outcome = new ComboBox<>();
    final DateTimePicker from = new DateTimePicker();
    final DateTimePicker to = new DateTimePicker();
    final ComboBox<String> objectType = new ComboBox<>();
    final Span integrity = new Span();
    final Button verify = new Button();
    final TextField record = new TextField();
    final Button whoAccessed = new Button();
    final Button activity = new Button();
    final Grid<RecordAccess> accesses = new Grid<>();
    final Grid<ActionCount> actions = new Grid<>();
    final Anchor exportCsv;
    final Button showAlerts = new Button();
    final Grid<AuditAlert> alerts = new Grid<>();
    final Anchor downloadCheckpoint;
    /** S4: the visible export buttons ask for a step-up first, then start the (hidden) downloads. */
    final Button exportCsvButton = new Button();

    final Button downloadCheckpointButton = new Button();
    final Button checkCheckpoint = new Button();
    final TextArea checkpointText = new TextArea();
    final Button runCheck = new Button();
    final Span checkpointResult = new Span();
    final Dialog checkpointDialog = new Dialog();
    private final AuditLog log;
    /** The filter of the rows on screen, which an export covers; set when the grid fetches. */
    private volatile AuditFilter shown = AuditFilter.any();

    AuditLogView(
            AuditLog log,
            AuditChainVerifier verifier,
            AuditExport export,
            AuditCheckpoints checkpoints,
            AuditAlerts alertService,
            StepUpCheck stepUp) {
        this.log = log;
        setSizeFull();
        objectType.setLabel(getTranslation("audit.object-type"));
        objectType.setItems(log.objectTypes());
        objectType.setClearButtonVisible(true);
        user.setLabel(getTranslation("audit.user"));
        action.setLabel(getTranslation("audit.action"));
        objectId.setLabel(getTranslation("audit.object-id"));
        outcome.setLabel(getTranslation("audit.outcome"));
        outcome.setItems(AuditOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("audit.outcome." + o.name()));
        outcome.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));
        Dates.showSolarHijri(from, getLocale());
        Dates.showSolarHijri(to, getLocale());
        var apply = new Button(
                getTranslation("audit.apply"), click -> grid.getDataProvider().refreshAll());
        apply.addClickShortcut(com.vaadin.flow.component.Key.ENTER).resetFocusOnActiveElement();
        var filters = new HorizontalLayout(user, action, objectType, objectId, outcome, from, to, apply);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        verify.setText(getTranslation("audit.verify"));
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.addClickListener(click -> {
            var result = verifier.verify();
            integrity.setText(
                    result.intact()
                            ? getTranslation("audit.intact", result.eventsChecked())
                            : getTranslation("audit.broken", result.firstBrokenSequence(), result.problem()));
            integrity.getElement().getThemeList().clear();
            integrity.getElement().getThemeList().add(result.intact() ? "badge success" : "badge error");
            if (!result.intact()) {
                Notifications.error(integrity.getText());
            }
            grid.getDataProvider().refreshAll();
        });
        integrity.getElement().setAttribute("role", "status");
        // I1, L1: the rows of the current filter as CSV, streamed, sent as an attachment, recorded
        exportCsv = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName("audit-log-" + FILE_TIME.format(Instant.now()) + ".csv");
                    event.setContentType("text/csv; charset=UTF-8");
                    export.writeCsv(shown, event.getOutputStream());
                },
                AttachmentType.DOWNLOAD,
                getTranslation("audit.export-csv"));
        // L3: a signed checkpoint of the chain head to keep elsewhere, and checking one later
        downloadCheckpoint = new Anchor(
                (DownloadHandler) event -> {
                    var checkpoint = checkpoints.create();
                    event.setFileName("audit-checkpoint-" + checkpoint.headSequence() + ".json");
                    event.setContentType("application/json");
                    event.getOutputStream().write(checkpoint.toJson().getBytes(StandardCharsets.UTF_8));
                },
                AttachmentType.DOWNLOAD,
                getTranslation("audit.checkpoint.download"));
        // S4: the services refuse an export without a recent step-up; the buttons ask for it first
        exportCsv.getStyle().set("display", "none");
        downloadCheckpoint.getStyle().set("display", "none");
        exportCsvButton.setText(getTranslation("audit.export-csv"));
        exportCsvButton.addClickListener(click -> StepUpDialog.guard(stepUp, () -> {
            stepUp.require(AuditExport.EXPORT_OPERATION);
            exportCsv.getElement().callJsFunction("click");
        }));
        downloadCheckpointButton.setText(getTranslation("audit.checkpoint.download"));
        downloadCheckpointButton.addClickListener(click -> StepUpDialog.guard(stepUp, () -> {
            stepUp.require(AuditCheckpoints.EXPORT_OPERATION);
            downloadCheckpoint.getElement().callJsFunction("click");
        }));
        checkCheckpoint.setText(getTranslation("audit.checkpoint.check"));
        checkpointText.setLabel(getTranslation("audit.checkpoint.paste"));
        checkpointText.setWidthFull();
        checkpointText.setMaxLength(4000);
        runCheck.setText(getTranslation("audit.checkpoint.run"));
        runCheck.addThemeVariants(ButtonVariant.PRIMARY);
        runCheck.addClickListener(click -> {
            var result = checkpoints.check(checkpointText.getValue());
            checkpointResult.setText(
                    result.valid()
                            ? getTranslation("audit.checkpoint.valid", result.headSequence())
                            : getTranslation("audit.checkpoint.invalid", result.problem()));
            checkpointResult.getElement().getThemeList().clear();
            checkpointResult.getElement().getThemeList().add(result.valid() ? "badge success" : "badge error");
        });
        checkpointResult.getElement().setAttribute("role", "status");
        checkpointDialog.setHeaderTitle(getTranslation("audit.checkpoint.check"));
        checkpointDialog.setWidth("min(40rem, 95vw)");
        checkpointDialog.add(new VerticalLayout(checkpointText, checkpointResult));
        checkpointDialog
                .getFooter()
                .add(new Button(getTranslation("audit.checkpoint.close"), c -> checkpointDialog.close()), runCheck);
        checkCheckpoint.addClickListener(click -> {
            checkpointText.clear();
            checkpointResult.setText("");
            checkpointDialog.open();
        });
        var header = new HorizontalLayout(
                new H2(getTranslation("nav.audit")),
                verify,
                exportCsvButton,
                downloadCheckpointButton,
                checkCheckpoint,
                integrity,
                exportCsv,
                downloadCheckpoint);
        header.setWrap(true);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(AuditEventView::sequenceNo)
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> Dates.timestamp(e.occurredAt(), ZoneOffset.UTC, getLocale()))
                .setHeader(getTranslation("audit.time"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.actorName() == null ? "—" : e.actorName())
                .setHeader(getTranslation("audit.user"))
                .setAutoWidth(true);
        grid.addColumn(AuditEventView::action)
                .setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(e ->
                        e.objectType() == null ? "" : e.objectType() + (e.objectId() == null ? "" : " " + e.objectId()))
                .setHeader(getTranslation("audit.object"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.outcome." + e.outcome().name()))
                .setHeader(getTranslation("audit.outcome"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader(getTranslation("audit.reason"));
        grid.addColumn(e -> e.clientAddress() == null ? "" : e.clientAddress())
                .setHeader(getTranslation("audit.client"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        // lazy: only the rows in view are fetched; no count over the whole table
        grid.setItems(query -> {
            shown = filter();
            return log.find(shown, query.getOffset(), query.getLimit()).stream();
        });

        // L4: who accessed a record, and what a user did
        record.setLabel(getTranslation("audit.record"));
        record.setHelperText(getTranslation("audit.record.help"));
        whoAccessed.setText(getTranslation("audit.who-accessed"));
        whoAccessed.addClickListener(click -> showWhoAccessed());
        activity.setText(getTranslation("audit.activity"));
        activity.addClickListener(click -> showActivity());
        var lookups = new HorizontalLayout(record, whoAccessed, activity);
        lookups.setAlignItems(FlexComponent.Alignment.BASELINE);
        lookups.setWrap(true);
        accesses.addColumn(a -> a.actorName() == null ? "—" : a.actorName())
                .setHeader(getTranslation("audit.user"))
                .setAutoWidth(true);
        accesses.addColumn(a -> Dates.timestamp(a.firstAccess(), ZoneOffset.UTC, getLocale()))
                .setHeader(getTranslation("audit.first-access"))
                .setAutoWidth(true);
        accesses.addColumn(a -> Dates.timestamp(a.lastAccess(), ZoneOffset.UTC, getLocale()))
                .setHeader(getTranslation("audit.last-access"))
                .setAutoWidth(true);
        accesses.addColumn(RecordAccess::events)
                .setHeader(getTranslation("audit.events"))
                .setAutoWidth(true);
        accesses.setAllRowsVisible(true);
        accesses.setVisible(false);
        actions.addColumn(ActionCount::action)
                .setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        actions.addColumn(ActionCount::events)
                .setHeader(getTranslation("audit.events"))
                .setAutoWidth(true);
        actions.setAllRowsVisible(true);
        actions.setVisible(false);

        // unusual access: over the from/to range, or the last 24 hours
        showAlerts.setText(getTranslation("audit.alerts.show"));
        showAlerts.addClickListener(click -> {
            var current = filter();
            Instant end = current.to() == null ? Instant.now() : current.to();
            Instant start = current.from() == null ? end.minus(Duration.ofHours(24)) : current.from();
            var found = alertService.alerts(start, end);
            accesses.setVisible(false);
            actions.setVisible(false);
            alerts.setItems(found);
            alerts.setVisible(true);
            if (found.isEmpty()) {
                Notifications.success(getTranslation("audit.alerts.none"));
            }
        });
        lookups.add(showAlerts);
        alerts.addColumn(a -> a.actorName() == null ? "—" : a.actorName())
                .setHeader(getTranslation("audit.user"))
                .setAutoWidth(true);
        alerts.addColumn(a -> getTranslation("audit.alerts.kind." + a.kind().name()))
                .setHeader(getTranslation("audit.alerts.kind"))
                .setAutoWidth(true);
        alerts.addColumn(AuditAlert::count)
                .setHeader(getTranslation("audit.events"))
                .setAutoWidth(true);
        alerts.addColumn(a -> Dates.timestamp(a.windowStart(), ZoneOffset.UTC, getLocale()) + " – "
                        + Dates.timestamp(a.windowEnd(), ZoneOffset.UTC, getLocale()))
                .setHeader(getTranslation("audit.alerts.window"))
                .setAutoWidth(true);
        alerts.setAllRowsVisible(true);
        alerts.setVisible(false);

        add(header, filters, lookups, accesses, actions, alerts, grid, checkpointDialog);
        setFlexGrow(1, grid);
    }

    /**
     * A case reference (KL-2026-000001) means that case, a number means that person; the log is
     * filtered to the record and the users who touched it are listed.
     */
    private void showWhoAccessed() {
        String value = record.getValue().strip();
        String type;
        String id;
        if (CASE_REFERENCE.matcher(value).matches()) {
            type = "CASE";
            id = value.toUpperCase(Locale.ROOT);
        } else if (PERSON_ID.matcher(value).matches()) {
            type = "PERSON";
            id = value;
        } else {
            record.setInvalid(true);
            record.setErrorMessage(getTranslation("audit.record.invalid"));
            return;
        }
        record.setInvalid(false);
        objectType.setValue(type);
        objectId.setValue(id);
        actions.setVisible(false);
        alerts.setVisible(false);
        accesses.setItems(log.accessesTo(type, id));
        accesses.setVisible(true);
        grid.getDataProvider().refreshAll();
    }

    /** The events of the user named in the user filter, and how many of each action. */
    private void showActivity() {
        String name = user.getValue().strip();
        if (name.isEmpty()) {
            user.setInvalid(true);
            user.setErrorMessage(getTranslation("audit.user.required"));
            return;
        }
        user.setInvalid(false);
        var current = filter();
        accesses.setVisible(false);
        alerts.setVisible(false);
        actions.setItems(log.activityOf(name, current.from(), current.to()));
        actions.setVisible(true);
        grid.getDataProvider().refreshAll();
    }

    private AuditFilter filter() {
        return new AuditFilter(
                blankToNull(user.getValue()),
                blankToNull(action.getValue().toUpperCase(java.util.Locale.ROOT)),
                objectType.getValue(),
                blankToNull(objectId.getValue()),
                outcome.getValue(),
                from.getValue() == null
                        ? null
                        : from.getValue().atZone(ZoneOffset.UTC).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().atZone(ZoneOffset.UTC).toInstant());
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
