package org.kinlink.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.StepUpRequired;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.access.UserDirectory;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseReports;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.letters.LetterReports;
import org.kinlink.people.DocumentType;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.people.Sex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Exports of the case list: masked by the access policy in every format, safe against formula
 * injection, audited, behind a step-up, and written batch by batch.
 */
@IntegrationTest
class ReportExportTest {

    private static final String PHONE = "+98 21 5555 0199";
    private static final String LOCATION = "Camp 9, block Z";
    private static final String DOCUMENT = "P7777777";
    private static final String NOTES = "asked for discretion";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportService reports;

    @Autowired
    CaseService cases;

    @Autowired
    PersonService people;

    long teamA;
    long teamB;
    String teamAName;
    KinlinkUser caseworkerA;
    KinlinkUser caseworkerB;
    String referenceA;
    String referenceB;
    ReportFilter thisMonth;

    @BeforeEach
    void twoTeamsWithACaseEach() {
        var administration = context.getBean(UserAdministration.class);
        // a team name that a spreadsheet would run as a formula (I1)
        teamAName = "=HYPERLINK(\"http://example.invalid\",\"x\") " + TestAccounts.uniqueName("t");
        teamA = TestAccounts.asAdministrator(
                () -> administration.createTeam(teamAName, "").id());
        teamB = ReportFixtures.team(context, "rep-b");
        caseworkerA = ReportFixtures.user(context, Set.of(Roles.CASEWORKER), Set.of(teamA));
        caseworkerB = ReportFixtures.user(context, Set.of(Roles.CASEWORKER), Set.of(teamB));

        TestAccounts.signIn(caseworkerA);
        PersonId sought = people.register(
                new PersonForm(
                        new PersonNames("Parvina", "Reportova", null, "پروین", "رحیمی", null),
                        List.of(),
                        Sex.FEMALE,
                        null,
                        1984,
                        null,
                        null,
                        LOCATION,
                        PHONE,
                        null,
                        null,
                        null,
                        List.of(new PersonForm.DocumentEntry(DocumentType.PASSPORT, DOCUMENT, null)),
                        NOTES),
                teamA);
        PersonId enquirer =
                people.register(PersonForm.named(new PersonNames("Darius", "Reportov", null, null, null, null)), teamA);
        referenceA = cases.create(new NewCase("Search for a sister", null, Priority.NORMAL, teamA, caseworkerA.id()));
        cases.addParty(referenceA, sought, PartyRole.SOUGHT, Relationship.SIBLING);
        cases.addParty(referenceA, enquirer, PartyRole.ENQUIRER, Relationship.SIBLING);

        TestAccounts.signIn(caseworkerB);
        PersonId other = people.register(
                PersonForm.named(new PersonNames("Otherina", "Teamova", null, null, null, null)), teamB);
        referenceB = cases.create(new NewCase("Other team's case", null, Priority.NORMAL, teamB, null));
        cases.addParty(referenceB, other, PartyRole.SOUGHT, Relationship.SIBLING);

        YearMonth month = reports.currentMonth();
        thisMonth = new ReportFilter(month, month, null);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("C4, C1: a caseworker's export in every format has their case, names, no hidden value, no other team")
    void caseworker_export_is_masked_and_scoped_in_every_format() throws IOException {
        TestAccounts.signInConfirmed(caseworkerA);
        for (ReportFormat format : ReportFormat.values()) {
            String text = text(format, export(ReportKind.CASE_LIST, format, thisMonth));

            assertThat(text).as(format.name()).contains(referenceA, "Parvina Reportova", "Darius Reportov");
            assertHidden(format, text);
            assertThat(text).as(format.name()).doesNotContain(referenceB, "Otherina");
        }
    }

    @Test
    @DisplayName(
            "C4: a coordinator's export shows what a coordinator may see: names, never contact, location or documents")
    void coordinator_export_shows_summaries_only() throws IOException {
        TestAccounts.signInConfirmed(ReportFixtures.user(context, Set.of(Roles.COORDINATOR), Set.of()));
        for (ReportFormat format : ReportFormat.values()) {
            String teamOnly = text(
                    format,
                    export(ReportKind.CASE_LIST, format, new ReportFilter(thisMonth.from(), thisMonth.to(), teamA)));

            assertThat(teamOnly).as(format.name()).contains(referenceA, "Parvina Reportova");
            assertThat(teamOnly).as(format.name()).doesNotContain(referenceB);
            assertHidden(format, teamOnly);
        }
    }

    @Test
    @DisplayName("C1: another team's caseworker never gets the case, and naming its team is 'not found', audited")
    void other_team_never_sees_the_case() throws IOException {
        TestAccounts.signInConfirmed(caseworkerB);
        for (ReportFormat format : ReportFormat.values()) {
            String text = text(format, export(ReportKind.CASE_LIST, format, thisMonth));
            assertThat(text).as(format.name()).contains(referenceB).doesNotContain(referenceA, "Parvina", "Darius");
        }
        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> export(
                        ReportKind.CASE_LIST,
                        ReportFormat.CSV,
                        new ReportFilter(thisMonth.from(), thisMonth.to(), teamA)))
                .isInstanceOf(RecordNotFound.class);
        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED")).hasSize(1);
    }

