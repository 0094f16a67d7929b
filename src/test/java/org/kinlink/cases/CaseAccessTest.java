package org.kinlink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who sees what of a case: its team's caseworkers everything, coordinators a summary, others nothing. */
@IntegrationTest
class CaseAccessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @Autowired
    PersonService people;

    @Autowired
    JdbcTemplate jdbc;

    long team;
    long otherTeam;
    KinlinkUser owner;
    String reference;
    PersonId sought;

    @BeforeEach
    void aCaseOfOneTeam() {
        team = CaseTestSupport.team(context);
        otherTeam = CaseTestSupport.team(context);
        owner = CaseTestSupport.caseworker(context, team);
        TestAccounts.signIn(owner);
        reference = cases.create(new NewCase("Aunt looking for her niece", null, Priority.NORMAL, team, null));
        PersonId enquirer = people.register(CaseTestSupport.person("Golnar", "Accesstest", "گلنار", "دسترسی"), team);
        sought = people.register(
                CaseTestSupport.personWithPhone("Nasrin", "Accesstest", "+98 21 555 0101", "A village in the north"),
                team);
        cases.addParty(reference, enquirer, PartyRole.ENQUIRER, Relationship.OTHER_RELATIVE);
        cases.addParty(reference, sought, PartyRole.SOUGHT, Relationship.SELF);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("a caseworker of another team cannot open, list or find the case by any path (C3)")
    void a_caseworker_of_another_team_cannot_reach_the_case() {
        TestAccounts.signIn(CaseTestSupport.caseworker(context, otherTeam));

        assertThatThrownBy(() -> cases.open(reference)).isInstanceOf(RecordNotFound.class);
        assertThat(cases.list(new CaseFilter(Set.of(), null, null, Set.of(), reference), CaseSort.REFERENCE, 0, 50))
                .isEmpty();
        assertThat(cases.list(
                        new CaseFilter(Set.of(), null, null, Set.of(), "Nasrin Accesstest"), CaseSort.REFERENCE, 0, 50))
                .isEmpty();
        assertThat(cases.list(new CaseFilter(Set.of(), team, null, Set.of(), null), CaseSort.REFERENCE, 0, 50))
                .isEmpty();
        assertThatThrownBy(() -> people.open(sought)).isInstanceOf(RecordNotFound.class);
        assertThat(people.search("Nasrin Accesstest", 10)).isEmpty();
        assertThatThrownBy(() -> cases.changeStatus(reference, 0, CaseStatus.INTAKE, "taking over"))
                .isInstanceOf(RecordNotFound.class);

        Integer denials = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND object_type = 'CASE' AND object_id = ?",
                Integer.class,
                reference);
        assertThat(denials).isEqualTo(2);
    }

    @Test
    @DisplayName("a caseworker of the team sees the sought person's details, the location masked until revealed (C4)")
    void a_caseworker_of_the_team_sees_the_details() {
        TestAccounts.signInConfirmed(CaseTestSupport.caseworker(context, team));
        assertThat(cases.open(reference).parties()).hasSize(2);
        var details = people.open(sought);
        assertThat(details.phone().value()).isEqualTo("+98 21 555 0101");
        assertThat(details.lastKnownLocation().masked()).isTrue();
        assertThat(people.reveal(sought, org.kinlink.access.SensitiveFieldClass.LOCATION, "planning the visit")
                        .lastKnownLocation()
                        .value())
                .isEqualTo("A village in the north");
    }

    @Test
    @DisplayName("a coordinator sees reference, status, team and party names, nothing more (C4)")
    void a_coordinator_sees_a_summary_only() {
        TestAccounts.signIn(CaseTestSupport.user(context, Set.of(Roles.COORDINATOR), Set.of()));
        var found = cases.list(new CaseFilter(Set.of(), null, null, Set.of(), reference), CaseSort.REFERENCE, 0, 10);
        assertThat(found).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(CaseStatus.NEW);
            assertThat(item.soughtNames()).containsExactly("Nasrin Accesstest");
        });
        assertThatThrownBy(() -> cases.open(reference)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.open(sought)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("auditors and administrators see no case content (C4)")
    void auditors_and_administrators_see_no_case_content() {
        for (String role : new String[] {Roles.AUDITOR, Roles.ADMIN}) {
            TestAccounts.signIn(CaseTestSupport.user(context, Set.of(role), Set.of()));
            assertThatThrownBy(() -> cases.list(CaseFilter.any(), CaseSort.REFERENCE, 0, 10))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> cases.open(reference)).as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> people.search("Nasrin", 10)).as(role).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    @DisplayName("sensitive values are stored encrypted, never in clear (D1)")
    void sensitive_values_are_stored_encrypted() {
        String stored = jdbc.queryForObject("SELECT phone_enc FROM person WHERE id = ?", String.class, sought.value());
        assertThat(stored).doesNotContain("555").matches("\\d+:[A-Za-z0-9_-]+");
        String location = jdbc.queryForObject(
                "SELECT last_known_location_enc FROM person WHERE id = ?", String.class, sought.value());
        assertThat(location).doesNotContain("village");
    }

    @Test
    @DisplayName("moving a caseworker to another team or disabling them takes effect in their open session (C3)")
    void access_follows_the_current_teams_not_those_at_sign_in() {
        KinlinkUser colleague = CaseTestSupport.caseworker(context, team);
        TestAccounts.signIn(colleague);
        assertThat(cases.open(reference).reference()).isEqualTo(reference);

        var administration = context.getBean(org.kinlink.access.UserAdministration.class);
        var summary = TestAccounts.asAdministrator(() -> administration.users().stream()
                .filter(u -> u.id() == colleague.id())
                .findFirst()
                .orElseThrow());
        TestAccounts.asAdministrator(() -> administration.updateUser(new org.kinlink.access.UserChanges(
                colleague.id(), summary.version(), summary.displayName(), summary.roles(), Set.of(otherTeam))));

        TestAccounts.signIn(colleague); // the principal of the session, as it was at sign-in
        assertThatThrownBy(() -> cases.open(reference)).isInstanceOf(RecordNotFound.class);
        assertThat(cases.list(new CaseFilter(Set.of(), null, null, Set.of(), reference), CaseSort.REFERENCE, 0, 10))
                .isEmpty();
    }

    @Test
    @DisplayName("a merge that would change another team's case is refused (C3)")
    void a_merge_cannot_reach_into_another_teams_case() {
        // a person sought in another team's case, also added (by someone in both teams) to our case
        KinlinkUser otherCaseworker = CaseTestSupport.caseworker(context, otherTeam);
        TestAccounts.signIn(otherCaseworker);
        String theirCase = cases.create(new NewCase("Their case", null, Priority.NORMAL, otherTeam, null));
        PersonId shared = people.register(CaseTestSupport.person("Golnar", "Mergeprobe", "گلنار", "ادغام"), otherTeam);
        cases.addParty(theirCase, shared, PartyRole.SOUGHT, Relationship.SELF);
        TestAccounts.signIn(CaseTestSupport.user(context, Set.of(Roles.CASEWORKER), Set.of(team, otherTeam)));
        cases.addParty(reference, shared, PartyRole.OTHER, Relationship.NOT_RELATED);

        TestAccounts.signIn(owner);
        PersonId ours = people.register(CaseTestSupport.person("Golnar", "Mergeprobe", "گلنار", "ادغام"), team);
        long version = people.open(ours).version();
        assertThatThrownBy(() -> people.merge(ours, version, shared, "looks the same"))
                .isInstanceOf(org.kinlink.InvalidInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "person.merge-not-allowed");

        TestAccounts.signIn(otherCaseworker);
        assertThat(cases.open(theirCase).parties())
                .extracting(PartyView::personId)
                .containsExactly(shared);
    }

    @Test
    @DisplayName("coordinators cannot search the person registry; case search reaches only people in cases (C4)")
    void coordinators_cannot_search_the_registry() {
        people.register(CaseTestSupport.person("Zarvandokht", "Inregistryonly", "زروندخت", "فقط"), team);
        TestAccounts.signIn(CaseTestSupport.user(context, Set.of(Roles.COORDINATOR), Set.of()));
        assertThatThrownBy(() -> people.search("Zarvandokht Inregistryonly", 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(people.matchingIds("Zarvandokht Inregistryonly", 10)).isEmpty();
        assertThat(people.matchingIds("Nasrin Accesstest", 10)).isNotEmpty();
    }

    @Test
    void a_case_cannot_be_created_for_a_team_the_caseworker_is_not_in() {
        assertThatThrownBy(() -> cases.create(new NewCase("Elsewhere", null, Priority.NORMAL, otherTeam, null)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
