package org.kinlink.importing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.importing.DryRun;
import org.kinlink.importing.ImportField;
import org.kinlink.importing.ImportMapping;
import org.kinlink.importing.ImportProgress;
import org.kinlink.importing.ImportResult;
import org.kinlink.importing.ImportService;
import org.kinlink.importing.ImportSummary;
import org.kinlink.importing.RowCheck;
import org.kinlink.importing.RowProblem;
import org.kinlink.importing.Sheet;
import org.kinlink.importing.SpreadsheetReader;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Administrators (who are also caseworkers of the target teams): import cases from a spreadsheet
 * in three steps — upload, map the columns (suggested from the header names), check every row in a
 * dry run — then import all or nothing. Re-uploading a fixed file keeps the mapping when the header
 * is unchanged. The dry run and the import run in the background (a file of hundreds of rows takes
 * a while): the page shows "row N of M", polled, with the buttons disabled; leaving the page does
 * not stop the work, and a finished import is listed under "Earlier imports".
 */
@Route("admin/import")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 93, title = "nav.import", icon = "vaadin:upload")
class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    private static final int POLL_MILLIS = 500;

    private final ImportService imports;
    /** Where the dry run and the import run; tests run them in the calling thread or later. */
    Executor executor = task -> Thread.ofVirtual().name("import").start(task);

    final ProgressBar progressBar = new ProgressBar();
    final Span progress = new Span();
    final VerticalLayout progressStep = new VerticalLayout();
    private boolean running;
    final java.util.concurrent.atomic.AtomicInteger latestRow = new java.util.concurrent.atomic.AtomicInteger();
    private String shownKey = "import.progress.check";
    private int shownTotal;
    private @Nullable Registration polling;
    final Upload upload;
    final Span fileInfo = new Span();
    final VerticalLayout mappingStep = new VerticalLayout();
    final Map<ImportField, ComboBox<Integer>> columns = new EnumMap<>(ImportField.class);
    final ComboBox<Long> team = new ComboBox<>();
    final Button check = new Button();
    final VerticalLayout checkStep = new VerticalLayout();
    final Paragraph summary = new Paragraph();
    final Grid<RowCheck> grid = new Grid<>();
    final Checkbox onlyProblems = new Checkbox();
    final Checkbox excludeErrors = new Checkbox();
    final Button apply = new Button();
    private final FormLayout mappingForm = new FormLayout();
    final Grid<ImportSummary> earlier = new Grid<>();
    private @Nullable Sheet sheet;
    private @Nullable DryRun dryRun;

    ImportView(ImportService imports, CurrentUser currentUser) {
        this.imports = imports;
        setMaxWidth("1200px");
        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")));
        upload = new Upload(UploadHandler.inMemory((metadata, content) ->
                getUI().ifPresent(ui -> ui.access(() -> load(metadata.fileName(), content)))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(SpreadsheetReader.MAX_BYTES);
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(getTranslation("import.choose"))
                .setMany(getTranslation("import.choose")));
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(getTranslation("import.drop"))
                .setMany(getTranslation("import.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("import.too-big", SpreadsheetReader.MAX_BYTES / (1024 * 1024))));
        upload.setI18n(i18n);
        upload.addAllFinishedListener(e -> upload.clearFileList());
        boolean caseworker = currentUser.require().hasRole(Roles.CASEWORKER);
        if (!caseworker) {
            upload.setVisible(false);
            add(new Paragraph(getTranslation("import.not-caseworker")));
        }
        if (caseworker) {
            add(new H3(getTranslation("import.step.upload")), upload, fileInfo);
        }

        mappingStep.setPadding(false);
        mappingStep.add(
                new H3(getTranslation("import.step.mapping")),
                new Paragraph(getTranslation("import.mapping-help")),
                mappingForm);
        team.setLabel(getTranslation("import.default-team"));
        team.setWidth("min(24rem, 100%)");
        if (caseworker) {
            Map<Long, String> teams = imports.teams();
            team.setItems(teams.keySet());
            team.setItemLabelGenerator(id -> teams.getOrDefault(id, ""));
            if (teams.size() == 1) {
                team.setValue(teams.keySet().iterator().next());
            }
        }
        check.setText(getTranslation("import.check"));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a file of hundreds of rows takes a while: no second click meanwhile
        check.setDisableOnClick(true);
        check.addClickListener(e -> check());
        progress.getElement().setAttribute("role", "status");
        progressBar.setWidth("min(30rem, 100%)");
        progressStep.setPadding(false);
        progressStep.setSpacing(false);
        progressStep.add(progress, progressBar);
        progressStep.setVisible(false);
        mappingStep.add(team, check, progressStep);
        mappingStep.setVisible(false);

        checkStep.setPadding(false);
        grid.addColumn(RowCheck::row)
                .setHeader(getTranslation("import.column.row"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RowCheck::title)
                .setHeader(getTranslation("import.column.title"))
                .setAutoWidth(true);
        grid.addColumn(RowCheck::enquirer)
                .setHeader(getTranslation("import.column.enquirer"))
                .setAutoWidth(true);
        grid.addColumn(RowCheck::sought)
                .setHeader(getTranslation("import.column.sought"))
                .setAutoWidth(true);
        grid.addColumn(this::problems)
                .setHeader(getTranslation("import.column.problems"))
                .setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        // in a file of hundreds of rows, the flagged ones are what the user has to fix
        onlyProblems.setLabel(getTranslation("import.only-problems"));
        onlyProblems.addValueChangeListener(e -> showRows());
        excludeErrors.setLabel(getTranslation("import.exclude-errors"));
        apply.setText(getTranslation("import.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setDisableOnClick(true);
        apply.addClickListener(e -> apply());
        checkStep.add(
                new H3(getTranslation("import.step.check")),
                summary,
                new Paragraph(getTranslation("import.duplicates-help")),
                onlyProblems,
                grid,
                excludeErrors,
                apply);
        checkStep.setVisible(false);
        add(mappingStep, checkStep);
        if (caseworker) {
            earlier.addThemeVariants(GridVariant.LUMO_COMPACT);
            earlier.setAllRowsVisible(true);
            earlier.setEmptyStateText(getTranslation("import.history.empty"));
            earlier.addColumn(ImportSummary::id)
                    .setHeader(getTranslation("import.history.number"))
                    .setAutoWidth(true);
            earlier.addColumn(b -> Dates.dateTime(b.createdAt(), ZoneId.systemDefault(), getLocale()))
                    .setHeader(getTranslation("import.history.date"))
                    .setAutoWidth(true);
            earlier.addColumn(ImportSummary::createdBy).setHeader(getTranslation("import.history.by"));
            earlier.addColumn(b -> getTranslation("import.history.counts", b.rows(), b.cases(), b.persons()))
                    .setHeader(getTranslation("import.history.created"));
            earlier.addColumn(b -> b.undoneAt() == null
                            ? ""
                            : Dates.dateTime(b.undoneAt(), ZoneId.systemDefault(), getLocale()))
                    .setHeader(getTranslation("import.history.undone"));
            earlier.addComponentColumn(this::undoButton).setAutoWidth(true);
            add(new H3(getTranslation("import.history.title")), earlier);
            refreshEarlier();
        }
        // the work goes on without the page; stop polling for a page that is gone
        addAttachListener(e -> polling = e.getUI().addPollListener(poll -> showProgress()));
        addDetachListener(e -> {
            if (polling != null) {
                polling.remove();
            }
            e.getUI().setPollInterval(-1);
        });
    }

    /** A file arrived: read it, and show the mapping (kept if the header is unchanged). */
    void load(String fileName, byte[] content) {
        if (running) {
            Notifications.error(getTranslation("import.busy"));
            return;
        }
        Sheet read;
        try {
            read = SpreadsheetReader.read(content);
        } catch (InvalidInput refused) {
            Notifications.error(getTranslation(refused.messageKey(), refused.arguments()));
            return;
        }
        boolean sameHeader = sheet != null && sheet.header().equals(read.header());
        sheet = read;
        dryRun = null;
        checkStep.setVisible(false);
        fileInfo.setText(
                getTranslation("import.file-read", fileName, read.rows().size()));
        if (!sameHeader) {
            showMapping(read.header(), ImportMapping.suggest(read.header()));
        }
        mappingStep.setVisible(true);
    }

    private void showMapping(List<String> header, ImportMapping suggested) {
        mappingForm.removeAll();
        columns.clear();
        List<Integer> indexes = IntStream.range(0, header.size()).boxed().toList();
        for (ImportField field : ImportField.values()) {
            var box = new ComboBox<Integer>(getTranslation(field.labelKey()) + (required(field) ? " *" : ""));
            box.setItems(indexes);
            box.setItemLabelGenerator(i -> header.get(i).isBlank() ? "#" + (i + 1) : header.get(i));
            box.setPlaceholder(getTranslation("import.no-column"));
            box.setClearButtonVisible(true);
            int column = suggested.column(field);
            if (column >= 0) {
                box.setValue(column);
            }
            columns.put(field, box);
            mappingForm.add(box);
        }
    }

    private static boolean required(ImportField field) {
        return field.required() || field == ImportField.ENQUIRER_GIVEN_LATIN || field == ImportField.SOUGHT_GIVEN_LATIN;
    }

    ImportMapping mapping() {
        var mapping = new ImportMapping(Map.of());
        for (var entry : columns.entrySet()) {
            Integer value = entry.getValue().getValue();
            mapping = mapping.with(entry.getKey(), value == null ? -1 : value);
        }
        return mapping;
    }

    private void check() {
        Sheet checked = sheet;
        if (checked == null || running) {
            check.setEnabled(!running);
            return;
        }
        ImportMapping mapping = mapping();
        Long defaultTeam = team.getValue();
        inBackground(
                "import.progress.check",
                checked.rows().size(),
                listener -> imports.dryRun(checked, mapping, defaultTeam, listener),
                this::checked,
                "import.check-failed");
    }

    private void checked(DryRun run) {
        dryRun = run;
        summary.setText(
                getTranslation("import.summary", dryRun.rows().size(), dryRun.errorRows(), dryRun.warningRows()));
        boolean flagged = dryRun.errorRows() + dryRun.warningRows() > 0;
        onlyProblems.setValue(flagged);
        onlyProblems.setVisible(flagged);
        showRows();
        excludeErrors.setValue(false);
        excludeErrors.setVisible(dryRun.errorRows() > 0);
        checkStep.setVisible(true);
    }

    /** The dry run's rows: all of them, or only those with errors or warnings. */
    private void showRows() {
        if (dryRun == null) {
            grid.setItems(List.of());
            return;
        }
        grid.setItems(
                onlyProblems.getValue()
                        ? dryRun.rows().stream()
                                .filter(row -> !row.problems().isEmpty())
                                .toList()
                        : dryRun.rows());
    }

    private Component undoButton(ImportSummary batch) {
        var button = new Button(getTranslation("import.undo"), e -> confirmUndo(batch));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        button.setEnabled(batch.undoneAt() == null);
        return button;
    }

    private void confirmUndo(ImportSummary batch) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("import.undo-confirm.title", batch.id()));
        dialog.add(new Paragraph(getTranslation("import.undo-confirm.text", batch.cases(), batch.persons())));
        var confirm = new Button(getTranslation("import.undo"), e -> {
            dialog.close();
            undo(batch.id());
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("import.undo-confirm.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void undo(long batchId) {
        try {
            int removed = imports.undo(batchId);
            Notifications.success(getTranslation("import.undone", batchId, removed));
        } catch (InvalidInput refused) {
            Notifications.error(getTranslation(refused.messageKey(), refused.arguments()));
        }
        refreshEarlier();
    }

    private void refreshEarlier() {
        earlier.setItems(imports.recent(20));
    }

    private void apply() {
        if (sheet == null || dryRun == null) {
            return;
        }
        Set<Integer> excluded = excludeErrors.getValue() ? new HashSet<>(dryRun.rowsWithErrors()) : Set.of();
        Sheet imported = sheet;
        ImportMapping mapping = mapping();
        Long defaultTeam = team.getValue();
        int total = (int) imported.rows().stream()
                .filter(row -> !excluded.contains(row.number()))
                .count();
        inBackground(
                "import.progress.apply",
                total,
                listener -> imports.apply(imported, mapping, defaultTeam, excluded, listener),
                this::imported,
                "import.apply-failed");
    }

    private void imported(ImportResult result) {
        String message =
                getTranslation("import.done", result.caseReferences().size(), result.persons(), result.batchId());
        Notifications.success(message);
        refreshEarlier();
        sheet = null;
        dryRun = null;
        // the mapping and check steps close: the outcome stays where the file was named
        fileInfo.setText(message);
        checkStep.setVisible(false);
        mappingStep.setVisible(false);
    }

    /**
     * Runs {@code work} on {@link #executor} as the signed-in user (and with the request's log
     * context, so that its audit events carry the same correlation id), showing "row N of M" by
     * polling, with the buttons disabled; then {@code done} with the result, or a message — never a
     * stack trace. The file and the mapping are kept unless the import succeeded.
     */
    private <T> void inBackground(
            String progressKey, int total, Function<ImportProgress, T> work, Consumer<T> done, String failedKey) {
        UI ui = UI.getCurrent();
        running = true;
        check.setEnabled(false);
        apply.setEnabled(false);
        upload.getElement().setEnabled(false);
        progressBar.setVisible(true);
        progressBar.setValue(0);
        progress.setText(getTranslation(progressKey, 0, total));
        progressStep.setVisible(true);
        ui.setPollInterval(POLL_MILLIS);
        var security = SecurityContextHolder.getContext();
        var logContext = MDC.getCopyOfContextMap();
        // progress arrives once per row; the page shows the latest count at each poll
        shownKey = progressKey;
        shownTotal = total;
        latestRow.set(0);
        ImportProgress listener = (row, rows) -> latestRow.set(row);
        Runnable task = () -> {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(security);
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                T result = work.apply(listener);
                onUi(ui, () -> {
                    finish(ui);
                    done.accept(result);
                });
            } catch (InvalidInput refused) {
                onUi(ui, () -> failed(ui, getTranslation(refused.messageKey(), translated(refused.arguments()))));
            } catch (ImportService.ImportFailed failure) {
                log.error("Import failed at row {}", failure.row(), failure);
                onUi(ui, () -> failed(ui, getTranslation("import.failed", failure.row())));
            } catch (RuntimeException failure) {
                log.error("Import work failed", failure);
                onUi(ui, () -> failed(ui, getTranslation(failedKey)));
            } finally {
                SecurityContextHolder.setContext(previous);
                MDC.clear();
            }
        };
        try {
            executor.execute(task);
        } catch (RuntimeException refused) {
            log.error("Import work could not start", refused);
            failed(ui, getTranslation(failedKey));
        }
    }

    /** At each poll while the work runs: "row N of M" with the latest N. */
    void showProgress() {
        if (!running) {
            return;
        }
        int row = latestRow.get();
        progress.setText(getTranslation(shownKey, row, shownTotal));
        progressBar.setValue(shownTotal == 0 ? 1 : Math.min(1, (double) row / shownTotal));
    }

    private void finish(UI ui) {
        running = false;
        ui.setPollInterval(-1);
        check.setEnabled(true);
        apply.setEnabled(true);
        upload.getElement().setEnabled(true);
        progressStep.setVisible(false);
    }

    private void failed(UI ui, String message) {
        finish(ui);
        progress.setText(message);
        progressBar.setVisible(false);
        progressStep.setVisible(true);
        Notifications.error(message);
    }

    /** With the session locked: at once when this thread holds the lock, else queued; nothing if the page is gone. */
    private static void onUi(UI ui, Command command) {
        var session = ui.getSession();
        if (session != null && session.hasLock()) {
            command.execute();
            return;
        }
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the user left: the work is done anyway, and its result is listed under "Earlier imports"
        }
    }

    private Object[] translated(Object[] arguments) {
        Object[] result = arguments.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] instanceof String key && key.startsWith("import.field.")) {
                result[i] = getTranslation(key);
            }
        }
        return result;
    }

    private String problems(RowCheck row) {
        if (row.problems().isEmpty()) {
            return getTranslation("import.ok");
        }
        return row.problems().stream().map(this::problem).collect(Collectors.joining("; "));
    }

    private String problem(RowProblem problem) {
        return (problem.error() ? "✖ " : "⚠ ") + getTranslation(problem.field().labelKey()) + ": "
                + getTranslation(problem.messageKey(), problem.arguments().toArray());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title");
    }
}