    @Test
    @DisplayName("I1: formula-like values get an apostrophe in CSV and stay text in XLSX")
    void formula_injection_is_neutralised() throws IOException {
        TestAccounts.signInConfirmed(caseworkerA);

        String csv = new String(export(ReportKind.CASE_LIST, ReportFormat.CSV, thisMonth), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\"");
        assertThat(csv).doesNotContain(",=HYPERLINK");

        try (var workbook = new XSSFWorkbook(
                new ByteArrayInputStream(export(ReportKind.CASE_LIST, ReportFormat.XLSX, thisMonth)))) {
            var sheet = workbook.getSheetAt(0);
            Cell team = sheet.getRow(1).getCell(1);
            assertThat(team.getCellType()).isEqualTo(CellType.STRING);
            assertThat(team.getStringCellValue()).startsWith("'=HYPERLINK(");
            for (var row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    @Test
    @DisplayName("L1: every export is recorded with format, filter and row count, never a value")
    void export_is_audited() throws IOException {
        TestAccounts.signInConfirmed(caseworkerA);
        long before = AuditEvents.newest(jdbc);

        export(ReportKind.CASE_LIST, ReportFormat.XLSX, thisMonth);

        var events = AuditEvents.since(jdbc, before, "REPORT_EXPORTED");
        assertThat(events).hasSize(1);
        String reason = (String) events.getFirst().get("reason");
        assertThat(reason).contains("format XLSX", "rows: 1", "period " + thisMonth.from());
        assertThat(reason).doesNotContain("Parvina", referenceA);
        assertThat(events.getFirst().get("object_id")).isEqualTo("case-list");
        assertThat(events.getFirst().get("outcome")).isEqualTo("SUCCESS");
    }

    @Test
    @DisplayName(
            "S4: an export needs a recent step-up; without one nothing is written and STEP_UP_REQUIRED is recorded")
    void export_needs_a_step_up() {
        TestAccounts.signIn(caseworkerA);
        long before = AuditEvents.newest(jdbc);
        var out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> reports.export(
                        ReportKind.CASE_LIST, ReportFormat.CSV, thisMonth, headings(), out, ReportProgress.NONE))
                .isInstanceOf(StepUpRequired.class);
        assertThatThrownBy(() ->
                        context.getBean(CaseReports.class).caseListBatch(thisMonth.from(), thisMonth.to(), null, 0, 10))
                .isInstanceOf(StepUpRequired.class);

        assertThat(out.size()).isZero();
        assertThat(AuditEvents.since(jdbc, before, "STEP_UP_REQUIRED")).hasSize(2);
        assertThat(AuditEvents.since(jdbc, before, "REPORT_EXPORTED")).isEmpty();
    }

    @Test
    @DisplayName("I2: bad filters are refused naming the field")
    void bad_filters_name_the_field() {
        TestAccounts.signInConfirmed(caseworkerA);
        YearMonth now = thisMonth.from();

        assertField(new ReportFilter(null, now, null), "from");
        assertField(new ReportFilter(now, null, null), "to");
        assertField(new ReportFilter(now, now.minusMonths(1), null), "to");
        assertField(new ReportFilter(now.plusMonths(1), now.plusMonths(1), null), "from");
        assertField(new ReportFilter(now.minusMonths(ReportFilter.MAX_MONTHS), now, null), "to");
        assertField(new ReportFilter(now, now, 0L), "team");
        assertThat(new ReportFilter(now.minusMonths(ReportFilter.MAX_MONTHS - 1), now, null).check(now))
                .isNotNull();
    }

    @Test
    void the_case_list_is_read_and_written_batch_by_batch_and_can_be_cancelled() throws IOException {
        TestAccounts.signInConfirmed(caseworkerA);
        cases.create(new NewCase("Second", null, Priority.NORMAL, teamA, null));
        cases.create(new NewCase("Third", null, Priority.NORMAL, teamA, null));
        // the same service with a batch of 2 rows: 3 cases are read in 2 batches
        var small = new ReportService(
                context.getBean(CaseReports.class),
                context.getBean(LetterReports.class),
                context.getBean(AccessPolicy.class),
                context.getBean(UserDirectory.class),
                context.getBean(AuditTrail.class),
                context.getBean(StepUpCheck.class),
                java.time.Clock.systemUTC(),
                2);
        var out = new ByteArrayOutputStream();
        List<Long> rowsAtProgress = new ArrayList<>();
        List<Integer> bytesAtProgress = new ArrayList<>();

        long rows = small.export(ReportKind.CASE_LIST, ReportFormat.CSV, thisMonth, headings(), out, written -> {
            rowsAtProgress.add(written);
            bytesAtProgress.add(out.size());
            return true;
        });

        assertThat(rows).isEqualTo(3);
        assertThat(rowsAtProgress).containsExactly(2L, 3L);
        // each batch reached the output stream before the next one was read
        assertThat(bytesAtProgress.getFirst()).isPositive().isLessThan(bytesAtProgress.get(1));
        assertThat(bytesAtProgress.get(1)).isEqualTo(out.size());

        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> small.export(
                        ReportKind.CASE_LIST,
                        ReportFormat.CSV,
                        thisMonth,
                        headings(),
                        new ByteArrayOutputStream(),
                        written -> false))
                .isInstanceOf(ReportCancelled.class);
        var events = AuditEvents.since(jdbc, before, "REPORT_EXPORTED");
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("outcome")).isEqualTo("FAILURE");
        assertThat((String) events.getFirst().get("reason")).contains("rows: 2", "cancelled");
    }

