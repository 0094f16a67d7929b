package org.kinlink.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.FieldPolicy;
import org.kinlink.access.FieldPolicy.Exposure;
import org.kinlink.access.FieldPolicy.Relation;
import org.kinlink.access.NewUser;
import org.kinlink.access.SensitiveFieldClass;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** C4 and L1: sensitive fields masked per the field policy, revealed only with a reason, audited. */
@IntegrationTest
class SensitiveFieldMaskingTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonService people;

    @Autowired
    JdbcTemplate jdbc;

    long team;
    String caseworker;

    @BeforeEach
    void signInAsCaseworkerOfANewTeam() {
        team = newTeam();
        caseworker = newCaseworker(team);
        // S4: location reveals need a step-up, which these tests are not about (see StepUpTest)
        TestAccounts.signInConfirmed(TestAccounts.load(context, caseworker));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long newTeam() {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
    }

    private String newCaseworker(long teamId) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(teamId))));
        return username;
    }

    private PersonForm form(String location, String phone, String document, String notes) {
        return new PersonForm(
                new PersonNames("Maskina", "Testova", null, null, null, null),
                List.of(),
                Sex.FEMALE,
                null,
                1984,
                null,
                null,
                location,
                phone,
                null,
                null,
                null,
                List.of(new PersonForm.DocumentEntry(DocumentType.PASSPORT, document, null)),
                notes);
    }

    private PersonId registerSought() {
        return people.register(form("Camp 4, block C", "+98 21 5555 0101", "X1234567", "asked twice"), team);
    }

    @Test
    void c4_a_caseworker_of_the_team_sees_contact_birth_and_notes_but_location_and_documents_masked() {
        PersonId id = registerSought();
        PersonDetails details = people.open(id);
        assertThat(details.phone()).isEqualTo(SensitiveValue.shown("+98 21 5555 0101"));
        assertThat(details.birthDate().value()).isEqualTo("1984");
        assertThat(details.notes().value()).isEqualTo("asked twice");
        assertThat(details.lastKnownLocation()).isEqualTo(SensitiveValue.masked(true));
        assertThat(details.documents())
                .singleElement()
                .satisfies(d -> assertThat(d.number()).isEqualTo(SensitiveValue.masked(true)));
        assertThat(details.revealable())
                .containsExactlyInAnyOrder(SensitiveFieldClass.LOCATION, SensitiveFieldClass.IDENTITY);
    }

    @Test
    void c4_l1_a_reveal_needs_a_reason_shows_the_values_and_is_audited_with_the_reason() {
        PersonId id = registerSought();
        assertThatThrownBy(() -> people.reveal(id, SensitiveFieldClass.LOCATION, "  "))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
        long before = AuditEvents.newest(jdbc);
        PersonDetails revealed = people.reveal(id, SensitiveFieldClass.LOCATION, "preparing the tracing visit");
        assertThat(revealed.lastKnownLocation().value()).isEqualTo("Camp 4, block C");
        // only the class asked for is revealed
        assertThat(revealed.documents().get(0).number().masked()).isTrue();
        List<Map<String, Object>> events = AuditEvents.since(jdbc, before, "REVEAL_LOCATION");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("object_id")).isEqualTo(Long.toString(id.value()));
            assertThat(String.valueOf(e.get("reason"))).contains("preparing the tracing visit");
            assertThat(String.valueOf(e)).doesNotContain("Camp 4");
        });
        // the next read is masked again: the reveal lasts in the caller's view only
        assertThat(people.open(id).lastKnownLocation().masked()).isTrue();
        assertThat(people.reveal(id, SensitiveFieldClass.IDENTITY, "checking the passport with the embassy")
                        .documents()
                        .get(0)
                        .number()
                        .value())
                .isEqualTo("X1234567");
    }

    @Test
    void c3_c4_a_caseworker_of_another_team_cannot_reveal_and_the_refusal_is_audited() {
        PersonId id = registerSought();
        long other = newTeam();
        TestAccounts.signIn(TestAccounts.load(context, newCaseworker(other)));
        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> people.reveal(id, SensitiveFieldClass.LOCATION, "curious"))
                .isInstanceOf(RecordNotFound.class);
        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "REVEAL_LOCATION")).isEmpty();
    }

    @Test
    void c4_saving_a_person_whose_masked_fields_were_not_revealed_keeps_their_stored_values() {
        PersonId id = registerSought();
        Map<String, Object> stored =
                jdbc.queryForMap("SELECT last_known_location_enc, phone_enc FROM person WHERE id = ?", id.value());
        String document = jdbc.queryForObject(
                "SELECT number_enc FROM person_document WHERE person_id = ?", String.class, id.value());
        PersonDetails opened = people.open(id);
        // what the form sends when location and documents stay masked: no values, kept classes
        var edited = new PersonForm(
                new PersonNames("Maskina", "Testova-Renamed", null, null, null, null),
                List.of(),
                Sex.FEMALE,
                null,
                1984,
                null,
                null,
                null,
                "+98 21 5555 0101",
                null,
                null,
                null,
                List.of(),
                "asked twice",
                Set.of(SensitiveFieldClass.LOCATION, SensitiveFieldClass.IDENTITY));
        PersonDetails saved = people.update(id, opened.version(), edited);
        assertThat(saved.names().familyLatin()).isEqualTo("Testova-Renamed");
        assertThat(jdbc.queryForObject(
                        "SELECT last_known_location_enc FROM person WHERE id = ?", String.class, id.value()))
                .isEqualTo(stored.get("last_known_location_enc"));
        assertThat(jdbc.queryForObject(
                        "SELECT number_enc FROM person_document WHERE person_id = ?", String.class, id.value()))
                .isEqualTo(document);
        assertThat(people.reveal(id, SensitiveFieldClass.LOCATION, "checking the save kept it")
                        .lastKnownLocation()
                        .value())
                .isEqualTo("Camp 4, block C");
    }

    @Test
    void c4_the_field_policy_table_hides_everything_from_coordinators_and_others() {
        assertThat(FieldPolicy.rules().get(Relation.COORDINATOR)).isEmpty();
        assertThat(FieldPolicy.rules().get(Relation.OTHER)).isEmpty();
        assertThat(FieldPolicy.rules().get(Relation.OWN_TEAM))
                .containsEntry(SensitiveFieldClass.LOCATION, Exposure.REVEAL_WITH_REASON)
                .containsEntry(SensitiveFieldClass.IDENTITY, Exposure.REVEAL_WITH_REASON)
                .containsEntry(SensitiveFieldClass.CONTACT, Exposure.SHOW);
    }
}
