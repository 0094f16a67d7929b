package org.kinlink.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.AccessPolicy.Visibility;
import org.kinlink.access.CaseAction;
import org.kinlink.access.UserDirectory;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonService;
import org.kinlink.people.PersonSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about cases for the reports: counts per month and team and the time spent in each status
 * (aggregated in SQL), and the row-level case list in batches for exports. Everything is scoped by
 * {@link CaseAction#SEE_CASE_SUMMARY}: a caseworker's own teams, a coordinator's all teams; auditors
 * and administrators get no case data. The case list holds only what the cases list on screen shows
 * (reference, team, status, dates, assignee, party names): no sensitive field of a person.
 */
@Service
public class CaseReports {

    /** The step-up operation name of report exports (S4); the reporting module uses the same one. */
    public static final String EXPORT_OPERATION = "report-export";

    static final int MAX_BATCH = 5000;

    /** Statuses that end a case: entering one counts as "closed". */
    private static final List<String> CLOSING =
            List.of(CaseStatus.CLOSED.name(), CaseStatus.CLOSED_UNRESOLVED.name(), CaseStatus.DECLINED.name());

    /** Cases opened, closed and reunited in one month by one team. */
    public record MonthlyCounts(
            YearMonth month, long teamId, String teamName, long opened, long closed, long reunited) {}

    /**
     * Time in one status for one team: over the stays that ended in the period, how many, their
     * median and mean length in days (null when none ended), and how many cases are in it now.
     */
    public record StatusTime(
            long teamId,
            String teamName,
            CaseStatus status,
            long staysEnded,
            @Nullable Double medianDays,
            @Nullable Double meanDays,
            long currentlyIn) {}

    /** One case in the case-list report. */
    public record CaseRow(
            long id,
            String reference,
            long teamId,
            String teamName,
            CaseStatus status,
            Instant openedAt,
            @Nullable Instant closedAt,
            Instant lastChange,
            @Nullable String assigneeName,
            List<String> enquirerNames,
            List<String> soughtNames) {}

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final PersonService people;
    private final UserDirectory directory;
    private final AuditTrail audit;
    private final StepUpCheck stepUp;

    CaseReports(
            JdbcClient jdbc,
            AccessPolicy policy,
            PersonService people,
            UserDirectory directory,
            AuditTrail audit,
            StepUpCheck stepUp) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.people = people;
        this.directory = directory;
        this.audit = audit;
        this.stepUp = stepUp;
    }

    /** Cases opened, closed (or declined) and reunited per month and team, months of the period in order. */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<MonthlyCounts> monthlyCounts(YearMonth from, YearMonth to, @Nullable Long teamId) {
        checkPeriod(from, to);
        Visibility scope = scope(teamId);
        if (scope.none()) {
            return List.of();
        }
        var params = new HashMap<String, Object>();
        params.put("start", start(from));
        params.put("end", end(to));
        params.put("closing", CLOSING);
        String teams = teamCondition("c.team_id", scope, params);
        String sql = """
                SELECT ym, team_id, SUM(opened), SUM(closed), SUM(reunited) FROM (
                  SELECT DATE_FORMAT(c.opened_at, '%Y-%m') ym, c.team_id, 1 opened, 0 closed, 0 reunited
                  FROM case_file c WHERE c.opened_at >= :start AND c.opened_at < :end""" + teams + """

                  UNION ALL
                  SELECT DATE_FORMAT(s.changed_at, '%Y-%m'), c.team_id, 0,
                    CASE WHEN s.to_status IN (:closing) THEN 1 ELSE 0 END,
                    CASE WHEN s.to_status = 'REUNITED' THEN 1 ELSE 0 END
                  FROM case_status_change s JOIN case_file c ON c.id = s.case_id
                  WHERE s.changed_at >= :start AND s.changed_at < :end
                    AND (s.to_status IN (:closing) OR s.to_status = 'REUNITED')""" + teams + """

                ) x GROUP BY ym, team_id ORDER BY ym, team_id""";
        Map<Long, String> teamNames = directory.teamNames();
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new MonthlyCounts(
                        YearMonth.parse(rs.getString(1)),
                        rs.getLong(2),
                        teamNames.getOrDefault(rs.getLong(2), "?"),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /**
     * Per team and status: the stays in that status that ended in the period (a stay ends with the
     * case's next status change), their median and mean days, and the cases in it now.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<StatusTime> timeInStatus(YearMonth from, YearMonth to, @Nullable Long teamId) {
        checkPeriod(from, to);
        Visibility scope = scope(teamId);
        if (scope.none()) {
            return List.of();
        }
        var params = new HashMap<String, Object>();
        params.put("start", start(from));
        params.put("end", end(to));
        String teams = teamCondition("c.team_id", scope, params);
        String ended = """
                WITH spans AS (
                  SELECT c.team_id, s.to_status status, s.changed_at entered,
                    LEAD(s.changed_at) OVER (PARTITION BY s.case_id ORDER BY s.changed_at, s.id) left_at
                  FROM case_status_change s JOIN case_file c ON c.id = s.case_id WHERE 1 = 1""" + teams + """

                ), done AS (
                  SELECT team_id, status, TIMESTAMPDIFF(SECOND, entered, left_at) / 86400.0 days
                  FROM spans WHERE left_at >= :start AND left_at < :end
                )
                SELECT DISTINCT team_id, status,
                  COUNT(*) OVER (PARTITION BY team_id, status),
                  MEDIAN(days) OVER (PARTITION BY team_id, status),
                  AVG(days) OVER (PARTITION BY team_id, status)
                FROM done""";
        record Key(long team, CaseStatus status) {}
        record Ended(long count, double median, double mean) {}
        var endedByKey = new HashMap<Key, Ended>();
        jdbc.sql(ended).params(params).query(rs -> {
            endedByKey.put(
                    new Key(rs.getLong(1), CaseStatus.valueOf(rs.getString(2))),
                    new Ended(rs.getLong(3), rs.getDouble(4), rs.getDouble(5)));
        });
        var currentParams = new HashMap<String, Object>();
        String currentTeams = teamCondition("c.team_id", scope, currentParams);
        var currentByKey = new HashMap<Key, Long>();
        jdbc.sql("SELECT c.team_id, c.status, COUNT(*) FROM case_file c WHERE 1 = 1" + currentTeams
                        + " GROUP BY c.team_id, c.status")
                .params(currentParams)
                .query(rs -> {
                    currentByKey.put(new Key(rs.getLong(1), CaseStatus.valueOf(rs.getString(2))), rs.getLong(3));
                });
        var teamsSeen = new TreeMap<Long, Map<CaseStatus, Boolean>>();
        endedByKey
                .keySet()
                .forEach(k -> teamsSeen
                        .computeIfAbsent(k.team(), t -> new EnumMap<>(CaseStatus.class))
                        .put(k.status(), true));
        currentByKey
                .keySet()
                .forEach(k -> teamsSeen
                        .computeIfAbsent(k.team(), t -> new EnumMap<>(CaseStatus.class))
                        .put(k.status(), true));
        Map<Long, String> teamNames = directory.teamNames();
        var result = new ArrayList<StatusTime>();
        teamsSeen.forEach((team, statuses) -> statuses.keySet().forEach(status -> {
            Key key = new Key(team, status);
            Ended e = endedByKey.get(key);
            result.add(new StatusTime(
                    team,
                    teamNames.getOrDefault(team, "?"),
                    status,
                    e == null ? 0 : e.count(),
                    e == null ? null : e.median(),
                    e == null ? null : e.mean(),
                    currentByKey.getOrDefault(key, 0L)));
        }));
        return result;
    }

    /**
     * One page of the cases open at some time in the period (opened before its end, not closed
     * before its start), by reference, for the report on screen. The first page is recorded.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public List<CaseRow> caseList(YearMonth from, YearMonth to, @Nullable Long teamId, int offset, int limit) {
        checkPeriod(from, to);
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and 500");
        }
        Visibility scope = scope(teamId);
        if (scope.none()) {
            return List.of();
        }
        if (offset == 0) {
            audit.record(AuditEntry.success("CASES_LISTED", "CASE", null)
                    .because("report case-list, " + describe(from, to, teamId)));
        }
        return rows(from, to, scope, null, offset, limit);
    }

    /**
     * The next batch of the case list for an export, after the case id {@code afterId} (keyset), at
     * most {@code limit} rows. S4: needs a recent step-up; the export itself is recorded by the
     * caller (reporting) with its row count.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<CaseRow> caseListBatch(YearMonth from, YearMonth to, @Nullable Long teamId, long afterId, int limit) {
        checkPeriod(from, to);
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit between 1 and " + MAX_BATCH);
        }
        Visibility scope = scope(teamId);
        stepUp.require(EXPORT_OPERATION);
        if (scope.none()) {
            return List.of();
        }
        return rows(from, to, scope, afterId, 0, limit);
    }

    private List<CaseRow> rows(
            YearMonth from, YearMonth to, Visibility scope, @Nullable Long afterId, int offset, int limit) {
        var params = new HashMap<String, Object>();
        params.put("start", start(from));
        params.put("end", end(to));
        var sql = new StringBuilder("""
                SELECT c.id, c.reference, c.team_id, c.status, c.opened_at, c.closed_at, c.updated_at, c.assignee_id
                FROM case_file c WHERE c.opened_at < :end AND (c.closed_at IS NULL OR c.closed_at >= :start)""");
        sql.append(teamCondition("c.team_id", scope, params));
        if (afterId != null) {
            sql.append(" AND c.id > :after ORDER BY c.id LIMIT :limit");
            params.put("after", afterId);
        } else {
            sql.append(" ORDER BY c.reference, c.id LIMIT :limit OFFSET :offset");
            params.put("offset", offset);
        }
        params.put("limit", limit);
        record Raw(
                long id,
                String reference,
                long teamId,
                CaseStatus status,
                Instant opened,
                @Nullable Instant closed,
                Instant updated,
                @Nullable Long assignee) {}
        List<Raw> raws = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Raw(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        CaseStatus.valueOf(rs.getString(4)),
                        instant(rs, 5),
                        rs.getObject(6) == null ? null : instant(rs, 6),
                        instant(rs, 7),
                        rs.getObject(8, Long.class)))
                .list();
        if (raws.isEmpty()) {
            return List.of();
        }
        List<PartyRef> partyRefs = jdbc.sql(
                        "SELECT case_id, person_id, party_role FROM case_party WHERE case_id IN (:ids) ORDER BY id")
                .param("ids", raws.stream().map(Raw::id).toList())
                .query((rs, n) -> new PartyRef(rs.getLong(1), rs.getLong(2), PartyRole.valueOf(rs.getString(3))))
                .list();
        // names as the cases list shows them: the person service applies its own visibility
        Map<PersonId, PersonSummary> persons = people.summaries(
                partyRefs.stream().map(p -> new PersonId(p.personId())).collect(Collectors.toSet()));
        Map<Long, List<PartyRef>> byCase = partyRefs.stream().collect(Collectors.groupingBy(PartyRef::caseId));
        Map<Long, String> teamNames = directory.teamNames();
        Map<Long, String> userNames = directory.userNames(raws.stream()
                .map(Raw::assignee)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        var result = new ArrayList<CaseRow>(raws.size());
        for (Raw raw : raws) {
            List<PartyRef> ps = byCase.getOrDefault(raw.id(), List.of());
            result.add(new CaseRow(
                    raw.id(),
                    raw.reference(),
                    raw.teamId(),
                    teamNames.getOrDefault(raw.teamId(), "?"),
                    raw.status(),
                    raw.opened(),
                    raw.closed(),
                    raw.closed() != null ? raw.closed() : raw.updated(),
                    raw.assignee() == null ? null : userNames.get(raw.assignee()),
                    names(ps, PartyRole.ENQUIRER, persons),
                    names(ps, PartyRole.SOUGHT, persons)));
        }
        return result;
    }

    private record PartyRef(long caseId, long personId, PartyRole role) {}

    private static List<String> names(List<PartyRef> ps, PartyRole role, Map<PersonId, PersonSummary> persons) {
        return ps.stream()
                .filter(p -> p.role() == role)
                .map(p -> {
                    PersonSummary summary = persons.get(new PersonId(p.personId()));
                    return summary == null ? "?" : summary.display();
                })
                .toList();
    }

    /**
     * The caller's visibility, narrowed to one team when asked. Asking for a team the caller may
     * not see is refused like any other team's record: recorded, and "not found".
     */
    private Visibility scope(@Nullable Long teamId) {
        Visibility visibility = policy.visibility(CaseAction.SEE_CASE_SUMMARY);
        if (teamId == null) {
            return visibility;
        }
        if (!visibility.includes(teamId)) {
            audit.recordIndependently(
                    AuditEntry.denied("ACCESS_DENIED", "TEAM", teamId).because(CaseAction.SEE_CASE_SUMMARY.name()));
            throw new RecordNotFound("Team");
        }
        return new Visibility(false, Set.of(teamId));
    }

    private static String teamCondition(String column, Visibility scope, Map<String, Object> params) {
        if (scope.all()) {
            return "";
        }
        params.put("teams", scope.teamIds());
        return " AND " + column + " IN (:teams)";
    }

    static void checkPeriod(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "reports.to-before-from");
        }
    }

    private static LocalDateTime start(YearMonth from) {
        return from.atDay(1).atStartOfDay();
    }

    private static LocalDateTime end(YearMonth to) {
        return to.plusMonths(1).atDay(1).atStartOfDay();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private static String describe(YearMonth from, YearMonth to, @Nullable Long teamId) {
        return "period " + from + ".." + to + ", team " + (teamId == null ? "all" : teamId);
    }
}
