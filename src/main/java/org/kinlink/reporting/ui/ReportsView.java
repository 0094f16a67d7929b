package org.kinlink.reporting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.reporting.ReportCancelled;
import org.kinlink.reporting.ReportFilter;
import org.kinlink.reporting.ReportFormat;
import org.kinlink.reporting.ReportHeadings;
import org.kinlink.reporting.ReportKind;
import org.kinlink.reporting.ReportService;
import org.kinlink.reporting.ReportService.TeamChoice;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Languages;
import org.kinlink.ui.StepUpDialog;
import org.springframework.http.HttpHeaders;

/**
 * Reports: choose a report, a period of whole months and optionally a team, see it in a table (the
 * case list lazily, page by page) and export it as CSV, XLSX or PDF. An export asks for a step-up
 * first (S4), is streamed as an attachment (no-store) and shows the rows written so far, with a
 * button to cancel it.
 */
@Route("reports")
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR})
@Menu(order = 35, title = "nav.reports", icon = "vaadin:table")
class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private static final String NO_STORE = "no-store";
    /** The service answers at most this many rows per call; the grid may ask for more at once. */
    private static final int PAGE = 500;

    private static final int MONTHS_OFFERED = ReportFilter.MAX_MONTHS;

    final ComboBox<ReportKind> report = new ComboBox<>();
    final ComboBox<YearMonth> from = new ComboBox<>();
    final ComboBox<YearMonth> to = new ComboBox<>();
    final ComboBox<TeamChoice> team = new ComboBox<>();
    final Button show = new Button();
    final Grid<List<@Nullable Object>> grid = new Grid<>();
    final Map<ReportFormat, Button> exportButtons = new EnumMap<>(ReportFormat.class);
    final Map<ReportFormat, Anchor> downloads = new EnumMap<>(ReportFormat.class);
    final Span progress = new Span();
    final Button cancel = new Button();

    private final transient ReportService reports;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    /** The filter and report of the table on screen; an export covers exactly these. */
    private volatile ReportKind shownKind = ReportKind.CASES_PER_MONTH;

    private volatile ReportFilter shown;

    private final Locale pageLocale;

    ReportsView(ReportService reports, StepUpCheck stepUp) {
        this.reports = reports;
        this.pageLocale = getLocale();
        setSizeFull();
        YearMonth current = reports.currentMonth();
        shown = new ReportFilter(current.minusMonths(11), current, null);

        report.setLabel(getTranslation("reports.report"));
        report.setItems(ReportKind.values());
        report.setItemLabelGenerator(k -> getTranslation("reports.kind." + k.slug()));
        report.setValue(ReportKind.CASES_PER_MONTH);
        report.setWidth("20rem");
        List<YearMonth> months = IntStream.range(0, MONTHS_OFFERED)
                .mapToObj(current::minusMonths)
                .toList();
        from.setLabel(getTranslation("reports.from"));
        to.setLabel(getTranslation("reports.to"));
        for (ComboBox<YearMonth> month : List.of(from, to)) {
            month.setItems(months);
            // a Gregorian month as digits (2026-11): the same in every language and calendar
            month.setItemLabelGenerator(YearMonth::toString);
            month.setWidth("11rem");
        }
        from.setHelperText(getTranslation("reports.from.help"));
        to.setHelperText(getTranslation("reports.to.help"));
        from.setValue(current.minusMonths(11));
        to.setValue(current);
        team.setLabel(getTranslation("reports.team"));
        team.setPlaceholder(getTranslation("reports.all-teams"));
        team.setItems(reports.teams());
        team.setItemLabelGenerator(TeamChoice::name);
        team.setClearButtonVisible(true);
        show.setText(getTranslation("reports.show"));
        show.addThemeVariants(ButtonVariant.PRIMARY);
        show.addClickListener(click -> showReport());
        var filters = new HorizontalLayout(report, from, to, team, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        var exports = new HorizontalLayout();
        exports.setAlignItems(FlexComponent.Alignment.BASELINE);
        exports.setWrap(true);
        exports.add(new Span(getTranslation("reports.export")));
        for (ReportFormat format : ReportFormat.values()) {
            Anchor download = new Anchor(
                    (DownloadHandler) event -> {
                        event.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
                        event.setFileName(fileName(format));
                        event.setContentType(format.contentType());
                        export(format, event.getUI(), event.getOutputStream());
                    },
                    com.vaadin.flow.component.html.AttachmentType.DOWNLOAD,
                    format.name());
            download.getStyle().set("display", "none");
            downloads.put(format, download);
            Button button = new Button(getTranslation("reports.export." + format.extension()));
            // S4: the service refuses an export without a recent step-up; the button asks for it first
            button.addClickListener(click -> StepUpDialog.guard(stepUp, () -> {
                stepUp.require(ReportService.EXPORT_OPERATION);
                download.getElement().callJsFunction("click");
            }));
            exportButtons.put(format, button);
            exports.add(button, download);
        }
        progress.getElement().setAttribute("role", "status");
        cancel.setText(getTranslation("reports.cancel-export"));
        cancel.setVisible(false);
        cancel.addClickListener(click -> cancelRequested.set(true));
        exports.add(progress, cancel);

        grid.setEmptyStateText(getTranslation("reports.empty"));
        grid.setSizeFull();
        add(new H2(getTranslation("nav.reports")), filters, exports, grid);
        showReport();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reports");
    }

    /** Checks the filter, rebuilds the columns and fetches the report (lazily for the case list). */
    void showReport() {
        ReportKind kind = report.getValue() == null ? ReportKind.CASES_PER_MONTH : report.getValue();
        ReportFilter filter = new ReportFilter(
                from.getValue(),
                to.getValue(),
                team.getValue() == null ? null : team.getValue().id());
        from.setInvalid(false);
        to.setInvalid(false);
        team.setInvalid(false);
        try {
            filter.check(reports.currentMonth());
        } catch (InvalidInput invalid) {
            showInvalid(invalid);
            return;
        }
        shown = filter;
        shownKind = kind;
        grid.removeAllColumns();
        List<String> keys = kind.columnKeys();
        for (int i = 0; i < keys.size(); i++) {
            int column = i;
            String key = keys.get(i);
            var added = grid.addColumn(row -> text(key, row.get(column)))
                    .setHeader(getTranslation("reports.column." + key))
                    .setResizable(true);
            if (kind.numeric(i)) {
                added.setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
            } else {
                added.setAutoWidth(true);
            }
        }
        if (kind == ReportKind.CASE_LIST) {
            // lazy: only the rows in view are read; never all cases at once
            grid.setItems(query -> casePage(filter, query.getOffset(), query.getLimit()).stream());
        } else {
            grid.setItems(new ArrayList<>(reports.aggregate(kind, filter, this::getTranslation)));
        }
    }

    private List<List<@Nullable Object>> casePage(ReportFilter filter, int offset, int limit) {
        var rows = new ArrayList<List<@Nullable Object>>(Math.min(limit, PAGE));
        while (rows.size() < limit) {
            int wanted = Math.min(PAGE, limit - rows.size());
            var page = reports.caseList(filter, offset + rows.size(), wanted, this::getTranslation);
            rows.addAll(page);
            if (page.size() < wanted) {
                break;
            }
        }
        return rows;
    }

    private void showInvalid(InvalidInput invalid) {
        String message = getTranslation(invalid.messageKey(), invalid.arguments());
        var field = switch (invalid.field()) {
            case "from" -> from;
            case "to" -> to;
            default -> null;
        };
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            team.setErrorMessage(message);
            team.setInvalid(true);
        }
    }

    /** Dates through {@link Dates}; other cells as they come. */
    private String text(String key, @Nullable Object value) {
        if (value == null) {
            return "—";
        }
        if (("opened".equals(key) || "last-change".equals(key)) && value instanceof String day) {
            return Dates.date(LocalDate.parse(day), getLocale());
        }
        return value.toString();
    }

    private String fileName(ReportFormat format) {
        return "kinlink-" + shownKind.slug() + "-" + shown.from() + "-" + shown.to() + "." + format.extension();
    }

    /** Runs in the download request: streams the export and shows its progress on the page. */
    private void export(ReportFormat format, UI ui, java.io.OutputStream out) throws java.io.IOException {
        cancelRequested.set(false);
        ReportKind kind = shownKind;
        // the download request has no current UI: translate with the page's language, kept from the start
        Locale locale = pageLocale;
        var headings = new ReportHeadings(
                getTranslation(locale, "reports.kind." + kind.slug()),
                kind.columnKeys().stream()
                        .map(k -> getTranslation(locale, "reports.column." + k))
                        .toList(),
                key -> getTranslation(locale, key),
                Languages.isRightToLeft(locale));
        ui.access(() -> {
            ui.setPollInterval(500);
            cancel.setVisible(true);
            exportButtons.values().forEach(b -> b.setEnabled(false));
            progress.setText(getTranslation("reports.progress", 0));
        });
        try {
            long rows = reports.export(kind, format, shown, headings, out, written -> {
                ui.access(() -> progress.setText(getTranslation("reports.progress", written)));
                return !cancelRequested.get();
            });
            ui.access(() -> done(ui, getTranslation("reports.exported", rows)));
        } catch (ReportCancelled cancelled) {
            ui.access(() -> done(ui, getTranslation("reports.export-cancelled")));
            throw cancelled;
        } catch (RuntimeException | java.io.IOException e) {
            ui.access(() -> done(ui, getTranslation("reports.export-failed")));
            throw e;
        }
    }

    private void done(UI ui, String message) {
        ui.setPollInterval(-1);
        cancel.setVisible(false);
        exportButtons.values().forEach(b -> b.setEnabled(true));
        progress.setText(message);
    }
}