    @Test
    void aggregates_export_too() throws IOException {
        TestAccounts.signInConfirmed(caseworkerA);

        String csv =
                new String(export(ReportKind.CASES_PER_MONTH, ReportFormat.CSV, thisMonth), StandardCharsets.UTF_8);

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(csv).contains("Month,Team,Opened").contains(month + ",");
    }

    private void assertField(ReportFilter filter, String field) {
        assertThatThrownBy(() -> export(ReportKind.CASE_LIST, ReportFormat.CSV, filter))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static void assertHidden(ReportFormat format, String text) {
        assertThat(text).as(format.name()).doesNotContain(PHONE, "5555", LOCATION, "Camp 9", DOCUMENT, NOTES);
    }

    private byte[] export(ReportKind kind, ReportFormat format, ReportFilter filter) throws IOException {
        var out = new ByteArrayOutputStream();
        reports.export(kind, format, filter, headings(kind), out, ReportProgress.NONE);
        return out.toByteArray();
    }

    private static ReportHeadings headings() {
        return headings(ReportKind.CASE_LIST);
    }

    private static ReportHeadings headings(ReportKind kind) {
        var english = java.util.ResourceBundle.getBundle("vaadin-i18n.translations", java.util.Locale.ROOT);
        return new ReportHeadings(
                "Report",
                kind.columnKeys().stream()
                        .map(k -> english.getString("reports.column." + k))
                        .toList(),
                key -> english.containsKey(key) ? english.getString(key) : key,
                false);
    }

    /** What a reader of the file sees: CSV as text, XLSX cells read with POI, PDF text extracted with PDFBox. */
    private static String text(ReportFormat format, byte[] file) throws IOException {
        return switch (format) {
            case CSV -> new String(file, StandardCharsets.UTF_8);
            case XLSX -> {
                var all = new StringBuilder();
                try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                    for (var row : workbook.getSheetAt(0)) {
                        for (Cell cell : row) {
                            all.append(cell.toString()).append('|');
                        }
                        all.append('\n');
                    }
                }
                yield all.toString();
            }
            case PDF -> {
                try (var pdf = Loader.loadPDF(file)) {
                    yield new PDFTextStripper().getText(pdf);
                }
            }
        };
    }
}
