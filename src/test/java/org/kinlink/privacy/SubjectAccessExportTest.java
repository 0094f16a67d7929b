package org.kinlink.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.StepUpRequired;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseService;
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
import org.kinlink.letters.LettersTestSupport;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * D7: a subject access export holds everything about the person and nothing about anyone else.
 * Three fictional persons with distinctive values: the enquirer (exported) and the sought person of
 * one case, and a third person in another case of the same team.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessExportTest {

    /** Values of the exported person: each must be in the export. */
    static final List<String> SUBJECT_VALUES = List.of(
            "Zarvanda",
            "Quelmorin",
            "Tobrekson",
            "Zarwandah Kelmoreen",
            "1971-04-12",
            "Patrasville",
            "+30 555 0101",
            "zarvanda@example.invalid",
            "P7781234",
            "Mantinea",
            "ASKED-ABOUT-PROGRESS",
            "Call from the enquirer");

    static final List<String> SUBJECT_NATIVE = List.of("زروندا", "کلمورین");

    /** Values of the other two persons (and of entries with another counterpart): none may appear. */
    static final List<String> OTHERS_VALUES = List.of(
            "Brimvel",
            "Ostrakan",
            "+30 555 0202",
            "Corinthosia",
            "N9934567",
            "brimvel@example.invalid",
            "SAFE-IN-HIDING",
            "TEAM-INTERNAL-NOTE",
            "Corvina",
            "Helmstadt",
            "+30 555 0303",
            "Thessalonia",
            "X1112223",
            "Search for Brimvel");

    static final List<String> OTHERS_NATIVE = List.of("بریمول", "اوستراکان", "کروینا");

    @Autowired
    ApplicationContext context;

    @Autowired
    SubjectAccessExport export;

    @Autowired
    PersonService people;

    @Autowired
    CaseService cases;

    @Autowired
    CorrespondenceLog log;

    @Autowired
    Letters letters;

    @Autowired
    Institutions institutions;

    @Autowired
    JdbcTemplate jdbc;

    KinlinkUser caseworker;
    KinlinkUser otherTeamCaseworker;
    PersonId subject;

    @BeforeAll
    void threePersonsInTwoCases() {
        long team = LettersTestSupport.team(context);
        long otherTeam = LettersTestSupport.team(context);
        caseworker = LettersTestSupport.user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        otherTeamCaseworker = LettersTestSupport.user(context, Set.of(Roles.CASEWORKER), Set.of(otherTeam));
        KinlinkUser coordinator = LettersTestSupport.user(context, Set.of(Roles.COORDINATOR), Set.of());
        TestAccounts.signIn(coordinator);
        InstitutionId institution = institutions
                .save(new InstitutionForm(
                        null,
                        0,
                        TestAccounts.uniqueName("Red Cross Tracing"),
                        InstitutionType.NGO,
                        null,
                        null,
                        null,
                        null,
                        "en",
                        null))
                .id();

        TestAccounts.signIn(caseworker);
        subject = people.register(
                new PersonForm(
                        new PersonNames("Zarvanda", "Quelmorin", "Tobrekson", "زروندا", "کلمورین", null),
                        List.of(new NameVariant(NameVariantKind.SPELLING, "Zarwandah Kelmoreen")),
                        Sex.FEMALE,
                        LocalDate.of(1971, 4, 12),
                        null,
                        "Mantinea",
                        null,
                        "Harbour Lane, Patrasville",
                        "+30 555 0101",
                        "zarvanda@example.invalid",
                        null,
                        null,
                        List.of(new PersonForm.DocumentEntry(DocumentType.PASSPORT, "P7781234", "Greece")),
                        null),
                team);
        PersonId sought = people.register(
                new PersonForm(
                        new PersonNames("Brimvel", "Ostrakan", null, "بریمول", "اوستراکان", null),
                        List.of(),
                        Sex.MALE,
                        null,
                        1968,
                        null,
                        null,
                        "Old Mill Road, Corinthosia",
                        "+30 555 0202",
                        "brimvel@example.invalid",
                        null,
                        null,
                        List.of(new PersonForm.DocumentEntry(DocumentType.NATIONAL_ID, "N9934567", null)),
                        null),
                team);
        PersonId third = people.register(
                new PersonForm(
                        new PersonNames("Corvina", "Helmstadt", null, "کروینا", null, null),
                        List.of(),
                        Sex.FEMALE,
                        null,
                        1980,
                        null,
                        null,
                        "Station Square, Thessalonia",
                        "+30 555 0303",
                        null,
                        null,
                        null,
                        List.of(new PersonForm.DocumentEntry(DocumentType.PASSPORT, "X1112223", null)),
                        null),
                team);

        String reference = cases.create(new NewCase("Search for Brimvel", null, Priority.NORMAL, team, null));
        cases.addParty(reference, subject, PartyRole.ENQUIRER, Relationship.SIBLING);
        CaseDetails details = cases.addParty(reference, sought, PartyRole.SOUGHT, Relationship.SELF);
        String otherReference = cases.create(new NewCase("Another family", null, Priority.NORMAL, team, null));
        cases.addParty(otherReference, third, PartyRole.SOUGHT, Relationship.SELF);

        long enquirerParty = party(details, PartyRole.ENQUIRER).partyId();
        PartyView soughtParty = party(details, PartyRole.SOUGHT);
        cases.recordTracingConsent(
                reference,
                soughtParty.partyId(),
                0,
                TracingConsent.GIVEN,
                LocalDate.now().minusDays(2),
                "phone call with Brimvel");
        Instant when = Instant.now().minus(1, ChronoUnit.HOURS);
        log.log(reference, entry(when, enquirerParty, "Call from the enquirer", "ASKED-ABOUT-PROGRESS"));
        log.log(reference, entry(when, soughtParty.partyId(), "Call with the sought person", "SAFE-IN-HIDING"));
        log.log(reference, entry(when, null, "Team meeting", "TEAM-INTERNAL-NOTE"));
        letters.draft(new LetterDraft(
                institution,
                List.of(reference),
                "en",
                LetterChannel.POST,
                "Tracing request",
                "Please search your records.",
                null,
                List.of(
                        new Disclosed(reference, subject, DataCategory.NAME, LegalBasis.LEGITIMATE_INTEREST),
                        new Disclosed(reference, sought, DataCategory.NAME, LegalBasis.LEGITIMATE_INTEREST))));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("D7: the JSON export holds every value of the person and none of the other parties'")
    void d7_json_export_holds_the_subject_and_no_one_else() {
        TestAccounts.signInConfirmed(caseworker);
        SubjectAccessFile file = export.export(subject, SubjectAccessFormat.JSON, Locale.ENGLISH);
        String json = new String(file.content(), StandardCharsets.UTF_8);

        assertThat(file.mediaType()).isEqualTo("application/json");
        assertThat(file.fileName()).isEqualTo("subject-access-P" + subject.value() + "-" + LocalDate.now() + ".json");
        assertThat(json).contains("\"format\" : \"" + SubjectAccessReport.FORMAT + "\"");
        for (String value : SUBJECT_VALUES) {
            assertThat(json).as("the subject's value %s", value).contains(value);
        }
        for (String value : SUBJECT_NATIVE) {
            assertThat(json).as("the subject's native name %s", value).contains(value);
        }
        for (String value : OTHERS_VALUES) {
            assertThat(json).as("another person's value %s", value).doesNotContain(value);
        }
        for (String value : OTHERS_NATIVE) {
            assertThat(json).as("another person's native name %s", value).doesNotContain(value);
        }
        assertThat(json)
                .contains("\"role\" : \"ENQUIRER\"", "\"relationship\" : \"SIBLING\"", "\"category\" : \"NAME\"")
                .contains("\"action\" : \"PERSON_CREATED\"");
    }

    @Test
    @DisplayName("D7: the PDF export holds every value of the person, Persian names joined, and none of the others'")
    void d7_pdf_export_holds_the_subject_and_no_one_else() throws IOException {
        TestAccounts.signInConfirmed(caseworker);
        SubjectAccessFile file = export.export(subject, SubjectAccessFormat.PDF, Locale.ENGLISH);
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        String raw = text(file.content());
        String flat = raw.replaceAll("\\s+", " ");
        String normalised = Normalizer.normalize(flat, Normalizer.Form.NFKC);
        String reversed = new StringBuilder(normalised).reverse().toString();

        for (String value : SUBJECT_VALUES) {
            assertThat(flat).as("the subject's value %s", value).contains(value);
        }
        for (String value : SUBJECT_NATIVE) {
            assertThat(normalised.contains(value) || reversed.contains(value))
                    .as("the subject's native name %s in %s", value, normalised)
                    .isTrue();
        }
        // shaped and joined: the surname's glyphs are the joined forms of کلمورین, in reading or visual order
        String glyphs = glyphs(file.content());
        String shaped = "\uFB90\uFEE0\uFEE4\uFEEE\uFEAD\uFBFE\uFEE6";
        assertThat(glyphs.contains(shaped)
                        || glyphs.contains(new StringBuilder(shaped).reverse().toString()))
                .as("the surname in joined forms")
                .isTrue();
        for (String value : OTHERS_VALUES) {
            assertThat(flat).as("another person's value %s", value).doesNotContain(value);
        }
        for (String value : OTHERS_NATIVE) {
            assertThat(normalised.contains(value) || reversed.contains(value))
                    .as("another person's native name %s", value)
                    .isFalse();
        }
    }

    @Test
    @DisplayName("D7: a Persian user gets the PDF with Persian labels, right to left, with the same values")
    void d7_pdf_in_persian() throws IOException {
        TestAccounts.signInConfirmed(caseworker);
        SubjectAccessFile file = export.export(subject, SubjectAccessFormat.PDF, Locale.forLanguageTag("fa"));
        String text = Normalizer.normalize(text(file.content()), Normalizer.Form.NFKC);
        String reversed = new StringBuilder(text).reverse().toString();
        assertThat(text.contains("مدارک هویتی") || reversed.contains("مدارک هویتی"))
                .isTrue();
        // the phone number keeps its left-to-right order on the right-to-left page
        assertThat(text).contains("P7781234", "zarvanda@example.invalid", "Patrasville", "+30 555 0101");
        for (String value : OTHERS_VALUES) {
            assertThat(text).as("another person's value %s", value).doesNotContain(value);
        }
    }

    @Test
    @DisplayName("D7, C3, L1: a caseworker of another team gets \"not found\", recorded as ACCESS_DENIED")
    void another_team_gets_not_found_and_the_refusal_is_recorded() {
        TestAccounts.signInConfirmed(otherTeamCaseworker);
        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> export.export(subject, SubjectAccessFormat.JSON, Locale.ENGLISH))
                .isInstanceOf(RecordNotFound.class);
        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED")).isNotEmpty();
        assertThat(AuditEvents.since(jdbc, before, "SUBJECT_ACCESS_EXPORTED")).isEmpty();
    }

    @Test
    @DisplayName("C4: auditors and administrators cannot export a person's data")
    void auditors_and_administrators_are_refused() {
        for (String role : List.of(Roles.AUDITOR, Roles.ADMIN, Roles.COORDINATOR)) {
            TestAccounts.signInConfirmed(LettersTestSupport.user(context, Set.of(role), Set.of()));
            assertThatThrownBy(() -> export.export(subject, SubjectAccessFormat.PDF, Locale.ENGLISH))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    @DisplayName("S4: an export needs a recent step-up; without it nothing is exported")
    void an_export_needs_a_step_up() {
        TestAccounts.signIn(caseworker);
        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> export.export(subject, SubjectAccessFormat.JSON, Locale.ENGLISH))
                .isInstanceOf(StepUpRequired.class);
        assertThat(AuditEvents.since(jdbc, before, "STEP_UP_REQUIRED")).isNotEmpty();
        assertThat(AuditEvents.since(jdbc, before, "SUBJECT_ACCESS_EXPORTED")).isEmpty();
    }

    @Test
    @DisplayName("L1: an export is recorded as SUBJECT_ACCESS_EXPORTED on the person with the format, no values")
    void an_export_is_recorded() {
        TestAccounts.signInConfirmed(caseworker);
        long before = AuditEvents.newest(jdbc);
        export.export(subject, SubjectAccessFormat.PDF, Locale.ENGLISH);
        var events = AuditEvents.since(jdbc, before, "SUBJECT_ACCESS_EXPORTED");
        assertThat(events).hasSize(1);
        assertThat(events.get(0))
                .containsEntry("object_type", "PERSON")
                .containsEntry("object_id", Long.toString(subject.value()))
                .containsEntry("reason", "PDF");
    }

    private static PartyView party(CaseDetails details, PartyRole role) {
        return details.parties().stream()
                .filter(p -> p.role() == role)
                .findFirst()
                .orElseThrow();
    }

    private static EntryForm entry(Instant when, Long counterpart, String subject, String summary) {
        return new EntryForm(when, Channel.PHONE, Direction.INCOMING, counterpart, null, subject, summary, false);
    }

    /** The glyphs as drawn, before PDFBox turns presentation forms back into letters. */
    static String glyphs(byte[] pdf) throws IOException {
        var glyphs = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) {
                    positions.forEach(p -> glyphs.append(p.getUnicode()));
                }
            }.getText(document);
        }
        return glyphs.toString();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
