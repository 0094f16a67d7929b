package org.kinlink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.letters.LettersTestSupport.team;
import static org.kinlink.letters.LettersTestSupport.user;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caseworker's dashboard figures: their own open cases, their teams' cases, never another team's. */
@IntegrationTest
class CaseFiguresTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @Autowired
    CaseFigures figures;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String newCase(KinlinkUser caseworker, long team, Priority priority, Long assignee) {
        TestAccounts.signIn(caseworker);
        return cases.create(new NewCase("Dashboard case", null, priority, team, assignee));
    }

    @Test
    @DisplayName(
            "C3: a caseworker's open cases by status, next actions and recent changes count their own teams' cases only")
    void figures_are_scoped_to_the_callers_teams_and_assignments() {
        long teamA = team(context);
        long teamB = team(context);
        var me = user(context, Set.of(Roles.CASEWORKER), Set.of(teamA));
        var colleague = user(context, Set.of(Roles.CASEWORKER), Set.of(teamA));
        var other = user(context, Set.of(Roles.CASEWORKER), Set.of(teamB));
        String normal = newCase(me, teamA, Priority.NORMAL, me.id());
        String urgent = newCase(me, teamA, Priority.URGENT, me.id());
        String colleagues = newCase(colleague, teamA, Priority.NORMAL, colleague.id());
        String otherTeams = newCase(other, teamB, Priority.URGENT, other.id());
        TestAccounts.signIn(me);
        var traced = cases.changeStatus(normal, cases.open(normal).version(), CaseStatus.INTAKE, "first interview");

        assertThat(figures.myOpenCasesByStatus())
                .containsOnly(java.util.Map.entry(CaseStatus.NEW, 1L), java.util.Map.entry(CaseStatus.INTAKE, 1L));
        assertThat(traced.status()).isEqualTo(CaseStatus.INTAKE);
        assertThat(figures.myNextActions(10))
                .extracting(CaseFigures.NextAction::reference)
                .containsExactly(urgent, normal);
        assertThat(figures.recentlyChangedInMyTeams(50))
                .extracting(CaseFigures.ChangedCase::reference)
                .contains(normal, urgent, colleagues)
                .doesNotContain(otherTeams);

        TestAccounts.signIn(other);
        assertThat(figures.myOpenCasesByStatus()).containsOnly(java.util.Map.entry(CaseStatus.NEW, 1L));
        assertThat(figures.recentlyChangedInMyTeams(50))
                .extracting(CaseFigures.ChangedCase::reference)
                .contains(otherTeams)
                .doesNotContain(normal, urgent, colleagues);
    }

    @Test
    @DisplayName("a caseworker without a team (taken out of their last one) gets empty figures, not an error")
    void a_caseworker_without_teams_gets_nothing() {
        long team = team(context);
        var me = user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        newCase(me, team, Priority.HIGH, me.id());
        jdbc.update("DELETE FROM team_membership WHERE user_id = ?", me.id());
        TestAccounts.signIn(me);

        assertThat(figures.myOpenCasesByStatus()).isEmpty();
        assertThat(figures.myNextActions(5)).isEmpty();
        assertThat(figures.recentlyChangedInMyTeams(5)).isEmpty();
    }

    @Test
    @DisplayName("L1: counting records nothing; listing cases records one CASES_LISTED event, not one per case")
    void counts_are_not_recorded_and_lists_are_recorded_once() {
        long team = team(context);
        var me = user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        newCase(me, team, Priority.HIGH, me.id());
        newCase(me, team, Priority.LOW, me.id());
        TestAccounts.signIn(me);
        long before = AuditEvents.newest(jdbc);

        figures.myOpenCasesByStatus();
        assertThat(AuditEvents.since(jdbc, before, "CASES_LISTED")).isEmpty();
        assertThat(AuditEvents.since(jdbc, before, "CASE_VIEWED")).isEmpty();

        figures.myNextActions(5);
        assertThat(AuditEvents.since(jdbc, before, "CASES_LISTED")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "CASE_VIEWED")).isEmpty();
    }
}
