package org.kinlink.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.letters.LettersTestSupport.caseWithParties;
import static org.kinlink.letters.LettersTestSupport.draft;
import static org.kinlink.letters.LettersTestSupport.institution;
import static org.kinlink.letters.LettersTestSupport.names;
import static org.kinlink.letters.LettersTestSupport.team;
import static org.kinlink.letters.LettersTestSupport.user;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The letter figures of the dashboards: counted in the database, scoped to the caller's teams. */
@IntegrationTest
class LetterFiguresTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Letters letters;

    @Autowired
    LetterFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessPolicy policy;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A letter about one case of each team, approved and sent on {@code sentOn}; returns its reference. */
    private String sentLetter(KinlinkUser author, InstitutionId institution, List<String> cases, LocalDate sentOn) {
        TestAccounts.signIn(author);
        String reference = letters.draft(draft(institution, cases, names(context, cases)));
        TestAccounts.signIn(user(context, Set.of(Roles.COORDINATOR), Set.of()));
        var approved = letters.move(reference, letters.open(reference).version(), LetterStatus.APPROVED, null);
        letters.send(reference, approved.version(), sentOn);
        return reference;
    }

    @Test
    @DisplayName(
            "C3: a caseworker's overdue follow-ups name only their teams' cases; another team's caseworker does not see the letter")
    void overdue_follow_ups_are_scoped_to_the_callers_teams() {
        long teamA = team(context);
        long teamB = team(context);
        var caseworkerA = user(context, Set.of(Roles.CASEWORKER), Set.of(teamA));
        var caseworkerB = user(context, Set.of(Roles.CASEWORKER), Set.of(teamB));
        var outsider = user(context, Set.of(Roles.CASEWORKER), Set.of(team(context)));
        String caseA = caseWithParties(context, caseworkerA, teamA, "Dara" + TestAccounts.uniqueName(""));
        String caseB = caseWithParties(context, caseworkerB, teamB, "Elham" + TestAccounts.uniqueName(""));
        var author = user(context, Set.of(Roles.COORDINATOR), Set.of());
        TestAccounts.signIn(author);
        var institution = institution(context, InstitutionType.RED_CROSS_RED_CRESCENT, "en");
        String letter = sentLetter(
                author, institution, List.of(caseA, caseB), LocalDate.now().minusDays(90));

        TestAccounts.signIn(caseworkerA);
        var seenByA = figures.overdueAboutMyCases(100).stream()
                .filter(l -> l.reference().equals(letter))
                .toList();
        assertThat(seenByA).singleElement().satisfies(l -> assertThat(l.cases()).containsExactly(caseA));

        TestAccounts.signIn(outsider);
        assertThat(figures.overdueAboutMyCases(100))
                .extracting(LetterFigures.OverdueLetter::reference)
                .doesNotContain(letter);

        TestAccounts.signIn(author);
        assertThat(figures.overdueAboutMyCases(100).stream()
                        .filter(l -> l.reference().equals(letter)))
                .singleElement()
                .satisfies(l -> assertThat(l.cases()).containsExactlyInAnyOrder(caseA, caseB));
        assertThat(figures.overdueByInstitution())
                .filteredOn(c -> c.institution().equals(institution))
                .singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(1));
    }

    @Test
    @DisplayName("a caseworker without a team has no overdue follow-ups")
    void a_caseworker_without_teams_sees_nothing() {
        var caseworker = user(context, Set.of(Roles.CASEWORKER), Set.of(team(context)));
        jdbc.sql("DELETE FROM team_membership WHERE user_id = ?")
                .param(caseworker.id())
                .update();
        TestAccounts.signIn(caseworker);

        assertThat(figures.overdueAboutMyCases(10)).isEmpty();
    }

    @Test
    @DisplayName("letters awaiting an answer and sent this month are counted by the injected clock's month")
    void awaiting_and_sent_this_month_follow_the_clock() {
        long team = team(context);
        var caseworker = user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        String kase = caseWithParties(context, caseworker, team, "Farid" + TestAccounts.uniqueName(""));
        var author = user(context, Set.of(Roles.COORDINATOR), Set.of());
        TestAccounts.signIn(author);
        var institution = institution(context, InstitutionType.RED_CROSS_RED_CRESCENT, "en");
        LocalDate sentOn = LocalDate.of(2021, 2, 10);
        var february = at(LocalDate.of(2021, 2, 26));
        var march = at(LocalDate.of(2021, 3, 1));
        long awaitingBefore = figures.awaitingAnswer();
        long februaryBefore = february.sentThisMonth();
        long marchBefore = march.sentThisMonth();

        sentLetter(author, institution, List.of(kase), sentOn);

        TestAccounts.signIn(author);
        assertThat(figures.awaitingAnswer()).isEqualTo(awaitingBefore + 1);
        assertThat(february.sentThisMonth()).isEqualTo(februaryBefore + 1);
        assertThat(march.sentThisMonth()).isEqualTo(marchBefore);
    }

    private LetterFigures at(LocalDate day) {
        return new LetterFigures(jdbc, policy, Clock.fixed(day.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }
}
