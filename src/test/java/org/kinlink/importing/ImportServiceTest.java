package org.kinlink.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseStatus;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Issue 8 item 2: spreadsheet import — dry run, all-or-nothing import, access (C2, I2, I3, L1). */
@IntegrationTest
class ImportServiceTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    PersonService people;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcTemplate jdbc;

    long team;
    KinlinkUser importer;

    @BeforeEach
    void signIn() {
        team = team();
        importer = user(Set.of(Roles.ADMIN, Roles.CASEWORKER), Set.of(team));
        TestAccounts.signIn(importer);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_messy_sample_is_read_with_bom_semicolons_quotes_and_blank_lines() throws IOException {
        Sheet sheet = SpreadsheetReader.read(sample());
        assertThat(sheet.header()).first().isEqualTo("Case title");
        assertThat(sheet.header()).hasSize(14);
        // rows 2..15 minus the blank row 4
        assertThat(sheet.rows())
                .extracting(Sheet.Row::number)
                .containsExactly(2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(sheet.rows().getFirst().cell(13)).isEqualTo("Lost contact in 2015; last seen in Van");
        var mapping = ImportMapping.suggest(sheet.header());
        assertThat(mapping.column(ImportField.CASE_TITLE)).isEqualTo(0);
        assertThat(mapping.column(ImportField.ENQUIRER_GIVEN_NATIVE)).isEqualTo(6);
        assertThat(mapping.column(ImportField.SOUGHT_GIVEN_NATIVE)).isEqualTo(11);
        assertThat(mapping.column(ImportField.ENQUIRER_RELATIONSHIP)).isEqualTo(8);
        assertThat(mapping.column(ImportField.NOTES)).isEqualTo(13);
    }

    @Test
    void dates_in_several_formats_and_the_solar_hijri_calendar() {
        assertThat(ImportValues.date("2019-03-21")).contains(LocalDate.of(2019, 3, 21));
        assertThat(ImportValues.date("21/03/2019")).contains(LocalDate.of(2019, 3, 21));
        assertThat(ImportValues.date("21.03.2019")).contains(LocalDate.of(2019, 3, 21));
        assertThat(ImportValues.date("1398/01/01")).contains(LocalDate.of(2019, 3, 21));
        assertThat(ImportValues.date("۱۳۹۹/۰۱/۰۲")).contains(LocalDate.of(2020, 3, 21));
        assertThat(ImportValues.date("31/02/2020")).isEmpty();
        assertThat(ImportValues.date("1398/13/01")).isEmpty();
        assertThat(ImportValues.date("yesterday")).isEmpty();
        assertThat(ImportValues.status("Searching")).contains(CaseStatus.TRACING);
        assertThat(ImportValues.status("ON_HOLD")).contains(CaseStatus.ON_HOLD);
        assertThat(ImportValues.status("lost")).isEmpty();
    }

    @Test
    void the_dry_run_reports_exactly_the_expected_problems_per_row_and_writes_nothing() throws IOException {
        // a person already in the registry, found by the matcher for row 11
        people.register(
                PersonForm.named(new PersonNames("Golnar", "Vahidi", null, "گلنار", null, null))
                        .withBirthYear(1980),
                team);
        long personsBefore = count("person");
        Sheet sheet = SpreadsheetReader.read(sample());
        DryRun run = imports.dryRun(sheet, ImportMapping.suggest(sheet.header()), team);

        Map<Integer, List<String>> problems = new TreeMap<>();
        for (RowCheck row : run.rows()) {
            problems.put(
                    row.row(),
                    row.problems().stream()
                            .map(p -> (p.error() ? "E " : "W ") + p.field() + " " + p.messageKey())
                            .toList());
        }
        assertThat(problems)
                .containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                        Map.entry(2, List.of()),
                        Map.entry(3, List.of()),
                        Map.entry(5, List.of("E CASE_TITLE import.problem.required")),
                        Map.entry(6, List.of("E OPENED import.problem.bad-date")),
                        Map.entry(7, List.of()),
                        Map.entry(8, List.of("E STATUS import.problem.unknown-status")),
                        Map.entry(9, List.of("W SOUGHT_GIVEN_LATIN import.problem.duplicate-in-file")),
                        Map.entry(10, List.of("E TEAM import.problem.unknown-team")),
                        Map.entry(11, List.of("W SOUGHT_GIVEN_LATIN import.problem.duplicate-registry")),
                        Map.entry(12, List.of("E STATUS import.problem.status-needs-consent")),
                        Map.entry(13, List.of()),
                        Map.entry(14, List.of("E SOUGHT_GIVEN_LATIN import.problem.no-name")),
                        Map.entry(15, List.of("E ENQUIRER_BIRTH import.problem.birth-out-of-range")))));
        assertThat(run.rows().stream()
                        .filter(r -> r.row() == 9)
                        .findFirst()
                        .orElseThrow()
                        .problems()
                        .getFirst()
                        .arguments())
                .containsExactly("2");
        assertThat(run.errorRows()).isEqualTo(7);
        assertThat(run.warningRows()).isEqualTo(2);
        assertThat(count("person")).isEqualTo(personsBefore);
    }

    @Test
    void an_import_with_errors_is_refused_until_those_rows_are_left_out_then_everything_is_created()
            throws IOException {
        Sheet sheet = SpreadsheetReader.read(sample());
        var mapping = ImportMapping.suggest(sheet.header());
        long batchesBefore = count("import_batch");
        assertThatThrownBy(() -> imports.apply(sheet, mapping, team, Set.of()))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.has-errors");
        assertThat(count("import_batch")).isEqualTo(batchesBefore);

        Set<Integer> errors = Set.copyOf(imports.dryRun(sheet, mapping, team).rowsWithErrors());
        ImportResult result = imports.apply(sheet, mapping, team, errors);
        assertThat(result.caseReferences()).hasSize(6);
        assertThat(result.persons()).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from case_file where team_id = ?", Long.class, team))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from person where team_id = ?", Long.class, team))
                .isEqualTo(12);
        assertThat(jdbc.queryForObject(
                        "select count(*) from import_batch_item where batch_id = ?", Long.class, result.batchId()))
                .isEqualTo(24); // 6 cases, 12 persons, and the version of each case at import (for undo)
        // statuses reached through the workflow: tracing (row 2), on hold (row 13)
        assertThat(cases.open(result.caseReferences().getFirst()).status()).isEqualTo(CaseStatus.TRACING);
        assertThat(cases.open(result.caseReferences().getLast()).status()).isEqualTo(CaseStatus.ON_HOLD);
        // L1: one IMPORT_APPLIED event plus the services' own events
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'IMPORT_APPLIED' and object_id = ?",
                        Long.class,
                        Long.toString(result.batchId())))
                .isEqualTo(1);
    }

    @Test
    void an_import_is_all_or_nothing_a_failure_in_a_later_row_rolls_back_every_row() {
        String longName = "A".repeat(400);
        String csv = "Case title,Enquirer given name,Sought given name\n"
                + "First case,Parisa,Keyvan\n"
                + "Second case,Roya,Dariush\n"
                + "Third case," + longName + ",Mehdi\n";
        Sheet sheet = SpreadsheetReader.read(csv.getBytes(StandardCharsets.UTF_8));
        var mapping = ImportMapping.suggest(sheet.header());
        assertThat(imports.dryRun(sheet, mapping, team).errorRows()).isZero();
        long batches = count("import_batch");
        assertThatThrownBy(() -> imports.apply(sheet, mapping, team, Set.of()))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.row-failed")
                .satisfies(e -> assertThat(((InvalidInput) e).arguments()).startsWith(4));
        assertThat(jdbc.queryForObject("select count(*) from case_file where team_id = ?", Long.class, team))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from person where team_id = ?", Long.class, team))
                .isZero();
        assertThat(count("import_batch")).isEqualTo(batches);
    }

    @Test
    void an_xlsx_workbook_is_read_like_a_csv_file() throws IOException {
        byte[] workbook;
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("cases");
            String[][] cells = {
                {"Case title", "Status", "Sought given name", "Sought family name", "Enquirer given name"},
                {"Workbook case", "intake", "Ramin", "Jafari", "Taraneh"},
                {},
                {"Second workbook case", "", "Elham", "Jafari", "Taraneh"}
            };
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            var dated = sheet.getRow(1).createCell(5);
            book.write(out);
            workbook = out.toByteArray();
        }
        Sheet sheet = SpreadsheetReader.read(workbook);
        assertThat(sheet.rows()).extracting(Sheet.Row::number).containsExactly(2, 4);
        var mapping = ImportMapping.suggest(sheet.header());
        assertThat(imports.dryRun(sheet, mapping, team).errorRows()).isZero();
        ImportResult result = imports.apply(sheet, mapping, team, Set.of());
        assertThat(result.caseReferences()).hasSize(2);
        assertThat(cases.open(result.caseReferences().getFirst()).status()).isEqualTo(CaseStatus.INTAKE);
    }

    @Test
    void i2_a_file_that_is_neither_text_nor_a_workbook_is_refused_by_content() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe};
        assertThatThrownBy(() -> SpreadsheetReader.read(binary))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.not-spreadsheet");
        byte[] fakeZip = {'P', 'K', 3, 4, 1, 2, 3};
        assertThatThrownBy(() -> SpreadsheetReader.read(fakeZip))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.not-spreadsheet");
    }

    @Test
    void c2_only_administrators_who_are_caseworkers_import() {
        Sheet sheet = SpreadsheetReader.read(
                "Case title,Enquirer given name,Sought given name\nX,A,B\n".getBytes(StandardCharsets.UTF_8));
        var mapping = ImportMapping.suggest(sheet.header());
        TestAccounts.signIn(user(Set.of(Roles.CASEWORKER), Set.of(team)));
        assertThatThrownBy(() -> imports.dryRun(sheet, mapping, team)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.apply(sheet, mapping, team, Set.of()))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(user(Set.of(Roles.ADMIN), Set.of()));
        assertThatThrownBy(() -> imports.apply(sheet, mapping, team, Set.of()))
                .isInstanceOf(AccessDeniedException.class);
        // an administrator-caseworker of another team: the dry run says so, the import is refused
        long other = team();
        TestAccounts.signIn(user(Set.of(Roles.ADMIN, Roles.CASEWORKER), Set.of(other)));
        assertThat(imports.dryRun(sheet, mapping, team).rows().getFirst().problems())
                .extracting(RowProblem::messageKey)
                .containsExactly("import.problem.not-member");
        assertThatThrownBy(() -> imports.apply(sheet, mapping, team, Set.of()))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.has-errors");
    }

    @Test
    void five_hundred_rows_import_in_reasonable_time() {
        var csv = new StringBuilder("Case title;Status;Enquirer given name;Enquirer family name;Sought given name;"
                + "Sought family name;Sought birth\n");
        String[] given = {"Anahita", "Bahram", "Cyrus", "Delaram", "Ehsan", "Fereshteh", "Golshan", "Hooman"};
        String[] family = {"Abtahi", "Bozorgmehr", "Choobdar", "Dastgheib", "Esfandiari", "Fakhimi", "Ghorbani"};
        for (int i = 0; i < 500; i++) {
            csv.append("Case ")
                    .append(i)
                    .append(";tracing;")
                    .append(given[i % given.length])
                    .append(";")
                    .append(family[i % family.length])
                    .append(i)
                    .append(";")
                    .append(given[(i + 3) % given.length])
                    .append(";")
                    .append(family[(i + 2) % family.length])
                    .append(i)
                    .append(";")
                    .append(1950 + i % 50)
                    .append("\n");
        }
        Sheet sheet = SpreadsheetReader.read(csv.toString().getBytes(StandardCharsets.UTF_8));
        var mapping = ImportMapping.suggest(sheet.header());
        long start = System.nanoTime();
        DryRun run = imports.dryRun(sheet, mapping, team);
        long checked = System.nanoTime();
        ImportResult result = imports.apply(sheet, mapping, team, Set.of());
        long done = System.nanoTime();
        assertThat(run.errorRows()).isZero();
        assertThat(result.caseReferences()).hasSize(500);
        System.out.printf(
                "500-row import: dry run %d ms, import %d ms%n",
                (checked - start) / 1_000_000, (done - checked) / 1_000_000);
    }

    private byte[] sample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/import/messy-cases.csv")) {
            return in.readAllBytes();
        }
    }

    private long count(String table) {
        return switch (table) {
            case "person" -> jdbc.queryForObject("select count(*) from person", Long.class);
            case "import_batch" -> jdbc.queryForObject("select count(*) from import_batch", Long.class);
            default -> throw new IllegalArgumentException(table);
        };
    }

    private long team() {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() -> administration
                .createTeam(TestAccounts.uniqueName("team"), "test team")
                .id());
    }

    private KinlinkUser user(Set<String> roles, Set<Long> teams) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("imp");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        return TestAccounts.load(context, username);
    }

    static String joined(List<String> values) {
        return values.stream().collect(Collectors.joining(","));
    }
}
