package org.kinlink.privacy;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.access.CurrentUser;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention rules per final case status and their runs (D7), for administrators: the rules can be
 * changed (audited, versioned), a dry run reports which cases are due, and applying the rules
 * anonymises them (step-up, S4). The nightly {@link RetentionJob} does the same as the system actor.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class Retention {

    public static final String STEP_UP_APPLY = "retention-apply";

    private final JdbcTemplate jdbc;
    private final RetentionRunner runner;
    private final CurrentUser currentUser;
    private final StepUpCheck stepUp;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean scheduledDryRun;

    Retention(
            JdbcTemplate jdbc,
            RetentionRunner runner,
            CurrentUser currentUser,
            StepUpCheck stepUp,
            AuditTrail audit,
            Clock clock,
            @Value("${kinlink.retention.dry-run:true}") boolean scheduledDryRun) {
        this.jdbc = jdbc;
        this.runner = runner;
        this.currentUser = currentUser;
        this.stepUp = stepUp;
        this.audit = audit;
        this.clock = clock;
        this.scheduledDryRun = scheduledDryRun;
    }

    @Transactional(readOnly = true)
    public List<RetentionRule> rules() {
        return runner.rules();
    }

    /** Whether the nightly job only reports ({@code kinlink.retention.dry-run}, true unless set). */
    public boolean scheduledRunIsDryRun() {
        return scheduledDryRun;
    }

    /** Sets the years of a rule; 1 to 100; refused when the rule changed since it was loaded. */
    @Transactional
    public RetentionRule changeRule(CaseStatus status, long version, int years) {
        if (years < 1 || years > 100) {
            throw new InvalidInput("years", "retention.years-range");
        }
        RetentionRule rule = rules().stream()
                .filter(r -> r.status() == status)
                .findFirst()
                .orElseThrow(() -> new RecordNotFound("Retention rule"));
        var user = currentUser.require();
        int updated = jdbc.update(
                "update retention_rule set years = ?, updated_at = ?, updated_by_name = ?, version = version + 1"
                        + " where final_status = ? and version = ?",
                years,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                user.displayName(),
                status.name(),
                version);
        if (updated != 1) {
            throw new ConcurrentChange("Retention rule");
        }
        audit.record(AuditEntry.success("RETENTION_RULE_CHANGED", "RETENTION_RULE", status.name())
                .because(rule.years() + " -> " + years + " years"));
        return rules().stream().filter(r -> r.status() == status).findFirst().orElseThrow();
    }

    /** Reports what applying the rules now would do, changing nothing. */
    public RetentionReport dryRun() {
        return runner.run(true, currentUser.require().displayName());
    }

    /** Applies the rules now (step-up required). */
    public RetentionReport apply() {
        stepUp.require(STEP_UP_APPLY);
        return runner.run(false, currentUser.require().displayName());
    }

    /** The most recent runs, newest first. */
    @Transactional(readOnly = true)
    public List<RetentionReport> runs(int offset, int limit) {
        return jdbc.query(
                "select id, ran_at, dry_run, actor_name, report from retention_run order by id desc limit ? offset ?",
                (rs, n) -> new RetentionReport(
                        rs.getLong(1),
                        rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getBoolean(3),
                        rs.getString(4),
                        RetentionRunner.parse(rs.getString(5))),
                Math.max(0, Math.min(limit, 100)),
                Math.max(0, offset));
    }
}
