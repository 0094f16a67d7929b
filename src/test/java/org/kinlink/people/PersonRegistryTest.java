package org.kinlink.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.ConcurrentChange;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** Registering, finding and merging people, in both scripts. */
@IntegrationTest
class PersonRegistryTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonService people;

    @Autowired
    JdbcTemplate jdbc;

    long team;

    @BeforeEach
    void signInAsCaseworkerOfANewTeam() {
        var administration = context.getBean(UserAdministration.class);
        team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, java.util.Set.of(Roles.CASEWORKER), java.util.Set.of(team))));
        TestAccounts.signIn(TestAccounts.load(context, username));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private PersonId register(String given, String family, String givenNative, String familyNative, int year) {
        return people.register(
                PersonForm.named(new PersonNames(given, family, null, givenNative, familyNative, null))
                        .withSex(Sex.MALE)
                        .withBirthYear(year),
                team);
    }

    @Test
    void muhammad_husseini_and_the_persian_spelling_find_mohammad_hosseini_first() {
        PersonId mohammad = register("Mohammad", "Hosseini", "محمد", "حسینی", 1979);
        register("Mahmoud", "Hosseini", "محمود", "حسینی", 1969);
        register("Mohammad", "Hosseinzadeh", "محمد", "حسین‌زاده", 1990);
        register("Ali", "Hosseini", "علی", "حسینی", 1985);
        for (String query : List.of("Muhammad Husseini", "محمد حسینی", "Mohamad Hoseini", "MOHAMMAD HOSSEINI")) {
            List<PersonMatch> found = people.search(query, 10);
            assertThat(found).as(query).isNotEmpty();
            assertThat(found.get(0).person().id()).as(query).isEqualTo(mohammad);
            assertThat(found.get(0).reasons()).as(query).isNotEmpty();
        }
        // a different given name does not rank with the sought one
        assertThat(people.search("Muhammad Husseini", 10))
                .extracting(m -> m.person().names().givenLatin())
                .doesNotContain("Ali");
    }

    @Test
    void likely_duplicates_are_shown_before_saving() {
        register("Abdolreza", "Testnejad", "عبدالرضا", "تست‌نژاد", 1972);
        var entering = PersonForm.named(new PersonNames("Abdol Reza", "Testnejad", null, null, null, null))
                .withSex(Sex.MALE)
                .withBirthYear(1972);
        assertThat(people.likelyDuplicates(entering, null))
                .extracting(m -> m.person().names().givenLatin())
                .contains("Abdolreza");
    }

    @Test
    void a_merge_keeps_every_spelling_and_is_audited() {
        PersonId kept = register("Fatemeh", "Mergetest", "فاطمه", "ادغام", 1991);
        PersonId absorbed = register("Fatima", "Mergetest", "فاطمه", "ادغام", 1991);
        long version = people.open(kept).version();
        PersonDetails merged = people.merge(kept, version, absorbed, "same birth date and father's name");
        assertThat(merged.otherNames()).extracting(NameVariant::text).contains("Fatima Mergetest");
        assertThat(people.search("Fatima Mergetest", 10))
                .extracting(m -> m.person().id())
                .containsExactly(kept);
        assertThatThrownBy(() -> people.open(absorbed)).isInstanceOf(InvalidInput.class);
        Integer audited = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'PERSONS_MERGED' AND object_id = ?",
                Integer.class,
                Long.toString(kept.value()));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void bad_input_names_the_field() {
        var noName = PersonForm.named(new PersonNames(" ", null, null, null, null, null));
        assertThatThrownBy(() -> people.register(noName, team))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "givenLatin");
        var badEmail = PersonForm.named(new PersonNames("Sara", "Test", null, null, null, null))
                .withContact(null, "not-an-address");
        assertThatThrownBy(() -> people.register(badEmail, team))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "email");
        var future = PersonForm.named(new PersonNames("Sara", "Test", null, null, null, null))
                .withBirthYear(2999);
        assertThatThrownBy(() -> people.register(future, team))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "birthYear");
    }

    @Test
    void a_stale_person_save_is_refused() {
        PersonId id = register("Omid", "Staletest", "امید", "کهنه", 1980);
        PersonDetails loaded = people.open(id);
        var form = PersonForm.named(loaded.names()).withSex(Sex.MALE).withBirthYear(1981);
        people.update(id, loaded.version(), form);
        assertThatThrownBy(() -> people.update(id, loaded.version(), form)).isInstanceOf(ConcurrentChange.class);
    }
}
