package org.kinlink.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.kinlink.cases.CaseEdit;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.Priority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Issue 8 item 2: undoing a spreadsheet import removes exactly what it created, or nothing (C2). */
@IntegrationTest
class ImportUndoTest {

    /** Every table an import writes to (besides its own batch record). */
    static final List<String> TABLES = List.of(
            "case_file",
            "case_party",
            "case_status_change",
            "case_consent",
            "person",
            "person_name_variant",
            "person_document",
            "person_match_key");

    static final String CSV = "Case title,Status,Enquirer given name,Enquirer family name,Sought given name,"
            + "Sought family name,Sought birth\n"
            + "Undo one,tracing,Roxana,Undotestian,Babak,Undotestian,1971\n"
            + "Undo two,new,Shirin,Revertzadeh,Kamran,Revertzadeh,1988\n";

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcTemplate jdbc;

    long team;

    @BeforeEach
    void signIn() {
        var administration = context.getBean(UserAdministration.class);
        team = TestAccounts.asAdministrator(() -> administration
                .createTeam(TestAccounts.uniqueName("team"), "test team")
                .id());
        TestAccounts.signIn(user(Set.of(Roles.ADMIN, Roles.CASEWORKER), Set.of(team)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void undo_removes_every_row_the_import_created_and_a_second_undo_is_refused() {
        Map<String, Long> before = counts();
        ImportResult result = importSample();
        assertThat(counts()).isNotEqualTo(before);

        int removed = imports.undo(result.batchId());

        assertThat(removed).isEqualTo(6);
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select undone_at is not null from import_batch where id = ?", Boolean.class, result.batchId()))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'IMPORT_UNDONE' and object_id = ?",
                        Long.class,
                        Long.toString(result.batchId())))
                .isEqualTo(1);
        assertThat(imports.recent(5))
                .filteredOn(b -> b.id() == result.batchId())
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.undoneAt()).isNotNull();
                    assertThat(b.cases()).isEqualTo(2);
                    assertThat(b.persons()).isEqualTo(4);
                });

        assertThatThrownBy(() -> imports.undo(result.batchId()))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.undo-already");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void undo_is_refused_and_changes_nothing_when_an_imported_case_was_edited_since() {
        ImportResult result = importSample();
        Map<String, Long> imported = counts();
        String edited = result.caseReferences().get(1);
        var details = cases.open(edited);
        cases.update(new CaseEdit(edited, details.version(), "Edited after import", null, Priority.HIGH, null));

        assertThatThrownBy(() -> imports.undo(result.batchId()))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.undo-refused")
                .satisfies(refused -> assertThat(((InvalidInput) refused).arguments())
                        .contains(edited)
                        .doesNotContain(result.caseReferences().get(0)));
        assertThat(counts()).isEqualTo(imported);
        assertThat(jdbc.queryForObject(
                        "select undone_at is null from import_batch where id = ?", Boolean.class, result.batchId()))
                .isTrue();
    }

    @Test
    void undo_is_refused_when_another_record_refers_to_an_imported_case() {
        ImportResult result = importSample();
        String reference = result.caseReferences().get(0);
        // a later record pointing at the case (as a contacts-log entry or a letter does), written
        // without touching the case itself: a disclosure row, which the import never writes
        long caseId = jdbc.queryForObject("select id from case_file where reference = ?", Long.class, reference);
        jdbc.update(
                "insert into case_disclosure (case_id, sought_party_id, enquirer_party_id, kind, recorded_by,"
                        + " recorded_at) select s.case_id, s.id, e.id, 'TEST', (select min(id) from app_user), now(6)"
                        + " from case_party s"
                        + " join case_party e on e.case_id = s.case_id and e.id <> s.id where s.case_id = ? limit 1",
                caseId);
        Map<String, Long> imported = counts();

        assertThatThrownBy(() -> imports.undo(result.batchId()))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.undo-refused")
                .satisfies(refused ->
                        assertThat(((InvalidInput) refused).arguments()).contains(reference));
        assertThat(counts()).isEqualTo(imported);
    }

    @Test
    void c2_only_administrators_who_are_caseworkers_of_the_team_undo() {
        ImportResult result = importSample();
        Map<String, Long> imported = counts();
        TestAccounts.signIn(user(Set.of(Roles.CASEWORKER), Set.of(team)));
        assertThatThrownBy(() -> imports.undo(result.batchId())).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(user(Set.of(Roles.ADMIN), Set.of()));
        assertThatThrownBy(() -> imports.undo(result.batchId())).isInstanceOf(AccessDeniedException.class);
        // an administrator-caseworker of another team does not see the records: refused, nothing removed
        TestAccounts.signIn(user(Set.of(Roles.ADMIN, Roles.CASEWORKER), Set.of(otherTeam())));
        assertThatThrownBy(() -> imports.undo(result.batchId()))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "import.undo-refused");
        assertThat(counts()).isEqualTo(imported);
    }

    private ImportResult importSample() {
        Sheet sheet = SpreadsheetReader.read(CSV.getBytes(StandardCharsets.UTF_8));
        return imports.apply(sheet, ImportMapping.suggest(sheet.header()), team, Set.of());
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private long otherTeam() {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() -> administration
                .createTeam(TestAccounts.uniqueName("team"), "test team")
                .id());
    }

    private KinlinkUser user(Set<String> roles, Set<Long> teams) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("undo");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        return TestAccounts.load(context, username);
    }
}
