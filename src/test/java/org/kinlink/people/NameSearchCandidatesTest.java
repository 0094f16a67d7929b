package org.kinlink.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The cut to {@link NameIndex#MAX_CANDIDATES} before reranking: when more persons than that share
 * every key of a query, the caller's own team's persons and those with the father's name the query
 * gives stay among the candidates. In both tests the sought person is registered last, so that the
 * plain cut (most shared keys, then lowest id) would drop them.
 */
@IntegrationTest
class NameSearchCandidatesTest {

    private static final int CROWD = NameIndex.MAX_CANDIDATES + 5;

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonService people;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_own_teams_person_is_found_when_more_than_the_cut_of_other_teams_share_the_name() {
        long own = team();
        long other = team();
        KinlinkUser otherCaseworker = caseworker(other);
        KinlinkUser ownCaseworker = caseworker(own);
        TestAccounts.signIn(otherCaseworker);
        for (int i = 0; i < CROWD; i++) {
            register("Parvaneh", "Tirdadzadeh", "Dariush", other);
        }
        TestAccounts.signIn(ownCaseworker);
        PersonId mine = register("Parvaneh", "Tirdadzadeh", "Dariush", own);

        assertThat(people.search("Parvane Tirdadzade", 10))
                .extracting(m -> m.person().id())
                .containsExactly(mine);
    }

    @Test
    void the_persons_with_the_fathers_name_stay_among_the_candidates_of_a_crowded_name() {
        long own = team();
        TestAccounts.signIn(caseworker(own));
        for (int i = 0; i < CROWD; i++) {
            register(new PersonNames("Kourosh", "Varjavandi", "Ali", "کوروش", "ورجاوندی", "علی"), own);
        }
        PersonId sought =
                register(new PersonNames("Kourosh", "Varjavandi", "Bahram", "کوروش", "ورجاوندی", "بهرام"), own);

        assertThat(people.search("Kurosh Varjavandy son of Bahram", 10))
                .extracting(m -> m.person().id())
                .first()
                .isEqualTo(sought);
        assertThat(people.search("کوروش ورجاوندی فرزند بهرام", 10))
                .extracting(m -> m.person().id())
                .first()
                .isEqualTo(sought);
    }

    private PersonId register(String given, String family, String father, long team) {
        return register(new PersonNames(given, family, father, null, null, null), team);
    }

    private PersonId register(PersonNames names, long team) {
        return people.register(PersonForm.named(names).withSex(Sex.MALE).withBirthYear(1980), team);
    }

    private long team() {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
    }

    private KinlinkUser caseworker(long team) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        return TestAccounts.load(context, username);
    }
}
