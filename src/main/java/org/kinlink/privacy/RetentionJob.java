package org.kinlink.privacy;

import java.util.List;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the retention rules on the schedule {@code kinlink.retention.cron} (default 02:30 every night)
 * as the system actor {@value #ACTOR}, which the audit log names as the actor. A dry run unless
 * {@code kinlink.retention.dry-run} is false: an operator reads the reports on the Retention page
 * first and switches to real runs when they agree. Another node holding the lock makes this run
 * skip.
 */
@Component
class RetentionJob {

    static final String ACTOR = "system:retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionRunner runner;
    private final boolean dryRun;

    RetentionJob(RetentionRunner runner, @Value("${kinlink.retention.dry-run:true}") boolean dryRun) {
        this.runner = runner;
        this.dryRun = dryRun;
    }

    @Scheduled(cron = "${kinlink.retention.cron:0 30 2 * * *}", zone = "UTC")
    void nightly() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ACTOR, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))));
        SecurityContextHolder.setContext(context);
        try {
            RetentionReport report = runner.run(dryRun, ACTOR);
            log.info(
                    "Retention {}: {} cases, {} persons",
                    dryRun ? "dry run" : "run",
                    report.lines().size(),
                    report.persons());
        } catch (InvalidInput busy) {
            log.info("Retention run skipped: another node is running it");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
