package org.kinlink.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Keyset continuation of the cases list gives the rows of offset paging, in the same order. */
@IntegrationTest
class CaseKeysetPagingTest {

    private static final int PAGE = 7;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcClient jdbc;

    long teamA;
    long teamB;

    @BeforeEach
    void cases_with_ties_in_every_sort_key() {
        teamA = CaseTestSupport.team(context);
        teamB = CaseTestSupport.team(context);
        var statuses = List.of(CaseStatus.NEW, CaseStatus.INTAKE, CaseStatus.TRACING);
        var priorities = Priority.values();
        // fixed past timestamps in small groups: many rows share updated_at and opened_at
        LocalDateTime base = LocalDateTime.of(2020, 3, 1, 12, 0);
        int n = 0;
        for (long team : new long[] {teamA, teamB}) {
            TestAccounts.signIn(CaseTestSupport.caseworker(context, team));
            int count = team == teamA ? 30 : 20;
            for (int i = 0; i < count; i++, n++) {
                String reference = cases.create(new NewCase("Keyset case " + n, null, Priority.NORMAL, team, null));
                jdbc.sql("""
                                UPDATE case_file SET updated_at = ?, opened_at = ?, priority = ?, status = ?
                                WHERE reference = ?""")
                        .params(
                                base.plusMinutes(n / 5),
                                base.minusDays(1).plusMinutes(n / 4),
                                priorities[n % priorities.length].name(),
                                statuses.get(n % statuses.size()).name(),
                                reference)
                        .update();
            }
        }
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("every sort: keyset pages equal offset pages, with equal timestamps, for one team and two (C3)")
    void keyset_pages_equal_offset_pages_for_every_sort() {
        KinlinkUser oneTeam = CaseTestSupport.caseworker(context, teamA);
        KinlinkUser twoTeams = CaseTestSupport.user(context, Set.of(Roles.CASEWORKER), Set.of(teamA, teamB));
        KinlinkUser coordinator = CaseTestSupport.user(context, Set.of(Roles.COORDINATOR), Set.of());
        record Who(KinlinkUser user, CaseFilter filter, int expected) {}
        var who = List.of(
                new Who(oneTeam, CaseFilter.any(), 30),
                new Who(twoTeams, CaseFilter.any(), 50),
                new Who(coordinator, new CaseFilter(Set.of(), teamB, null, Set.of(), null), 20),
                new Who(
                        twoTeams,
                        new CaseFilter(Set.of(CaseStatus.NEW, CaseStatus.TRACING), null, null, Set.of(), null),
                        33));
        for (Who w : who) {
            TestAccounts.signIn(w.user());
            for (CaseSort sort : CaseSort.values()) {
                List<Long> byOffset = new ArrayList<>();
                for (int offset = 0; ; offset += PAGE) {
                    var page = cases.list(w.filter(), sort, offset, PAGE);
                    page.forEach(item -> byOffset.add(item.id().value()));
                    if (page.size() < PAGE) {
                        break;
                    }
                }
                List<Long> byKeyset = new ArrayList<>();
                var page = cases.list(w.filter(), sort, 0, PAGE);
                while (!page.isEmpty()) {
                    page.forEach(item -> byKeyset.add(item.id().value()));
                    page = cases.listAfter(w.filter(), sort, CaseCursor.after(page.getLast()), PAGE);
                }
                assertThat(byOffset).as(sort + " offset, " + w.filter()).hasSize(w.expected());
                assertThat(byOffset).as(sort + " offset, " + w.filter()).doesNotHaveDuplicates();
                assertThat(byKeyset)
                        .as(sort + " keyset vs offset, " + w.filter())
                        .isEqualTo(byOffset);
            }
        }
    }

    @Test
    @DisplayName("a continuation is scoped like a first page: another team's cases never follow (C3)")
    void a_continuation_never_reaches_another_teams_cases() {
        TestAccounts.signIn(CaseTestSupport.caseworker(context, teamA));
        var first = cases.list(CaseFilter.any(), CaseSort.RECENTLY_CHANGED, 0, PAGE);
        var rest = new ArrayList<CaseListItem>(first);
        var page = first;
        while (!page.isEmpty()) {
            page = cases.listAfter(CaseFilter.any(), CaseSort.RECENTLY_CHANGED, CaseCursor.after(page.getLast()), PAGE);
            rest.addAll(page);
        }
        assertThat(rest)
                .hasSize(30)
                .allSatisfy(item -> assertThat(item.teamId()).isEqualTo(teamA));
    }
}
