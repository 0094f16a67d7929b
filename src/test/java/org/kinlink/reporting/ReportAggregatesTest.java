package org.kinlink.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.cases.CaseReports;
import org.kinlink.cases.CaseReports.MonthlyCounts;
import org.kinlink.cases.CaseReports.StatusTime;
import org.kinlink.cases.CaseStatus;
import org.kinlink.letters.LetterReports;
import org.kinlink.letters.LetterReports.InstitutionLetters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The aggregate reports on a fixture of one new team with fixed dates in 2024 (so the figures do not
 * depend on today), computed in SQL and scoped by the access policy.
 */
@IntegrationTest
class ReportAggregatesTest {

    private static final YearMonth JAN = YearMonth.of(2024, 1);
    private static final YearMonth MAR = YearMonth.of(2024, 3);

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseReports caseReports;

    @Autowired
    LetterReports letterReports;

    long team;
    long otherTeam;
    KinlinkUser caseworker;
    long institution;

    @BeforeEach
    void fixture() {
        team = ReportFixtures.team(context, "rep");
        otherTeam = ReportFixtures.team(context, "rep-other");
        caseworker = ReportFixtures.user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        long user = caseworker.id();
        // case 1: opened 5 Jan, TRACING 10 Jan (5 days NEW), REUNITED 20 Feb (41 days TRACING), CLOSED 1 Mar
        long one = ReportFixtures.caseFile(jdbc, team, "CLOSED", at(2024, 1, 5), at(2024, 3, 1));
        ReportFixtures.statusChange(jdbc, one, null, "NEW", at(2024, 1, 5), user);
        ReportFixtures.statusChange(jdbc, one, "NEW", "TRACING", at(2024, 1, 10), user);
        ReportFixtures.statusChange(jdbc, one, "TRACING", "REUNITED", at(2024, 2, 20), user);
        ReportFixtures.statusChange(jdbc, one, "REUNITED", "CLOSED", at(2024, 3, 1), user);
        // case 2: opened 15 Jan, TRACING 30 Jan (15 days NEW), still tracing
        long two = ReportFixtures.caseFile(jdbc, team, "TRACING", at(2024, 1, 15), null);
        ReportFixtures.statusChange(jdbc, two, null, "NEW", at(2024, 1, 15), user);
        ReportFixtures.statusChange(jdbc, two, "NEW", "TRACING", at(2024, 1, 30), user);
        // case 3: opened 2 Feb, declined 12 Feb (10 days NEW)
        long three = ReportFixtures.caseFile(jdbc, team, "DECLINED", at(2024, 2, 2), at(2024, 2, 12));
        ReportFixtures.statusChange(jdbc, three, null, "NEW", at(2024, 2, 2), user);
        ReportFixtures.statusChange(jdbc, three, "NEW", "DECLINED", at(2024, 2, 12), user);
        // another team's case in the same months: never counted for this caseworker
        long foreign = ReportFixtures.caseFile(jdbc, otherTeam, "NEW", at(2024, 1, 7), null);
        ReportFixtures.statusChange(jdbc, foreign, null, "NEW", at(2024, 1, 7), user);

        institution = ReportFixtures.institution(jdbc, TestAccounts.uniqueName("Ministry of Tests"));
        ReportFixtures.letter(jdbc, institution, one, team, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 20), user);
        ReportFixtures.letter(jdbc, institution, two, team, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 5), user);
        ReportFixtures.letter(jdbc, institution, two, team, LocalDate.of(2024, 2, 3), LocalDate.of(2024, 3, 4), user);
        ReportFixtures.letter(jdbc, institution, three, team, LocalDate.of(2024, 3, 1), null, user);
        // sent after the period: not counted; the other team's letter: not visible
        ReportFixtures.letter(jdbc, institution, one, team, LocalDate.of(2024, 4, 1), null, user);
        ReportFixtures.letter(jdbc, institution, foreign, otherTeam, LocalDate.of(2024, 1, 8), null, user);
        TestAccounts.signIn(caseworker);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void cases_opened_closed_and_reunited_per_month_for_the_callers_team() {
        var rows = caseReports.monthlyCounts(JAN, MAR, null);

        assertThat(rows)
                .extracting(
                        MonthlyCounts::month,
                        MonthlyCounts::teamId,
                        MonthlyCounts::opened,
                        MonthlyCounts::closed,
                        MonthlyCounts::reunited)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JAN, team, 2L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2024, 2), team, 1L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple(MAR, team, 0L, 1L, 0L));
    }

    @Test
    void time_in_each_status_counts_stays_that_ended_in_the_period_and_cases_in_it_now() {
        var rows = caseReports.timeInStatus(JAN, MAR, null);

        StatusTime fresh = find(rows, CaseStatus.NEW);
        assertThat(fresh.staysEnded()).isEqualTo(3); // 5, 15 and 10 days
        assertThat(fresh.medianDays()).isEqualTo(10.0);
        assertThat(fresh.meanDays()).isEqualTo(10.0);
        assertThat(fresh.currentlyIn()).isZero();
        StatusTime tracing = find(rows, CaseStatus.TRACING);
        assertThat(tracing.staysEnded()).isEqualTo(1);
        assertThat(tracing.medianDays()).isEqualTo(41.0);
        assertThat(tracing.currentlyIn()).isEqualTo(1);
        assertThat(rows).allMatch(r -> r.teamId() == team);
        // only January: the NEW stays of cases 1 and 2 (5 and 15 days)
        StatusTime january = find(caseReports.timeInStatus(JAN, JAN, null), CaseStatus.NEW);
        assertThat(january.staysEnded()).isEqualTo(2);
        assertThat(january.medianDays()).isEqualTo(10.0);
    }

    @Test
    void letters_per_institution_with_answer_rate_and_median_days_to_answer() {
        var rows = letterReports.perInstitution(JAN, MAR, null);

        InstitutionLetters row = rows.stream()
                .filter(r -> r.institutionId() == institution)
                .findFirst()
                .orElseThrow();
        assertThat(row.sent()).isEqualTo(4);
        assertThat(row.answered()).isEqualTo(3);
        assertThat(row.answerRate()).isEqualTo(0.75);
        assertThat(row.medianDaysToAnswer()).isEqualTo(10.0); // 10, 4 and 30 days
    }

    @Test
    void a_coordinator_sees_every_team_and_may_choose_one() {
        TestAccounts.signIn(ReportFixtures.user(context, Set.of(Roles.COORDINATOR), Set.of()));

        assertThat(caseReports.monthlyCounts(JAN, JAN, otherTeam))
                .extracting(MonthlyCounts::opened)
                .containsExactly(1L);
        assertThat(caseReports.monthlyCounts(JAN, JAN, null))
                .extracting(MonthlyCounts::teamId)
                .contains(team, otherTeam);
    }

    @Test
    @DisplayName("C1/C2: another team as the filter is 'not found' and recorded as ACCESS_DENIED")
    void another_teams_filter_is_not_found() {
        long before = AuditEvents.newest(jdbc);

        assertThatThrownBy(() -> caseReports.monthlyCounts(JAN, MAR, otherTeam)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> letterReports.perInstitution(JAN, MAR, otherTeam))
                .isInstanceOf(RecordNotFound.class);

        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED")).hasSize(2);
    }

    @Test
    void auditors_and_administrators_get_no_case_figures() {
        TestAccounts.signIn(ReportFixtures.user(context, Set.of(Roles.AUDITOR), Set.of()));
        assertThatThrownBy(() -> caseReports.monthlyCounts(JAN, MAR, null)).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(ReportFixtures.user(context, Set.of(Roles.ADMIN), Set.of()));
        assertThatThrownBy(() -> letterReports.perInstitution(JAN, MAR, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused_on_the_to_field() {
        assertThatThrownBy(() -> caseReports.timeInStatus(MAR, JAN, null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    private static StatusTime find(java.util.List<StatusTime> rows, CaseStatus status) {
        return rows.stream().filter(r -> r.status() == status).findFirst().orElseThrow();
    }

    private static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0);
    }
}
