package org.kinlink.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.AccessPolicy.Visibility;
import org.kinlink.access.CaseAction;
import org.kinlink.access.UserDirectory;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseReports;
import org.kinlink.cases.CaseReports.CaseRow;
import org.kinlink.letters.LetterReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The reports page's service: runs a report for the screen and exports it as CSV, XLSX or PDF. The
 * figures come from the owning modules ({@link CaseReports}, {@link LetterReports}), which scope them
 * by the access policy; nothing here reads their tables. Caseworkers get their own teams, coordinators
 * all teams; auditors and administrators get no case data and no reports.
 *
 * <p>An export (S4: after a recent step-up) is written as it is read: the case list comes in keyset
 * batches of {@code kinlink.reports.batch-size} rows, each written and flushed before the next is
 * read, so no export is ever held in memory. Every export is recorded as REPORT_EXPORTED with the
 * format, filter and row count (never a value), also when it fails or is cancelled.
 */
@Service
public class ReportService {

    /** The step-up operation of every report export (S4). */
    public static final String EXPORT_OPERATION = CaseReports.EXPORT_OPERATION;

    private final CaseReports cases;
    private final LetterReports letters;
    private final AccessPolicy policy;
    private final UserDirectory directory;
    private final AuditTrail audit;
    private final StepUpCheck stepUp;
    private final Clock clock;
    private final int batchSize;

