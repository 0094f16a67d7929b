package org.kinlink.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.access.AccessPolicy.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cases list as one query: scoped by the caller's visibility, filtered, sorted and cut to one
 * page in the database (no count over the table, never all rows in memory). Conditions are fixed
 * fragments; every value is a bound parameter.
 */
@Component
class CaseQueries {

    /** A row of the list before names are added. */
    record Row(
            long id,
            String reference,
            String title,
            CaseStatus status,
            Priority priority,
            long teamId,
            @Nullable Long assigneeId,
            Instant openedAt,
            Instant updatedAt) {}

    /** Most urgent first, the order of the priority sort. */
    private static final List<Priority> PRIORITY_RANK =
            List.of(Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW);

    private static final String PRIORITY_FIELD = "FIELD(c.priority, 'URGENT', 'HIGH', 'NORMAL', 'LOW')";

    private static final Map<CaseSort, String> ORDER = Map.of(
            CaseSort.RECENTLY_CHANGED, "c.updated_at DESC, c.id DESC",
            CaseSort.REFERENCE, "c.reference DESC",
            CaseSort.OPENED, "c.opened_at DESC, c.id DESC",
            CaseSort.PRIORITY, PRIORITY_FIELD + ", c.updated_at DESC, c.id DESC",
            CaseSort.STATUS, "c.status, c.updated_at DESC, c.id DESC");

    private final JdbcClient jdbc;

    CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> page(
            Visibility visibility,
            CaseFilter filter,
            @Nullable String referencePrefix,
            @Nullable Collection<Long> partyPersonIds,
            CaseSort sort,
            @Nullable CaseCursor after,
            int offset,
            int limit) {
        var sql = new StringBuilder("""
                SELECT c.id, c.reference, c.title, c.status, c.priority, c.team_id, c.assignee_id, c.opened_at,
                  c.updated_at
                FROM case_file c WHERE 1 = 1""");
        var params = new java.util.HashMap<String, Object>();
        if (!visibility.all()) {
            sql.append(" AND c.team_id IN (:visibleTeams)");
            params.put("visibleTeams", visibility.teamIds());
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND c.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.teamId() != null) {
            sql.append(" AND c.team_id = :team");
            params.put("team", filter.teamId());
        }
        if (filter.assigneeId() != null) {
            sql.append(" AND c.assignee_id = :assignee");
            params.put("assignee", filter.assigneeId());
        }
        if (!filter.priorities().isEmpty()) {
            sql.append(" AND c.priority IN (:priorities)");
            params.put(
                    "priorities", filter.priorities().stream().map(Enum::name).toList());
        }
        if (referencePrefix != null) {
            sql.append(" AND c.reference LIKE :reference");
            params.put("reference", referencePrefix.replace("%", "").replace("_", "") + "%");
        }
        if (partyPersonIds != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = c.id AND p.person_id IN (:persons))");
            params.put("persons", partyPersonIds);
        }
        if (after != null) {
            sql.append(" AND ").append(after(sort, after, params));
        }
        sql.append(" ORDER BY ").append(ORDER.get(sort)).append(" LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(CaseQueries::row).list();
    }

    /**
     * The rows after the cursor in the order of {@code sort}: the same ORDER BY keys, compared
     * lexicographically, the id breaking ties (equal timestamps). Written as ORs of simple
     * comparisons so that MariaDB reads a range of the index on the first key.
     */
    private static String after(CaseSort sort, CaseCursor cursor, Map<String, Object> params) {
        params.put("afterId", cursor.id());
        params.put("afterUpdated", LocalDateTime.ofInstant(cursor.updatedAt(), ZoneOffset.UTC));
        String byChange = "(c.updated_at < :afterUpdated OR (c.updated_at = :afterUpdated AND c.id < :afterId))";
        return switch (sort) {
            case RECENTLY_CHANGED -> byChange;
            case REFERENCE -> {
                params.put("afterReference", cursor.reference());
                yield "c.reference < :afterReference";
            }
            case OPENED -> {
                params.put("afterOpened", LocalDateTime.ofInstant(cursor.openedAt(), ZoneOffset.UTC));
                yield "(c.opened_at < :afterOpened OR (c.opened_at = :afterOpened AND c.id < :afterId))";
            }
            case PRIORITY -> {
                params.put("afterPriority", cursor.priority().name());
                params.put("afterPriorityRank", PRIORITY_RANK.indexOf(cursor.priority()) + 1);
                yield "(" + PRIORITY_FIELD + " > :afterPriorityRank OR (c.priority = :afterPriority AND " + byChange
                        + "))";
            }
            case STATUS -> {
                params.put("afterStatus", cursor.status().name());
                yield "(c.status > :afterStatus OR (c.status = :afterStatus AND " + byChange + "))";
            }
        };
    }

    /** Of the given persons, those who are parties to a visible case. */
    Set<Long> linkedPersons(Collection<Long> personIds, Set<Long> teamIds, boolean anyTeam) {
        if (personIds.isEmpty() || (!anyTeam && teamIds.isEmpty())) {
            return Set.of();
        }
        String sql = "SELECT DISTINCT p.person_id FROM case_party p JOIN case_file c ON c.id = p.case_id "
                + "WHERE p.person_id IN (:persons)" + (anyTeam ? "" : " AND c.team_id IN (:teams)");
        var query = jdbc.sql(sql).param("persons", personIds);
        if (!anyTeam) {
            query = query.param("teams", teamIds);
        }
        return Set.copyOf(query.query(Long.class).list());
    }

    Set<Long> teamsOfCasesWith(long personId) {
        return Set.copyOf(jdbc.sql(
                        "SELECT DISTINCT c.team_id FROM case_party p JOIN case_file c ON c.id = p.case_id WHERE p.person_id = ?")
                .param(personId)
                .query(Long.class)
                .list());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                CaseStatus.valueOf(rs.getString(4)),
                Priority.valueOf(rs.getString(5)),
                rs.getLong(6),
                rs.getObject(7, Long.class),
                rs.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getObject(9, LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
