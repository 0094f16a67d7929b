package org.kinlink.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kinlink.Roles;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.AccessPolicy.Visibility;
import org.kinlink.access.CaseAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about letters for the dashboards, counted in the database. Coordinators see every letter;
 * a caseworker's overdue follow-ups are the letters about their teams' cases, and name only those
 * cases. Nothing here reads a letter's body or answer, so nothing is recorded (as for the letters list).
 */
@Service
public class LetterFigures {

    /** Letters overdue for an answer from one institution. */
    public record InstitutionCount(InstitutionId institution, String name, long count) {}

    /** A letter about the caller's teams' cases whose answer is overdue; {@code cases} are those cases only. */
    public record OverdueLetter(String reference, String institution, LocalDate dueOn, List<String> cases) {}

    private static final List<String> WAITING = List.of(LetterStatus.SENT.name(), LetterStatus.ACKNOWLEDGED.name());

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final Clock clock;

    LetterFigures(JdbcClient jdbc, AccessPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    /** Letters sent (or acknowledged) and waiting for the institution's answer. */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public long awaitingAnswer() {
        return jdbc.sql("SELECT COUNT(*) FROM letter WHERE status IN (:waiting)")
                .param("waiting", WAITING)
                .query(Long.class)
                .single();
    }

    /** Overdue letters per institution, most first. */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<InstitutionCount> overdueByInstitution() {
        return jdbc.sql("""
                        SELECT i.id, i.name, COUNT(*) FROM letter l JOIN institution i ON i.id = l.institution_id
                        WHERE l.status IN (:waiting) AND l.due_on < :today
                        GROUP BY i.id, i.name ORDER BY COUNT(*) DESC, i.name""")
                .param("waiting", WAITING)
                .param("today", today())
                .query((rs, n) ->
                        new InstitutionCount(new InstitutionId(rs.getLong(1)), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** Letters sent since the first day of this month (by the date they went out). */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public long sentThisMonth() {
        LocalDate today = today();
        return jdbc.sql("SELECT COUNT(*) FROM letter WHERE sent_on >= :first AND sent_on <= :today")
                .param("first", today.withDayOfMonth(1))
                .param("today", today)
                .query(Long.class)
                .single();
    }

    /**
     * Overdue letters about the caller's teams' cases, the longest overdue first; each names only the
     * caller's teams' cases. Coordinators (every case) get every overdue letter.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<OverdueLetter> overdueAboutMyCases(int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100");
        }
        Visibility visibility = policy.visibility(CaseAction.SEE_LETTER);
        if (visibility.none()) {
            return List.of();
        }
        String teams = visibility.all() ? "" : " AND lc.team_id IN (:teams)";
        var query = jdbc.sql("""
                        SELECT l.reference, i.name, l.due_on, lc.case_reference FROM letter l
                        JOIN institution i ON i.id = l.institution_id
                        JOIN letter_case lc ON lc.letter_id = l.id
                        WHERE l.status IN (:waiting) AND l.due_on < :today AND l.id IN (
                          SELECT id FROM (SELECT DISTINCT l2.id, l2.due_on FROM letter l2 JOIN letter_case lc ON lc.letter_id = l2.id
                            WHERE l2.status IN (:waiting) AND l2.due_on < :today%s
                            ORDER BY l2.due_on, l2.id LIMIT :limit) firsts)%s
                        ORDER BY l.due_on, l.id, lc.case_reference""".formatted(teams, teams))
                .param("waiting", WAITING)
                .param("today", today())
                .param("limit", limit);
        if (!visibility.all()) {
            query = query.param("teams", visibility.teamIds());
        }
        Map<String, OverdueLetter> letters = new LinkedHashMap<>();
        query.query((java.sql.ResultSet rs) -> {
            var letter = letters.get(rs.getString(1));
            if (letter == null) {
                letter = new OverdueLetter(
                        rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), new ArrayList<>());
                letters.put(letter.reference(), letter);
            }
            letter.cases().add(rs.getString(4));
        });
        return letters.values().stream()
                .map(l -> new OverdueLetter(l.reference(), l.institution(), l.dueOn(), List.copyOf(l.cases())))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
