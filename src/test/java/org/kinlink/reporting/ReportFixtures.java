package org.kinlink.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Teams, users and rows with fixed dates for the report tests; every name is unique. */
final class ReportFixtures {

    private ReportFixtures() {}

    static long team(ApplicationContext context, String prefix) {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() -> administration
                .createTeam(TestAccounts.uniqueName(prefix), "report test team")
                .id());
    }

    static KinlinkUser user(ApplicationContext context, Set<String> roles, Set<Long> teams) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName(roles.contains(Roles.CASEWORKER) ? "cw" : "co");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        return TestAccounts.load(context, username);
    }

    /** A case row as the cases module stores it, opened at a fixed time; returns its id. */
    static long caseFile(JdbcTemplate jdbc, long team, String status, LocalDateTime opened, LocalDateTime closed) {
        String reference = "KL-R" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update(
                "INSERT INTO case_file (reference, title, priority, status, team_id, opened_at, closed_at, updated_at, version)"
                        + " VALUES (?, 'report fixture', 'NORMAL', ?, ?, ?, ?, ?, 0)",
                reference,
                status,
                team,
                opened,
                closed,
                closed != null ? closed : opened);
        return jdbc.queryForObject("SELECT id FROM case_file WHERE reference = ?", Long.class, reference);
    }

    static void statusChange(JdbcTemplate jdbc, long caseId, String from, String to, LocalDateTime at, long userId) {
        jdbc.update(
                "INSERT INTO case_status_change (case_id, from_status, to_status, reason, changed_by, changed_by_name,"
                        + " changed_at) VALUES (?, ?, ?, 'fixture', ?, 'fixture', ?)",
                caseId,
                from,
                to,
                userId,
                at);
    }

    static long institution(JdbcTemplate jdbc, String name) {
        jdbc.update(
                "INSERT INTO institution (version, name, institution_type, preferred_language, updated_at)"
                        + " VALUES (0, ?, 'OTHER', 'en', NOW(6))",
                name);
        return jdbc.queryForObject("SELECT MAX(id) FROM institution WHERE name = ?", Long.class, name);
    }

    /** A sent letter about the case (of the team), answered on the day given or not at all. */
    static void letter(
            JdbcTemplate jdbc,
            long institution,
            long caseId,
            long team,
            LocalDate sent,
            LocalDate answered,
            long userId) {
        String reference = "LR-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update(
                "INSERT INTO letter (version, reference, row_key, institution_id, subject, language, channel, status,"
                        + " author_id, author_name, sent_on, answered_on, created_at, updated_at)"
                        + " VALUES (0, ?, ?, ?, 'fixture', 'en', 'POST', ?, ?, 'fixture', ?, ?, NOW(6), NOW(6))",
                reference,
                UUID.randomUUID().toString(),
                institution,
                answered == null ? "SENT" : "ANSWERED",
                userId,
                sent,
                answered);
        long letterId = jdbc.queryForObject("SELECT id FROM letter WHERE reference = ?", Long.class, reference);
        String caseReference =
                jdbc.queryForObject("SELECT reference FROM case_file WHERE id = ?", String.class, caseId);
        jdbc.update(
                "INSERT INTO letter_case (letter_id, case_id, case_reference, team_id) VALUES (?, ?, ?, ?)",
                letterId,
                caseId,
                caseReference,
                team);
    }
}
