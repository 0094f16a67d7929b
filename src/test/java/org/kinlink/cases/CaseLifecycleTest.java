package org.kinlink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.ConcurrentChange;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** A caseworker takes a family's request from the first call to contact established. */
@IntegrationTest
class CaseLifecycleTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @Autowired
    PersonService people;

    @Autowired
    JdbcTemplate jdbc;

    long team;
    KinlinkUser caseworker;

    @BeforeEach
    void signIn() {
        team = CaseTestSupport.team(context);
        caseworker = CaseTestSupport.caseworker(context, team);
        TestAccounts.signIn(caseworker);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_new_case_gets_a_yearly_reference_and_starts_new() {
        String first =
                cases.create(new NewCase("Mother looking for her son", null, Priority.HIGH, team, caseworker.id()));
        String second = cases.create(new NewCase("Brother looking for sister", null, Priority.NORMAL, team, null));
        assertThat(first).matches("KL-\\d{4}-\\d{6}");
        assertThat(Long.parseLong(second.substring(8))).isGreaterThan(Long.parseLong(first.substring(8)));
        CaseDetails details = cases.open(first);
        assertThat(details.status()).isEqualTo(CaseStatus.NEW);
        assertThat(details.assigneeName()).isEqualTo(caseworker.displayName());
        assertThat(details.allowedTransitions())
                .extracting(CaseWorkflow.Transition::to)
                .contains(CaseStatus.INTAKE, CaseStatus.ON_HOLD, CaseStatus.CLOSED_UNRESOLVED)
                .doesNotContain(CaseStatus.CONTACT_ESTABLISHED);
    }

    @Test
    @DisplayName("first call to contact established; contact needs the sought person's agreement (D6)")
    void a_case_goes_from_first_call_to_contact_established() {
        String reference = cases.create(new NewCase("Mother looking for her son", null, Priority.HIGH, team, null));
        PersonId mother = people.register(CaseTestSupport.person("Zohreh", "Testabadi", "زهره", "تست‌آبادی"), team);
        PersonId son = people.register(CaseTestSupport.person("Kamran", "Testabadi", "کامران", "تست‌آبادی"), team);
        cases.addParty(reference, mother, PartyRole.ENQUIRER, Relationship.MOTHER);
        CaseDetails details = cases.addParty(reference, son, PartyRole.SOUGHT, Relationship.OTHER_RELATIVE);
        assertThat(details.parties()).extracting(PartyView::role).containsExactly(PartyRole.ENQUIRER, PartyRole.SOUGHT);
        assertThat(details.parties().get(1).relationship()).isEqualTo(Relationship.SELF);

        for (CaseStatus next :
                List.of(CaseStatus.INTAKE, CaseStatus.TRACING, CaseStatus.LOCATED, CaseStatus.CONTACT_REQUESTED)) {
            details = cases.changeStatus(reference, details.version(), next, "moving on to " + next);
        }
        long version = details.version();
        assertThatThrownBy(() -> cases.changeStatus(reference, version, CaseStatus.CONTACT_ESTABLISHED, "called"))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "case.contact-needs-agreement");

        ConsentView consent = details.consents().get(0);
        details = cases.recordDisclosureDecision(
                reference,
                consent.soughtPartyId(),
                consent.version(),
                DisclosureDecision.AGREED_TO_CONTACT,
                LocalDate.now(),
                "by telephone, to the caseworker");
        details = cases.changeStatus(reference, details.version(), CaseStatus.CONTACT_ESTABLISHED, "first call held");

        assertThat(details.status()).isEqualTo(CaseStatus.CONTACT_ESTABLISHED);
        assertThat(details.history()).hasSize(6);
        assertThat(details.history().get(0).reason()).isEqualTo("first call held");
        assertThat(details.history().get(0).by()).isEqualTo(caseworker.displayName());
        assertThat(details.consents().get(0).records())
                .singleElement()
                .extracting(ConsentView.Entry::obtainedHow)
                .isEqualTo("by telephone, to the caseworker");
        Integer changes = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'CASE_STATUS_CHANGED' AND object_id = ?",
                Integer.class,
                reference);
        assertThat(changes).isEqualTo(5);
    }

    @Test
    void a_status_change_needs_a_reason() {
        String reference = cases.create(new NewCase("Reasons", null, Priority.NORMAL, team, null));
        long version = cases.open(reference).version();
        assertThatThrownBy(() -> cases.changeStatus(reference, version, CaseStatus.INTAKE, "  "))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "reason");
    }

    @Test
    void a_transition_outside_the_workflow_is_refused_and_audited() {
        String reference = cases.create(new NewCase("Skipping ahead", null, Priority.NORMAL, team, null));
        long version = cases.open(reference).version();
        assertThatThrownBy(() -> cases.changeStatus(reference, version, CaseStatus.REUNITED, "skip"))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "case.transition-not-allowed");
        assertThat(cases.open(reference).status()).isEqualTo(CaseStatus.NEW);
        Integer denied = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'CASE_STATUS_CHANGE' AND outcome = 'DENIED' AND object_id = ?",
                Integer.class,
                reference);
        assertThat(denied).isEqualTo(1);
    }

    @Test
    void on_hold_returns_to_where_it_was() {
        String reference = cases.create(new NewCase("Hold", null, Priority.NORMAL, team, null));
        CaseDetails details = cases.open(reference);
        details = cases.changeStatus(reference, details.version(), CaseStatus.INTAKE, "intake");
        details = cases.changeStatus(reference, details.version(), CaseStatus.ON_HOLD, "family travelling");
        assertThat(details.allowedTransitions())
                .extracting(CaseWorkflow.Transition::to)
                .containsExactlyInAnyOrder(CaseStatus.INTAKE, CaseStatus.CLOSED_UNRESOLVED);
        long version = details.version();
        assertThatThrownBy(() -> cases.changeStatus(reference, version, CaseStatus.TRACING, "jump"))
                .isInstanceOf(InvalidInput.class);
        details = cases.changeStatus(reference, version, CaseStatus.INTAKE, "family back");
        assertThat(details.status()).isEqualTo(CaseStatus.INTAKE);
    }

    @Test
    @DisplayName("contact details pass only with agreement to contact; messages also with messages-only (D6)")
    void contact_details_need_agreement_to_contact() {
        String reference = cases.create(new NewCase("Messages only", null, Priority.NORMAL, team, null));
        PersonId enquirer = people.register(CaseTestSupport.person("Sima", "Testpour", "سیما", "تست‌پور"), team);
        PersonId sought = people.register(CaseTestSupport.person("Reza", "Testpour", "رضا", "تست‌پور"), team);
        cases.addParty(reference, enquirer, PartyRole.ENQUIRER, Relationship.SIBLING);
        CaseDetails details = cases.addParty(reference, sought, PartyRole.SOUGHT, Relationship.SELF);
        long enquirerParty = details.parties().get(0).partyId();
        ConsentView consent = details.consents().get(0);

        assertThatThrownBy(() -> cases.recordDisclosure(
                        reference, consent.soughtPartyId(), enquirerParty, DisclosureKind.MESSAGE, "hello"))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "consent.messages-need-agreement");

        details = cases.recordDisclosureDecision(
                reference,
                consent.soughtPartyId(),
                consent.version(),
                DisclosureDecision.AGREED_TO_MESSAGES_ONLY,
                LocalDate.now(),
                "in writing");
        long soughtParty = consent.soughtPartyId();
        assertThatThrownBy(() -> cases.recordDisclosure(
                        reference, soughtParty, enquirerParty, DisclosureKind.CONTACT_DETAILS, "phone number"))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "consent.contact-details-need-agreement");
        cases.recordDisclosure(reference, soughtParty, enquirerParty, DisclosureKind.MESSAGE, "a letter passed on");

        Integer refused = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'DISCLOSURE_REFUSED' AND object_id = ?",
                Integer.class,
                reference);
        assertThat(refused).isEqualTo(2);
    }

    @Test
    @DisplayName("the second of two saves of the same case version is refused (R1)")
    void a_stale_save_is_refused() {
        String reference = cases.create(new NewCase("Two editors", null, Priority.NORMAL, team, null));
        CaseDetails seenByBoth = cases.open(reference);
        cases.update(new CaseEdit(reference, seenByBoth.version(), "Edited first", null, Priority.HIGH, null));
        assertThatThrownBy(() -> cases.update(
                        new CaseEdit(reference, seenByBoth.version(), "Edited second", null, Priority.LOW, null)))
                .isInstanceOf(ConcurrentChange.class);
        assertThat(cases.open(reference).title()).isEqualTo("Edited first");
    }

    @Test
    @DisplayName("two caseworkers saving the same case at the same moment: one wins, the other is told (R1)")
    void concurrent_saves_of_one_case_let_exactly_one_win() throws Exception {
        String reference = cases.create(new NewCase("Race", null, Priority.NORMAL, team, null));
        long version = cases.open(reference).version();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var outcomes = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        for (String title : List.of("First editor's title", "Second editor's title")) {
            pool.submit(() -> {
                TestAccounts.signIn(caseworker);
                try {
                    start.await();
                    cases.update(new CaseEdit(reference, version, title, null, Priority.HIGH, null));
                    outcomes.add("saved");
                } catch (ConcurrentChange refused) {
                    outcomes.add("refused");
                } catch (Exception other) {
                    outcomes.add(other.toString());
                } finally {
                    SecurityContextHolder.clearContext();
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        assertThat(outcomes).containsExactlyInAnyOrder("saved", "refused");
        assertThat(cases.open(reference).title()).isIn("First editor's title", "Second editor's title");
    }

    @Test
    void a_caseworker_sees_their_own_cases_under_my_cases() {
        String mine = cases.create(new NewCase("Mine", null, Priority.NORMAL, team, caseworker.id()));
        String unassigned = cases.create(new NewCase("Nobody's", null, Priority.NORMAL, team, null));
        List<String> myCases = cases.myCases(CaseSort.RECENTLY_CHANGED, 0, 50).stream()
                .map(CaseListItem::reference)
                .toList();
        assertThat(myCases).contains(mine).doesNotContain(unassigned);
    }

    @Test
    void the_case_list_filters_by_status_and_priority_and_pages() {
        for (int i = 0; i < 5; i++) {
            cases.create(new NewCase("Paging " + i, null, i % 2 == 0 ? Priority.URGENT : Priority.LOW, team, null));
        }
        var urgent = cases.list(
                new CaseFilter(Set.of(CaseStatus.NEW), team, null, Set.of(Priority.URGENT), null),
                CaseSort.REFERENCE,
                0,
                50);
        assertThat(urgent).hasSize(3).allMatch(item -> item.priority() == Priority.URGENT);
        var firstPage = cases.list(new CaseFilter(Set.of(), team, null, Set.of(), null), CaseSort.REFERENCE, 0, 2);
        var secondPage = cases.list(new CaseFilter(Set.of(), team, null, Set.of(), null), CaseSort.REFERENCE, 2, 2);
        assertThat(firstPage).hasSize(2);
        assertThat(secondPage).hasSize(2).doesNotContainAnyElementsOf(firstPage);
    }
}
