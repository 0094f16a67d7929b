package org.kinlink.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.ConcurrentChange;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.DisclosureDecision;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.PartyView;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.cases.TracingConsent;
import org.kinlink.correspondence.Channel;
import org.kinlink.correspondence.CorrespondenceLog;
import org.kinlink.correspondence.Direction;
import org.kinlink.correspondence.EntryForm;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;
import org.kinlink.letters.DataCategory;
import org.kinlink.letters.Disclosed;
import org.kinlink.letters.InstitutionForm;
import org.kinlink.letters.InstitutionId;
import org.kinlink.letters.InstitutionType;
import org.kinlink.letters.Institutions;
import org.kinlink.letters.LegalBasis;
import org.kinlink.letters.LetterChannel;
import org.kinlink.letters.LetterDraft;
import org.kinlink.letters.Letters;
import org.kinlink.people.DocumentType;
import org.kinlink.people.NameVariant;
import org.kinlink.people.NameVariantKind;
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
 * D7: an approved erasure removes the person from every table, file and blind index, and leaves
 * only pseudonymous audit events; two different users are needed.
 */
@IntegrationTest
class ErasureLeavesNothingTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Erasure erasure;

    @Autowired
    PersonService people;

    @Autowired
    CaseService cases;

    @Autowired
    CorrespondenceLog log;

    @Autowired
    FileStore files;

    @Autowired
    Letters letters;

    @Autowired
    Institutions institutions;

    @Autowired
    JdbcTemplate jdbc;

    long teamA;
    long teamB;
    KinlinkUser caseworkerA;
    KinlinkUser caseworkerB;
    KinlinkUser lead;
    KinlinkUser admin;
    KinlinkUser coordinator;

    @BeforeEach
    void teamsAndUsers() {
        teamA = team();
        teamB = team();
        caseworkerA = user(Set.of(Roles.CASEWORKER), Set.of(teamA));
        caseworkerB = user(Set.of(Roles.CASEWORKER), Set.of(teamB));
        lead = user(Set.of(Roles.CASEWORKER), Set.of(teamA, teamB));
        admin = user(Set.of(Roles.ADMIN), Set.of());
        coordinator = user(Set.of(Roles.COORDINATOR), Set.of());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("D7: after an approved erasure no table holds the person's data, ids, blind-index values or files")
    void d7_erasure_leaves_nothing_behind_in_any_table() {
        String tag = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        String given = "Zorvanelle" + tag;
        String family = "Quistrappa" + tag;
        String father = "Oberlind" + tag;
        String givenFa = "زروانل" + tag;
        String familyFa = "کیستراپا" + tag;
        String spelling = "Sorvanell" + tag;
        String alias = "Zoroquist" + tag;
        String documentNumber = "XQ7719" + tag.toUpperCase();
        String phone = "+41 79 555 01 23";
        String email = "zq" + tag + "@example.org";
        String location = "Quellbrunnen camp " + tag;
        String notes = "Kestrelmoor " + tag;
        String birthplace = "Birthplace" + tag;
        String nationality = "Nationality" + tag;
        String street = "Street" + tag;
        String handle = "@handle" + tag;
        List<String> distinctive = List.of(
                given,
                family,
                father,
                givenFa,
                familyFa,
                spelling,
                alias,
                documentNumber,
                email,
                location,
                notes,
                birthplace,
                nationality,
                street,
                handle);

        // the person, with every kind of data, and a duplicate record merged into them
        TestAccounts.signInConfirmed(lead);
        PersonId person = people.register(
                new PersonForm(
                        new PersonNames(given, family, father, givenFa, familyFa, null),
                        List.of(
                                new NameVariant(NameVariantKind.SPELLING, spelling),
                                new NameVariant(NameVariantKind.ALIAS, alias)),
                        Sex.FEMALE,
                        null,
                        1979,
                        birthplace,
                        nationality,
                        location,
                        phone,
                        email,
                        street,
                        handle,
                        List.of(new PersonForm.DocumentEntry(DocumentType.PASSPORT, documentNumber, "Testland")),
                        notes),
                teamA);
        PersonId duplicate =
                people.register(PersonForm.named(new PersonNames(spelling, family, null, null, null, null)), teamA);
        people.merge(person, people.open(person).version(), duplicate, "same person");
        PersonId enquirer = people.register(
                PersonForm.named(new PersonNames("Kept", "Enquirer" + tag, null, null, null, null)), teamA);
        PersonId otherSought = people.register(
                PersonForm.named(new PersonNames("Kept", "Sought" + tag, null, null, null, null)), teamB);

        // case 1 of team A: the person is sought, with consent, disclosure and the contacts log
        String case1 = cases.create(
                new NewCase("Search for " + given + " " + family, "Mother of " + given, Priority.NORMAL, teamA, null));
        cases.addParty(case1, person, PartyRole.SOUGHT, Relationship.SELF);
        cases.addParty(case1, enquirer, PartyRole.ENQUIRER, Relationship.MOTHER);
        CaseDetails details = cases.open(case1);
        PartyView soughtParty = party(details, PartyRole.SOUGHT);
        cases.recordTracingConsent(
                case1,
                soughtParty.partyId(),
                details.consents().get(0).version(),
                TracingConsent.GIVEN,
                LocalDate.now().minusDays(2),
                "phone call with " + given);
        details = cases.open(case1);
        cases.recordDisclosureDecision(
                case1,
                soughtParty.partyId(),
                details.consents().get(0).version(),
                DisclosureDecision.AGREED_TO_CONTACT,
                LocalDate.now().minusDays(1),
                "visit");
        StoredFile attachment = files.store(
                "notes-" + tag + ".txt",
                new ByteArrayInputStream(("what " + given + " said").getBytes(StandardCharsets.UTF_8)));
        log.log(
                case1,
                new EntryForm(
                        Instant.now().minus(1, ChronoUnit.HOURS),
                        Channel.PHONE,
                        Direction.INCOMING,
                        soughtParty.partyId(),
                        null,
                        "Call with " + given,
                        "She said " + family + " lives at " + location,
                        false),
                List.of(attachment.id()));
        log.log(
                case1,
                new EntryForm(
                        Instant.now().minus(2, ChronoUnit.HOURS),
                        Channel.PHONE,
                        Direction.OUTGOING,
                        null,
                        "neighbour of " + family,
                        "Asked about the family",
                        "neutral summary",
                        false),
                List.of());

        // case 2 of team B: the person is another party there
        String case2 = cases.create(new NewCase(
                "Sister of " + given, "Both sisters (" + familyFa + ") asked", Priority.NORMAL, teamB, null));
        cases.addParty(case2, otherSought, PartyRole.SOUGHT, Relationship.SELF);
        cases.addParty(case2, person, PartyRole.ENQUIRER, Relationship.SIBLING);
        cases.addParty(case2, enquirer, PartyRole.ENQUIRER, Relationship.SIBLING);

        // a letter whose disclosure register names the person
        TestAccounts.signIn(coordinator);
        InstitutionId institution = institutions
                .save(new InstitutionForm(
                        null,
                        0,
                        TestAccounts.uniqueName("Institution"),
                        InstitutionType.RED_CROSS_RED_CRESCENT,
                        "Switzerland",
                        "Avenue 1",
                        "info@example.org",
                        null,
                        "en",
                        null))
                .id();
        TestAccounts.signInConfirmed(lead);
        String letter = letters.draft(new LetterDraft(
                institution,
                List.of(case1),
                "en",
                LetterChannel.POST,
                "About " + given + " " + family,
                "We ask about " + given + " " + family + ".",
                null,
                List.of(new Disclosed(case1, person, DataCategory.NAME, LegalBasis.LEGITIMATE_INTEREST))));

        // an import batch item that created the person
        jdbc.update(
                "insert into import_batch (created_at, created_by, row_count, mapping) values (now(6), ?, 1, 'GIVEN=given')",
                lead.id());
        Long batch = jdbc.queryForObject("select max(id) from import_batch", Long.class);
        jdbc.update(
                "insert into import_batch_item (batch_id, file_row, record_type, record_key) values (?, 2, 'PERSON', ?)",
                batch,
                person.toString());

        // what the person produced in the blind indexes, and the ids that point to them
        List<Long> personIds = List.of(person.value(), duplicate.value());
        var blind = new ArrayList<String>();
        for (long id : personIds) {
            blind.addAll(
                    jdbc.queryForList("select key_value from person_match_key where person_id = ?", String.class, id));
            blind.addAll(jdbc.queryForList(
                    "select phone_index from person where id = ? and phone_index is not null", String.class, id));
            blind.addAll(jdbc.queryForList(
                    "select email_index from person where id = ? and email_index is not null", String.class, id));
            blind.addAll(jdbc.queryForList(
                    "select number_index from person_document where person_id = ?", String.class, id));
        }
        assertThat(blind).as("the fixture produced blind-index values").hasSizeGreaterThan(5);
        List<Long> partyIds =
                jdbc.queryForList("select id from case_party where person_id = ?", Long.class, person.value());
        assertThat(partyIds).hasSize(2);

        // request by a caseworker, approval by an administrator
        TestAccounts.signInConfirmed(caseworkerA);
        long request = erasure.request(person, "The person asked in writing (" + given + ")");
        TestAccounts.signInConfirmed(admin);
        ErasurePreview preview = erasure.preview(request).orElseThrow();
        assertThat(preview.caseReferences()).containsExactlyInAnyOrder(case1, case2);
        assertThat(preview.records()).isEqualTo(2);
        assertThat(preview.attachments()).isEqualTo(1);
        assertThat(preview.letterReferences()).containsExactly(letter);
        assertThat(preview.importItems()).isEqualTo(1);
        long before = AuditEvents.newest(jdbc);
        long version = erasure.list(0, 500).stream()
                .filter(r -> r.id() == request)
                .findFirst()
                .orElseThrow()
                .version();
        ErasureRequestSummary done = erasure.approve(request, version);
        assertThat(done.status()).isEqualTo(ErasureStatus.ERASED);

        // nothing points to the person: foreign keys to person, and every person_id column
        for (Map<String, Object> fk :
                jdbc.queryForList("select table_name, column_name from information_schema.key_column_usage"
                        + " where table_schema = database() and referenced_table_name = 'person'")) {
            for (long id : personIds) {
                assertThat(count(
                                "select count(*) from `" + fk.get("table_name") + "` where `" + fk.get("column_name")
                                        + "` = ?",
                                id))
                        .as("%s.%s refers to the erased person", fk.get("table_name"), fk.get("column_name"))
                        .isZero();
            }
        }
        for (Map<String, Object> column : columns(
                "column_name like '%person_id' or column_name = 'merged_into_id' or column_name = 'id' and table_name = 'person'")) {
            for (long id : personIds) {
                assertThat(count(
                                "select count(*) from `" + column.get("table_name") + "` where `"
                                        + column.get("column_name") + "` = ?",
                                id))
                        .as("%s.%s holds the erased person's id", column.get("table_name"), column.get("column_name"))
                        .isZero();
            }
        }
        for (Map<String, Object> column : columns("column_name like '%party_id'")) {
            for (long id : partyIds) {
                assertThat(count(
                                "select count(*) from `" + column.get("table_name") + "` where `"
                                        + column.get("column_name") + "` = ?",
                                id))
                        .as(
                                "%s.%s holds one of the erased parties",
                                column.get("table_name"), column.get("column_name"))
                        .isZero();
            }
        }
        assertThat(count("select count(*) from case_party where id in (?, ?)", partyIds.get(0), partyIds.get(1)))
                .isZero();
        assertThat(count(
                        "select count(*) from import_batch_item where record_type = 'PERSON' and record_key = ?",
                        person.toString()))
                .isZero();

        // no text column anywhere (the audit log included) holds a distinctive value or a blind-index value
        for (Map<String, Object> column :
                columns("data_type in ('char', 'varchar', 'text', 'tinytext', 'mediumtext', 'longtext')")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            for (String value : distinctive) {
                assertThat(count("select count(*) from `" + table + "` where `" + name + "` like ?", "%" + value + "%"))
                        .as("%s.%s contains '%s'", table, name, value)
                        .isZero();
            }
            for (String value : blind) {
                assertThat(count("select count(*) from `" + table + "` where `" + name + "` = ?", value))
                        .as("%s.%s holds a blind-index value of the person", table, name)
                        .isZero();
            }
        }

        // the files are gone; the letter keeps only its skeleton; the cases stay
        assertThat(count(
                        "select count(*) from stored_file where id = ?",
                        attachment.id().value()))
                .isZero();
        assertThat(count("select count(*) from letter where reference = ? and body_enc is null", letter))
                .isEqualTo(1);
        assertThat(count("select count(*) from case_file where reference in (?, ?)", case1, case2))
                .isEqualTo(2);
        assertThat(count("select count(*) from case_file where reference = ? and anonymised_at is not null", case1))
                .as("case 1 lost its only sought person and is anonymised")
                .isEqualTo(1);
        assertThat(count("select count(*) from case_file where reference = ? and anonymised_at is null", case2))
                .as("case 2 keeps another enquirer and is not anonymised")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select title from case_file where reference = ?", String.class, case2))
                .isEqualTo("Sister of [erased person E" + request + "]");
        assertThat(count("select count(*) from person where id in (?, ?)", enquirer.value(), otherSought.value()))
                .as("the other persons stay")
                .isEqualTo(2);

        // the audit log keeps its events, pseudonymously
        var erased = AuditEvents.since(jdbc, before, "PERSON_ERASED");
        assertThat(erased).hasSize(1);
        assertThat(erased.get(0).get("object_id")).isEqualTo(person.toString());
        assertThat(String.valueOf(erased.get(0).get("reason")))
                .contains("request " + request)
                .contains(caseworkerA.displayName())
                .contains(admin.displayName());
        assertThat(AuditEvents.since(jdbc, before, "ERASURE_APPROVED")).hasSize(1);
        assertThat(count(
                        "select count(*) from audit_event where object_type = 'PERSON' and object_id = ?",
                        person.toString()))
                .as("earlier events about the person remain")
                .isGreaterThan(2);
    }

    @Test
    @DisplayName("D7: the requester cannot approve their own erasure request; a rejection removes nothing")
    void d7_two_different_users_are_needed() {
        KinlinkUser registrar = user(Set.of(Roles.CASEWORKER, Roles.ADMIN), Set.of(teamA));
        TestAccounts.signInConfirmed(registrar);
        PersonId person =
                people.register(PersonForm.named(new PersonNames("Twoperson", "Rule", null, null, null, null)), teamA);
        long request = erasure.request(person, "asked by letter");
        long version = summary(request).version();
        assertThatThrownBy(() -> erasure.approve(request, version))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "request");
        assertThat(count("select count(*) from person where id = ?", person.value()))
                .isEqualTo(1);

        TestAccounts.signInConfirmed(admin);
        assertThatThrownBy(() -> erasure.reject(request, version, " "))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "reason");
        ErasureRequestSummary rejected = erasure.reject(request, version, "legal hold");
        assertThat(rejected.status()).isEqualTo(ErasureStatus.REJECTED);
        assertThat(rejected.decidedByName()).isEqualTo(admin.displayName());
        assertThat(count("select count(*) from person where id = ?", person.value()))
                .isEqualTo(1);
        assertThatThrownBy(() -> erasure.approve(request, rejected.version())).isInstanceOf(InvalidInput.class);
    }

    @Test
    @DisplayName("D7: another team's person is 'not found' to the requester, and the refusal is audited")
    void d7_another_teams_person_is_not_found() {
        TestAccounts.signInConfirmed(caseworkerA);
        PersonId person =
                people.register(PersonForm.named(new PersonNames("Ownteam", "Person", null, null, null, null)), teamA);
        TestAccounts.signInConfirmed(caseworkerB);
        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> erasure.request(person, "not mine")).isInstanceOf(RecordNotFound.class);
        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED")).isNotEmpty();
        assertThat(count("select count(*) from erasure_request where person_ref = ?", person.value()))
                .isZero();
    }

    @Test
    @DisplayName("D7: a stale approval, a second request and a request without reason or step-up are refused")
    void d7_stale_and_duplicate_requests_are_refused() {
        TestAccounts.signInConfirmed(caseworkerA);
        PersonId person =
                people.register(PersonForm.named(new PersonNames("Stale", "Request", null, null, null, null)), teamA);
        assertThatThrownBy(() -> erasure.request(person, "  "))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "reason");
        TestAccounts.signIn(caseworkerA);
        assertThatThrownBy(() -> erasure.request(person, "asked")).isInstanceOf(org.kinlink.StepUpRequired.class);
        TestAccounts.signInConfirmed(caseworkerA);
        long request = erasure.request(person, "asked");
        assertThatThrownBy(() -> erasure.request(person, "asked again"))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "person");
        assertThat(erasure.pendingFor(person)).map(ErasureRequestSummary::id).contains(request);

        TestAccounts.signInConfirmed(admin);
        long version = summary(request).version();
        assertThatThrownBy(() -> erasure.approve(request, version + 1)).isInstanceOf(ConcurrentChange.class);
        erasure.reject(request, version, "not now");
        assertThatThrownBy(() -> erasure.reject(request, version, "again")).isInstanceOf(ConcurrentChange.class);
        TestAccounts.signIn(admin);
        TestAccounts.signInConfirmed(caseworkerA);
        long second = erasure.request(person, "asked once more");
        TestAccounts.signIn(admin);
        assertThatThrownBy(() -> erasure.approve(second, summary(second).version()))
                .isInstanceOf(org.kinlink.StepUpRequired.class);
        assertThat(count("select count(*) from person where id = ?", person.value()))
                .isEqualTo(1);
    }

    private ErasureRequestSummary summary(long request) {
        return TestAccounts.asAdministrator(() -> erasure.list(0, 500).stream()
                .filter(r -> r.id() == request)
                .findFirst()
                .orElseThrow());
    }

    private List<Map<String, Object>> columns(String where) {
        return jdbc.queryForList("select table_name, column_name from information_schema.columns"
                + " where table_schema = database() and (" + where + ")");
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static PartyView party(CaseDetails details, PartyRole role) {
        return details.parties().stream()
                .filter(p -> p.role() == role)
                .findFirst()
                .orElseThrow();
    }

    private long team() {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
    }

    private KinlinkUser user(Set<String> roles, Set<Long> teams) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("u");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        return TestAccounts.load(context, username);
    }
}
