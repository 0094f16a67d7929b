package org.kinlink.letters;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.AccessPolicy.Visibility;
import org.kinlink.access.CaseAction;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about letters for the reports, aggregated in SQL: per institution, the letters sent in the
 * period, how many were answered, the answer rate and the median days from sending to the answer.
 * Scoped like the letters list ({@link CaseAction#SEE_LETTER}): a letter counts when one of its cases
 * belongs to a team the caller may see (and to the chosen team, when one is chosen).
 */
@Service
public class LetterReports {

    /** One institution's letters sent in the period; median null when none was answered. */
    public record InstitutionLetters(
            long institutionId,
            String institution,
            long sent,
            long answered,
            @Nullable Double medianDaysToAnswer) {

        /** Answered / sent, 0 to 1. */
        public double answerRate() {
            return sent == 0 ? 0 : (double) answered / sent;
        }
    }

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    LetterReports(JdbcClient jdbc, AccessPolicy policy, AuditTrail audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<InstitutionLetters> perInstitution(YearMonth from, YearMonth to, @Nullable Long teamId) {
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "reports.to-before-from");
        }
        Visibility visibility = policy.visibility(CaseAction.SEE_LETTER);
        if (teamId != null) {
            if (!visibility.includes(teamId)) {
                audit.recordIndependently(
                        AuditEntry.denied("ACCESS_DENIED", "TEAM", teamId).because(CaseAction.SEE_LETTER.name()));
                throw new RecordNotFound("Team");
            }
            visibility = new Visibility(false, Set.of(teamId));
        }
        if (visibility.none()) {
            return List.of();
        }
        var params = new HashMap<String, Object>();
        params.put("start", from.atDay(1));
        params.put("end", to.plusMonths(1).atDay(1));
        String teams = "";
        if (!visibility.all()) {
            teams = " AND EXISTS (SELECT 1 FROM letter_case lc WHERE lc.letter_id = l.id AND lc.team_id IN (:teams))";
            params.put("teams", visibility.teamIds());
        }
        String sql = """
                WITH sent AS (
                  SELECT l.institution_id, l.answered_on,
                    CASE WHEN l.answered_on IS NOT NULL THEN DATEDIFF(l.answered_on, l.sent_on) END days
                  FROM letter l WHERE l.sent_on >= :start AND l.sent_on < :end""" + teams + """

                ), medians AS (
                  SELECT DISTINCT institution_id, MEDIAN(days) OVER (PARTITION BY institution_id) median
                  FROM sent WHERE days IS NOT NULL
                )
                SELECT i.id, i.name, COUNT(*), COUNT(s.answered_on), MAX(m.median)
                FROM sent s JOIN institution i ON i.id = s.institution_id
                  LEFT JOIN medians m ON m.institution_id = s.institution_id
                GROUP BY i.id, i.name ORDER BY i.name, i.id""";
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new InstitutionLetters(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5)))
                .list();
    }
}
