package org.kinlink.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kinlink.Roles;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.AccessPolicy.Visibility;
import org.kinlink.access.CaseAction;
import org.kinlink.access.CurrentUser;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about the signed-in caseworker's cases for the dashboard: counted in the database and
 * scoped like the cases list (their teams' cases only, and of those the ones assigned to them).
 * Counts hold no personal data and are not recorded; the list of next actions names cases and is
 * recorded like the cases list (one {@code CASES_LISTED} event).
 */
@Service
public class CaseFigures {

    /** An open case assigned to the caller that needs their attention next. */
    public record NextAction(String reference, CaseStatus status, Priority priority, Instant lastChanged) {}

    /** A case of the caller's teams, as the cases list shows it (without the parties' names). */
    public record ChangedCase(String reference, String title, CaseStatus status, Instant changedAt) {}

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    CaseFigures(JdbcClient jdbc, AccessPolicy policy, CurrentUser currentUser, AuditTrail audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The caller's open cases (assigned to them, in their teams) by status; statuses without cases are left out. */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public Map<CaseStatus, Long> myOpenCasesByStatus() {
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        Visibility visibility = policy.visibility(CaseAction.READ_CASE);
        if (visibility.none()) {
            return counts;
        }
        var sql = "SELECT status, COUNT(*) FROM case_file WHERE assignee_id = :me AND status IN (:open)"
                + (visibility.all() ? "" : " AND team_id IN (:teams)") + " GROUP BY status";
        var query = jdbc.sql(sql).param("me", currentUser.require().id()).param("open", names(openStatuses()));
        if (!visibility.all()) {
            query = query.param("teams", visibility.teamIds());
        }
        query.query((rs, n) -> counts.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /**
     * What to work on next: the caller's active cases (assigned to them, in their teams, open and not
     * on hold), the most urgent first and, within a priority, the case left longest without a
     * change first. Recorded as one {@code CASES_LISTED} event when it lists any case.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public List<NextAction> myNextActions(int limit) {
        if (limit < 1 || limit > 50) {
            throw new IllegalArgumentException("limit must be between 1 and 50");
        }
        Visibility visibility = policy.visibility(CaseAction.READ_CASE);
        if (visibility.none()) {
            return List.of();
        }
        var active = openStatuses().stream().filter(CaseStatus::isActive).toList();
        var sql = "SELECT reference, status, priority, updated_at FROM case_file"
                + " WHERE assignee_id = :me AND status IN (:active)"
                + (visibility.all() ? "" : " AND team_id IN (:teams)")
                + " ORDER BY FIELD(priority, 'URGENT', 'HIGH', 'NORMAL', 'LOW'), updated_at, id LIMIT :limit";
        var query = jdbc.sql(sql)
                .param("me", currentUser.require().id())
                .param("active", names(active))
                .param("limit", limit);
        if (!visibility.all()) {
            query = query.param("teams", visibility.teamIds());
        }
        List<NextAction> actions = query.query((rs, n) -> new NextAction(
                        rs.getString(1),
                        CaseStatus.valueOf(rs.getString(2)),
                        Priority.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .list();
        if (!actions.isEmpty()) {
            audit.record(AuditEntry.success("CASES_LISTED", "CASE", null).because("dashboard: next actions"));
        }
        return actions;
    }

    /**
     * The cases of the caller's teams changed most recently (as a caseworker: a coordinator's
     * reach over every case does not count here). Recorded as one {@code CASES_LISTED} event when
     * it lists any case, like the cases list.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public List<ChangedCase> recentlyChangedInMyTeams(int limit) {
        if (limit < 1 || limit > 50) {
            throw new IllegalArgumentException("limit must be between 1 and 50");
        }
        Visibility visibility = policy.visibility(CaseAction.READ_CASE);
        if (visibility.none()) {
            return List.of();
        }
        var sql = "SELECT reference, title, status, updated_at FROM case_file"
                + (visibility.all() ? "" : " WHERE team_id IN (:teams)")
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit";
        var query = jdbc.sql(sql).param("limit", limit);
        if (!visibility.all()) {
            query = query.param("teams", visibility.teamIds());
        }
        List<ChangedCase> changed = query.query((rs, n) -> new ChangedCase(
                        rs.getString(1),
                        rs.getString(2),
                        CaseStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .list();
        if (!changed.isEmpty()) {
            audit.record(AuditEntry.success("CASES_LISTED", "CASE", null).because("dashboard: recently changed"));
        }
        return changed;
    }

    private static List<CaseStatus> openStatuses() {
        return java.util.Arrays.stream(CaseStatus.values())
                .filter(CaseStatus::isOpen)
                .toList();
    }

    private static List<String> names(List<CaseStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
