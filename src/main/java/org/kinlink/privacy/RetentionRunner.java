package org.kinlink.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kinlink.InvalidInput;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseErasure;
import org.kinlink.cases.CaseStatus;
import org.kinlink.correspondence.CorrespondenceErasure;
import org.kinlink.people.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the retention rules once (D7), as a dry run (report only) or for real, in one transaction
 * under the database lock {@code kinlink-retention} (MariaDB {@code GET_LOCK}), so that with several
 * nodes only one runs at a time; a run that finds the lock taken is refused. A due case is
 * anonymised ({@link CaseErasure#anonymise}, its contacts log emptied), and each of its persons who
 * is in no other live case is erased with the same machinery as an approved erasure; the rule is
 * the decision, and the audit events name it.
 */
@Component
class RetentionRunner {

    static final String LOCK = "kinlink-retention";

    private final JdbcTemplate jdbc;
    private final CaseErasure cases;
    private final CorrespondenceErasure correspondence;
    private final ErasureExecution erasure;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionRunner(
            JdbcTemplate jdbc,
            CaseErasure cases,
            CorrespondenceErasure correspondence,
            ErasureExecution erasure,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.correspondence = correspondence;
        this.erasure = erasure;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs the rules; the caller is signed in as an administrator or as the system actor. */
    @Transactional
    RetentionReport run(boolean dryRun, String actorName) {
        Integer locked = jdbc.queryForObject("select get_lock(?, 0)", Integer.class, LOCK);
        if (locked == null || locked != 1) {
            throw new InvalidInput("run", "retention.busy");
        }
        try {
            return runLocked(dryRun, actorName);
        } finally {
            jdbc.queryForObject("select release_lock(?)", Integer.class, LOCK);
        }
    }

    private RetentionReport runLocked(boolean dryRun, String actorName) {
        Instant now = clock.instant();
        var due = new ArrayList<Due>();
        for (RetentionRule rule : rules()) {
            Instant cutoff = now.atZone(ZoneOffset.UTC).minusYears(rule.years()).toInstant();
            for (CaseErasure.Due d : cases.dueForRetention(rule.status(), cutoff)) {
                due.add(new Due(d, rule));
            }
        }
        Set<Long> dueIds = new HashSet<>();
        due.forEach(d -> dueIds.add(d.due().caseId()));
        var lines = new ArrayList<RetentionReport.Line>();
        var erased = new HashSet<Long>();
        int serial = 0;
        for (Due d : due) {
            long caseId = d.due().caseId();
            String rule = "retention rule " + d.rule().status() + " " + d.rule().years() + " years";
            List<PersonId> toErase = cases.persons(caseId).stream()
                    .filter(p -> !erased.contains(p.value()))
                    .filter(p -> !cases.inOtherLiveCase(p, dueIds))
                    .toList();
            lines.add(new RetentionReport.Line(
                    d.due().reference(),
                    d.rule().status().name(),
                    d.rule().years(),
                    d.due().enteredAt(),
                    toErase.size()));
            if (dryRun) {
                continue;
            }
            correspondence.anonymiseCase(caseId);
            for (PersonId person : toErase) {
                erasure.execute(person, "[erased person R" + now.getEpochSecond() + "-" + (++serial) + "]", now);
                erased.add(person.value());
                audit.record(AuditEntry.success("PERSON_ERASED", "PERSON", person.value())
                        .because(rule + ", case " + d.due().reference()));
            }
            cases.anonymise(caseId, now);
            audit.record(AuditEntry.success("CASE_ANONYMISED", "CASE", caseId)
                    .because(rule + ", persons erased " + toErase.size()));
        }
        long id = store(now, dryRun, actorName, lines);
        audit.record(AuditEntry.success(dryRun ? "RETENTION_DRY_RUN" : "RETENTION_APPLIED", "RETENTION_RUN", id)
                .because("cases " + lines.size() + ", persons "
                        + lines.stream().mapToInt(RetentionReport.Line::persons).sum()));
        return new RetentionReport(id, now, dryRun, actorName, lines);
    }

    List<RetentionRule> rules() {
        return jdbc.query(
                "select final_status, years, version, updated_at, updated_by_name from retention_rule order by id",
                (rs, n) -> {
                    LocalDateTime at = rs.getObject(4, LocalDateTime.class);
                    return new RetentionRule(
                            CaseStatus.valueOf(rs.getString(1)),
                            rs.getInt(2),
                            rs.getLong(3),
                            at == null ? null : at.toInstant(ZoneOffset.UTC),
                            rs.getString(5));
                });
    }

    private long store(Instant now, boolean dryRun, String actorName, List<RetentionReport.Line> lines) {
        var report = new StringBuilder();
        for (RetentionReport.Line line : lines) {
            report.append(line.caseReference())
                    .append('|')
                    .append(line.status())
                    .append('|')
                    .append(line.years())
                    .append('|')
                    .append(line.enteredAt())
                    .append('|')
                    .append(line.persons())
                    .append('\n');
        }
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(
                            "insert into retention_run (ran_at, dry_run, actor_name, case_count, person_count, report)"
                                    + " values (?, ?, ?, ?, ?, ?)",
                            java.sql.Statement.RETURN_GENERATED_KEYS);
                    statement.setObject(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                    statement.setBoolean(2, dryRun);
                    statement.setString(3, actorName);
                    statement.setInt(4, lines.size());
                    statement.setInt(
                            5,
                            lines.stream()
                                    .mapToInt(RetentionReport.Line::persons)
                                    .sum());
                    statement.setString(6, report.toString());
                    return statement;
                },
                keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    static List<RetentionReport.Line> parse(String report) {
        return report.lines()
                .filter(l -> !l.isBlank())
                .map(l -> l.split("\\|"))
                .map(c -> new RetentionReport.Line(
                        c[0], c[1], Integer.parseInt(c[2]), Instant.parse(c[3]), Integer.parseInt(c[4])))
                .toList();
    }

    private record Due(CaseErasure.Due due, RetentionRule rule) {}
}