    ReportService(
            CaseReports cases,
            LetterReports letters,
            AccessPolicy policy,
            UserDirectory directory,
            AuditTrail audit,
            StepUpCheck stepUp,
            Clock clock,
            @Value("${kinlink.reports.batch-size:1000}") int batchSize) {
        this.cases = cases;
        this.letters = letters;
        this.policy = policy;
        this.directory = directory;
        this.audit = audit;
        this.stepUp = stepUp;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** A team the caller may report on. */
    public record TeamChoice(long id, String name) {}

    /** The teams the caller may choose in the team filter: their own, or all for coordinators. */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    public List<TeamChoice> teams() {
        Visibility visibility = policy.visibility(CaseAction.SEE_CASE_SUMMARY);
        return directory.teamNames().entrySet().stream()
                .filter(e -> visibility.includes(e.getKey()))
                .map(e -> new TeamChoice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(TeamChoice::name))
                .toList();
    }

    /** The current month (UTC), the latest a period may start. */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * An aggregate report's rows for the screen (a few per month, team or institution), one cell per
     * column of {@link ReportKind#columnKeys()}. Status values are translated with {@code label}.
     * Recorded as REPORT_VIEWED. The case list is paged: {@link #caseList}.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    public List<List<@Nullable Object>> aggregate(
            ReportKind kind, ReportFilter filter, Function<String, String> label) {
        if (kind == ReportKind.CASE_LIST) {
            throw new IllegalArgumentException("The case list is read page by page");
        }
        ReportFilter checked = filter.check(currentMonth());
        List<List<@Nullable Object>> rows = aggregateRows(kind, checked, label);
        audit.record(AuditEntry.success("REPORT_VIEWED", "REPORT", kind.slug())
                .because(checked.describe() + ", rows: " + rows.size()));
        return rows;
    }

    /** One page of the case list for the screen (recorded by the cases module at the first page). */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    public List<List<@Nullable Object>> caseList(
            ReportFilter filter, int offset, int limit, Function<String, String> label) {
        ReportFilter checked = filter.check(currentMonth());
        return cases.caseList(checked.from(), checked.to(), checked.teamId(), offset, limit).stream()
                .map(row -> cells(row, label))
                .toList();
    }

    /**
     * Writes the report to {@code out} (not closed) in the format and returns the number of rows.
     * Headers and the title come translated in {@code headers}/{@code title}; {@code rtl} lays the
     * PDF out right to left. Needs a recent step-up (S4), asked after the filter and team checks.
     * {@code progress} hears the row count after each batch and may cancel ({@link ReportCancelled}).
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    public long export(
            ReportKind kind,
            ReportFormat format,
            ReportFilter filter,
            ReportHeadings headings,
            OutputStream out,
            ReportProgress progress)
            throws IOException {
        ReportFilter checked = filter.check(currentMonth());
        teamCheck(checked);
        stepUp.require(EXPORT_OPERATION);
        long rows = 0;
        String outcome = "interrupted";
        try (ReportWriter writer =
                ReportWriter.open(format, out, headings.title(), kind, headings.columns(), headings.rtl())) {
            if (kind == ReportKind.CASE_LIST) {
                long after = 0;
                while (true) {
                    List<CaseRow> batch =
                            cases.caseListBatch(checked.from(), checked.to(), checked.teamId(), after, batchSize);
                    for (CaseRow row : batch) {
                        writer.row(cells(row, headings.label()));
                    }
                    rows += batch.size();
                    writer.flush();
                    if (!progress.rowsWritten(rows)) {
                        outcome = "cancelled";
                        throw new ReportCancelled(rows);
                    }
                    if (batch.size() < batchSize) {
                        break;
                    }
                    after = batch.getLast().id();
                }
            } else {
                for (List<@Nullable Object> row : aggregateRows(kind, checked, headings.label())) {
                    writer.row(row);
                    rows++;
                }
                progress.rowsWritten(rows);
            }
            writer.finish();
            outcome = null;
            return rows;
        } finally {
            String why = "format " + format + ", " + checked.describe() + ", rows: " + rows;
            audit.record(
                    outcome == null
                            ? AuditEntry.success("REPORT_EXPORTED", "REPORT", kind.slug())
                                    .because(why)
                            : AuditEntry.failure("REPORT_EXPORTED", "REPORT", kind.slug())
                                    .because(why + ", " + outcome));
        }
    }

    /** Refuses (recorded, "not found") a team outside the caller's, before any step-up prompt. */
    private void teamCheck(ReportFilter filter) {
        Long team = filter.teamId();
        if (team != null && !policy.visibility(CaseAction.SEE_CASE_SUMMARY).includes(team)) {
            audit.recordIndependently(
                    AuditEntry.denied("ACCESS_DENIED", "TEAM", team).because(CaseAction.SEE_CASE_SUMMARY.name()));
            throw new RecordNotFound("Team");
        }
    }

    private List<List<@Nullable Object>> aggregateRows(
            ReportKind kind, ReportFilter filter, Function<String, String> label) {
        YearMonth from = filter.from();
        YearMonth to = filter.to();
        Long team = filter.teamId();
        var rows = new ArrayList<List<@Nullable Object>>();
        switch (kind) {
            case CASES_PER_MONTH ->
                cases.monthlyCounts(from, to, team)
                        .forEach(c -> rows.add(Arrays.asList(
                                c.month().toString(), c.teamName(), c.opened(), c.closed(), c.reunited())));
            case TIME_IN_STATUS ->
                cases.timeInStatus(from, to, team)
                        .forEach(t -> rows.add(Arrays.asList(
                                t.teamName(),
                                label.apply("case.status." + t.status().name()),
                                t.staysEnded(),
                                oneDecimal(t.medianDays()),
                                oneDecimal(t.meanDays()),
                                t.currentlyIn())));
            case LETTERS_PER_INSTITUTION ->
                letters.perInstitution(from, to, team)
                        .forEach(l -> rows.add(Arrays.asList(
                                l.institution(),
                                l.sent(),
                                l.answered(),
                                oneDecimal(l.answerRate() * 100),
                                oneDecimal(l.medianDaysToAnswer()))));
            case CASE_LIST -> throw new IllegalArgumentException("not an aggregate");
        }
        return rows;
    }

    private static List<@Nullable Object> cells(CaseRow row, Function<String, String> label) {
        return Arrays.asList(
                row.reference(),
                row.teamName(),
                label.apply("case.status." + row.status().name()),
                day(row.openedAt()),
                day(row.lastChange()),
                row.assigneeName(),
                String.join("; ", row.enquirerNames()),
                String.join("; ", row.soughtNames()));
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static @Nullable BigDecimal oneDecimal(@Nullable Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
