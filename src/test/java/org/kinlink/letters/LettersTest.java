package org.kinlink.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kinlink.letters.LettersTestSupport.caseWithParties;
import static org.kinlink.letters.LettersTestSupport.decide;
import static org.kinlink.letters.LettersTestSupport.draft;
import static org.kinlink.letters.LettersTestSupport.institution;
import static org.kinlink.letters.LettersTestSupport.names;
import static org.kinlink.letters.LettersTestSupport.team;
import static org.kinlink.letters.LettersTestSupport.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.kinlink.access.TestAccounts;
import org.kinlink.cases.CaseFacts;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.DisclosureDecision;
import org.kinlink.cases.PartyRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** Letters to institutions: workflow, consent rules (D6), the register, and who sees what (C3, L1). */
@IntegrationTest
class LettersTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Letters letters;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcTemplate jdbc;

    long team;
    KinlinkUser caseworker;
    KinlinkUser author;
    KinlinkUser approver;
    List<String> threeCases;
    InstitutionId institution;

    @BeforeEach
    void threeCasesAndAnInstitution() {
        team = team(context);
        caseworker = user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        author = user(context, Set.of(Roles.COORDINATOR), Set.of());
        approver = user(context, Set.of(Roles.COORDINATOR), Set.of());
        threeCases = new ArrayList<>();
        for (String name : List.of("Aram", "Bita", "Cyrus")) {
            threeCases.add(caseWithParties(context, caseworker, team, name + TestAccounts.uniqueName("")));
        }
        TestAccounts.signIn(author);
        institution = institution(context, InstitutionType.RED_CROSS_RED_CRESCENT, "en");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String draftAboutThreeCases() {
        TestAccounts.signIn(author);
        return letters.draft(draft(institution, threeCases, names(context, threeCases)));
    }

    @Test
    @DisplayName(
            "a letter about three cases goes from draft to answered, each step recorded, approved by another coordinator")
    void a_letter_goes_through_its_workflow() {
        String reference = draftAboutThreeCases();
        assertThat(reference).matches("KL-L-\\d{4}-\\d{4}");
        LetterDetails drafted = letters.open(reference);
        assertThat(drafted.caseReferences()).containsExactlyInAnyOrderElementsOf(threeCases);
        assertThat(drafted.body()).contains(threeCases.get(0));

        TestAccounts.signIn(approver);
        LetterDetails approved = letters.move(reference, drafted.version(), LetterStatus.APPROVED, null);
        assertThat(approved.status()).isEqualTo(LetterStatus.APPROVED);
        LocalDate sentOn = LocalDate.now().minusDays(2);
        LetterDetails sent = letters.send(reference, approved.version(), sentOn);
        assertThat(sent.sentOn()).isEqualTo(sentOn);
        assertThat(sent.dueOn()).isAfter(sentOn.plusDays(20));
        assertThat(sent.pdfFileId()).as("the PDF is stored with the letter").isNotNull();
        LetterDetails acknowledged = letters.acknowledge(reference, sent.version(), LocalDate.now(), "ICRC/123");
        assertThat(acknowledged.theirReference()).isEqualTo("ICRC/123");
        LetterDetails answered = letters.answer(
                reference, acknowledged.version(), LocalDate.now(), "The persons were registered in a camp.", null);
        assertThat(answered.status()).isEqualTo(LetterStatus.ANSWERED);
        assertThat(answered.history())
                .extracting(LetterHistoryEntry::to)
                .containsExactly(
                        LetterStatus.ANSWERED,
                        LetterStatus.ACKNOWLEDGED,
                        LetterStatus.SENT,
                        LetterStatus.APPROVED,
                        LetterStatus.DRAFT);
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_event WHERE object_type = 'LETTER' AND object_id = ?",
                        String.class,
                        reference))
                .contains(
                        "LETTER_DRAFTED",
                        "LETTER_APPROVED",
                        "LETTER_SENT",
                        "LETTER_ACKNOWLEDGED",
                        "LETTER_ANSWERED",
                        "LETTER_VIEWED",
                        "LETTER_PDF_GENERATED");
        assertThat(jdbc.queryForObject("SELECT body_enc FROM letter WHERE reference = ?", String.class, reference))
                .as("D1: the body is stored encrypted")
                .doesNotContain(threeCases.get(0));

        // the caseworker sees the letter and the answer on each case
        TestAccounts.signIn(caseworker);
        for (String caseReference : threeCases) {
            assertThat(letters.aboutCase(caseReference)).singleElement().satisfies(letter -> {
                assertThat(letter.reference()).isEqualTo(reference);
                assertThat(letter.answerSummary()).isEqualTo("The persons were registered in a camp.");
            });
        }
    }

    @Test
    @DisplayName("the author cannot approve their own letter; the refusal is recorded")
    void self_approval_is_refused() {
        String reference = draftAboutThreeCases();
        long version = letters.open(reference).version();
        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> letters.move(reference, version, LetterStatus.APPROVED, null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.approval-by-another");
        assertThat(AuditEvents.since(jdbc, before, "LETTER_STEP_REFUSED")).isNotEmpty();
        assertThat(letters.open(reference).nextSteps()).doesNotContain(LetterStatus.APPROVED);
    }

    @Test
    @DisplayName("steps that skip the workflow are refused; only drafts can be edited; a stale edit is refused")
    void refused_transitions() {
        String reference = draftAboutThreeCases();
        long version = letters.open(reference).version();
        assertThatThrownBy(() -> letters.send(reference, version, LocalDate.now()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.step-not-possible");
        assertThatThrownBy(() -> letters.move(reference, version, LetterStatus.CLOSED, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> letters.acknowledge(reference, version, LocalDate.now(), null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> letters.update(
                        reference, version + 7, draft(institution, threeCases, names(context, threeCases))))
                .isInstanceOf(ConcurrentChange.class);
        TestAccounts.signIn(approver);
        LetterDetails approved = letters.move(reference, version, LetterStatus.APPROVED, null);
        assertThatThrownBy(() -> letters.move(reference, approved.version(), LetterStatus.SENT, null))
                .as("sending needs its date: its own method")
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.step-needs-data");
        assertThatThrownBy(() -> letters.update(
                        reference, approved.version(), draft(institution, threeCases, names(context, threeCases))))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.only-drafts-editable");
        LetterDetails withdrawn =
                letters.move(reference, approved.version(), LetterStatus.WITHDRAWN, "no longer needed");
        assertThat(withdrawn.nextSteps()).isEmpty();
        assertThatThrownBy(() -> letters.move(reference, withdrawn.version(), LetterStatus.DRAFT, null))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    @DisplayName(
            "D6: a sought person's contact details or location go into a letter only with AGREED_TO_CONTACT and on consent")
    void d6_contact_details_need_the_sought_persons_agreement() {
        String caseReference = threeCases.get(0);
        TestAccounts.signIn(author);
        CaseFacts facts = cases.letterFacts(List.of(caseReference)).get(0);
        CaseFacts.Party sought = facts.parties().stream()
                .filter(p -> p.role() == PartyRole.SOUGHT)
                .findFirst()
                .orElseThrow();
        var register = new ArrayList<>(names(context, List.of(caseReference)));
        register.add(new Disclosed(caseReference, sought.personId(), DataCategory.LOCATION, LegalBasis.CONSENT));
        assertThatThrownBy(() -> letters.draft(draft(institution, List.of(caseReference), register)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.register-needs-agreement");

        decide(context, caseworker, caseReference, DisclosureDecision.AGREED_TO_MESSAGES_ONLY);
        TestAccounts.signIn(author);
        assertThatThrownBy(() -> letters.draft(draft(institution, List.of(caseReference), register)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.register-needs-agreement");

        decide(context, caseworker, caseReference, DisclosureDecision.AGREED_TO_CONTACT);
        TestAccounts.signIn(author);
        var onInterest = new ArrayList<>(names(context, List.of(caseReference)));
        onInterest.add(
                new Disclosed(caseReference, sought.personId(), DataCategory.CONTACT, LegalBasis.LEGITIMATE_INTEREST));
        assertThatThrownBy(() -> letters.draft(draft(institution, List.of(caseReference), onInterest)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.register-contact-needs-consent");
        String reference = letters.draft(draft(institution, List.of(caseReference), register));
        assertThat(letters.open(reference).register())
                .anySatisfy(line -> assertThat(line.category()).isEqualTo(DataCategory.LOCATION));
        // the register is visible per case and per person
        assertThat(letters.registerOfCase(caseReference)).anySatisfy(line -> {
            assertThat(line.letterReference()).isEqualTo(reference);
            assertThat(line.category()).isEqualTo(DataCategory.LOCATION);
            assertThat(line.basis()).isEqualTo(LegalBasis.CONSENT);
        });
        assertThat(letters.registerOfPerson(sought.personId()))
                .extracting(RegisterLine::category)
                .contains(DataCategory.NAME, DataCategory.LOCATION);

        // withdrawn after the draft: approval checks again
        decide(context, caseworker, caseReference, DisclosureDecision.WITHDRAWN);
        TestAccounts.signIn(approver);
        long version = letters.open(reference).version();
        assertThatThrownBy(() -> letters.move(reference, version, LetterStatus.APPROVED, null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.register-needs-agreement");
    }

    @Test
    @DisplayName("a letter without a disclosure register is neither approved nor sent")
    void the_register_is_required() {
        TestAccounts.signIn(author);
        String reference = letters.draft(draft(institution, threeCases, List.of()));
        TestAccounts.signIn(approver);
        long version = letters.open(reference).version();
        assertThatThrownBy(() -> letters.move(reference, version, LetterStatus.APPROVED, null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("letters.register-required");
    }

    @Test
    @DisplayName("C3: a caseworker of another team cannot see the letter: not found, and the refusal is recorded")
    void caseworker_of_another_team_cannot_see_the_letter() {
        String reference = draftAboutThreeCases();
        KinlinkUser stranger = user(context, Set.of(Roles.CASEWORKER), Set.of(team(context)));
        TestAccounts.signIn(stranger);
        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> letters.open(reference)).isInstanceOf(RecordNotFound.class);
        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED")).isNotEmpty();
        assertThat(letters.list(LetterFilter.any(), 0, 100))
                .extracting(LetterSummary::reference)
                .doesNotContain(reference);
        assertThatThrownBy(() -> letters.aboutCase(threeCases.get(0))).isInstanceOf(RecordNotFound.class);
    }

    @Test
    @DisplayName("a caseworker sees only their own cases of a letter that also covers another team's case")
    void caseworker_sees_only_their_own_cases_of_a_letter() {
        long otherTeam = team(context);
        KinlinkUser otherCaseworker = user(context, Set.of(Roles.CASEWORKER), Set.of(otherTeam));
        String otherCase = caseWithParties(context, otherCaseworker, otherTeam, "Dara" + TestAccounts.uniqueName(""));
        TestAccounts.signIn(author);
        List<String> both = List.of(threeCases.get(0), otherCase);
        String reference = letters.draft(draft(institution, both, names(context, both)));
        TestAccounts.signIn(caseworker);
        LetterDetails seen = letters.open(reference);
        assertThat(seen.caseReferences()).containsExactly(threeCases.get(0));
        assertThat(seen.register())
                .allSatisfy(line -> assertThat(line.caseReference()).isEqualTo(threeCases.get(0)));
        assertThat(seen.body()).as("the body may name the other case's people").isNull();
        assertThat(seen.bodyWithheld()).isTrue();
    }

    @Test
    @DisplayName("caseworkers propose drafts about their own cases only; a coordinator approves them")
    void caseworkers_propose_drafts_about_their_own_cases() {
        TestAccounts.signIn(caseworker);
        String reference = letters.draft(draft(institution, threeCases, names(context, threeCases)));
        assertThat(letters.open(reference).status()).isEqualTo(LetterStatus.DRAFT);
        assertThat(letters.open(reference).nextSteps()).containsExactly(LetterStatus.WITHDRAWN);
        KinlinkUser stranger = user(context, Set.of(Roles.CASEWORKER), Set.of(team(context)));
        TestAccounts.signIn(stranger);
        assertThatThrownBy(() -> letters.draft(draft(institution, threeCases, List.of())))
                .isInstanceOf(RecordNotFound.class);
        TestAccounts.signIn(approver);
        assertThat(letters.move(reference, letters.open(reference).version(), LetterStatus.APPROVED, null)
                        .status())
                .isEqualTo(LetterStatus.APPROVED);
    }

    @Test
    @DisplayName(
            "a letter without an answer after its due date is overdue, listed first in the follow-ups, and gets one summary follow-up")
    void unanswered_letters_turn_overdue() {
        String reference = draftAboutThreeCases();
        TestAccounts.signIn(approver);
        LetterDetails approved =
                letters.move(reference, letters.open(reference).version(), LetterStatus.APPROVED, null);
        LetterDetails sent =
                letters.send(reference, approved.version(), LocalDate.now().minusDays(60));
        assertThat(sent.overdue()).isTrue();
        assertThat(letters.list(new LetterFilter(Set.of(), institution, true, false, false), 0, 50))
                .extracting(LetterSummary::reference)
                .containsExactly(reference);
        assertThat(letters.overdueCount()).isPositive();
        String followUp = letters.draftFollowUp(institution);
        LetterDetails details = letters.open(followUp);
        assertThat(details.status()).isEqualTo(LetterStatus.DRAFT);
        assertThat(details.body()).contains(reference);
        assertThat(details.caseReferences()).containsExactlyInAnyOrderElementsOf(threeCases);
        assertThat(details.register()).isNotEmpty();
    }
}
