package org.kinlink.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.ConcurrentChange;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.StepUpRequired;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseErasure;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.correspondence.Channel;
import org.kinlink.correspondence.CorrespondenceErasure;
import org.kinlink.correspondence.CorrespondenceLog;
import org.kinlink.correspondence.Direction;
import org.kinlink.correspondence.EntryForm;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** D7: retention rules per final status, applied with an injected clock; a dry run changes nothing. */
@IntegrationTest
class RetentionTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Retention retention;

    @Autowired
    PersonService people;

    @Autowired
    CaseService cases;

    @Autowired
    CorrespondenceLog log;

    @Autowired
    FileStore files;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CaseErasure caseErasure;

    @Autowired
    CorrespondenceErasure correspondenceErasure;

    @Autowired
    ErasureExecution erasureExecution;

    @Autowired
    AuditTrail audit;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    long team;
    KinlinkUser caseworker;
    KinlinkUser admin;
    Instant now;

    @BeforeEach
    void teamAndUsers() {
        var administration = context.getBean(UserAdministration.class);
        team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        caseworker = user(Set.of(Roles.CASEWORKER), Set.of(team));
        admin = user(Set.of(Roles.ADMIN), Set.of());
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void restoreRule() {
        TestAccounts.signIn(admin);
        RetentionRule rule = rule(CaseStatus.CLOSED_UNRESOLVED);
        if (rule.years() != 10) {
            retention.changeRule(CaseStatus.CLOSED_UNRESOLVED, rule.version(), 10);
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("D7: the shipped rules are REUNITED 5, CLOSED 5, CLOSED_UNRESOLVED 10 and DECLINED 3 years")
    void d7_shipped_rules() {
        TestAccounts.signIn(admin);
        var years = retention.rules().stream()
                .collect(java.util.stream.Collectors.toMap(RetentionRule::status, RetentionRule::years));
        assertThat(years.get(CaseStatus.REUNITED)).isEqualTo(5);
        assertThat(years.get(CaseStatus.CLOSED)).isEqualTo(5);
        assertThat(years.get(CaseStatus.CLOSED_UNRESOLVED)).isEqualTo(10);
        assertThat(years.get(CaseStatus.DECLINED)).isEqualTo(3);
    }

    @Test
    @DisplayName(
            "D7: with a fixed clock a case closed 4 years ago is untouched, one closed 6 years ago is anonymised; a dry run changes nothing")
    void d7_retention_with_an_injected_clock() {
        TestAccounts.signInConfirmed(caseworker);
        PersonId onlyHere = person("Sixyears");
        PersonId alsoElsewhere = person("Stillactive");
        String old = closedCase("Old case of Sixyears", onlyHere, alsoElsewhere, 6);
        StoredFile attachment =
                files.store("old.txt", new ByteArrayInputStream("old call notes".getBytes(StandardCharsets.UTF_8)));
        log.log(
                old,
                new EntryForm(
                        now.minus(1, ChronoUnit.DAYS),
                        Channel.PHONE,
                        Direction.INCOMING,
                        null,
                        "the aunt",
                        "Old call",
                        "old summary",
                        false),
                List.of(attachment.id()));
        PersonId younger = person("Fouryears");
        String recent = closedCase("Case of Fouryears", younger, person("Fourenquirer"), 4);
        String live = cases.create(new NewCase("Live case", null, Priority.NORMAL, team, null));
        cases.addParty(live, alsoElsewhere, PartyRole.SOUGHT, Relationship.SELF);

        TestAccounts.signInConfirmed(admin);
        RetentionRule rule = rule(CaseStatus.CLOSED_UNRESOLVED);
        assertThatThrownBy(() -> retention.changeRule(CaseStatus.CLOSED_UNRESOLVED, rule.version(), 0))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "years");
        assertThatThrownBy(() -> retention.changeRule(CaseStatus.CLOSED_UNRESOLVED, rule.version() + 1, 5))
                .isInstanceOf(ConcurrentChange.class);
        long before = AuditEvents.newest(jdbc);
        retention.changeRule(CaseStatus.CLOSED_UNRESOLVED, rule.version(), 5);
        assertThat(AuditEvents.since(jdbc, before, "RETENTION_RULE_CHANGED")).hasSize(1);

        Run fixed = runner(Clock.fixed(now, ZoneOffset.UTC));
        RetentionReport dry = fixed.run(true, "test");
        assertThat(lineOf(dry, old)).isNotNull();
        assertThat(lineOf(dry, old).persons())
                .as("only the person in no other live case")
                .isEqualTo(1);
        assertThat(lineOf(dry, recent))
                .as("closed 4 years ago: not due under 5 years")
                .isNull();
        assertThat(title(old)).isEqualTo("Old case of Sixyears");
        assertThat(exists(onlyHere)).isTrue();
        assertThat(count(
                        "select count(*) from stored_file where id = ?",
                        attachment.id().value()))
                .isEqualTo(1);

        RetentionReport moved = runner(
                        Clock.offset(Clock.fixed(now, ZoneOffset.UTC), java.time.Duration.ofDays(2 * 366)))
                .run(true, "test");
        assertThat(lineOf(moved, recent))
                .as("two years later the 4-year-old case is due")
                .isNotNull();

        before = AuditEvents.newest(jdbc);
        RetentionReport applied = fixed.run(false, "test");
        assertThat(lineOf(applied, old)).isNotNull();
        assertThat(title(old)).isEqualTo(CaseErasure.ANONYMISED_TITLE);
        assertThat(count(
                        "select count(*) from case_file where reference = ? and anonymised_at is not null"
                                + " and status = 'CLOSED_UNRESOLVED' and summary is null",
                        old))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from case_party p join case_file c on c.id = p.case_id where c.reference = ?",
                        old))
                .isZero();
        assertThat(exists(onlyHere)).isFalse();
        assertThat(exists(alsoElsewhere))
                .as("a person in another live case stays")
                .isTrue();
        assertThat(count(
                        "select count(*) from stored_file where id = ?",
                        attachment.id().value()))
                .isZero();
        assertThat(title(recent)).isEqualTo("Case of Fouryears");
        assertThat(exists(younger)).isTrue();
        assertThat(AuditEvents.since(jdbc, before, "CASE_ANONYMISED")).isNotEmpty();
        var erased = AuditEvents.since(jdbc, before, "PERSON_ERASED");
        assertThat(erased).anySatisfy(e -> {
            assertThat(e.get("object_id")).isEqualTo(onlyHere.toString());
            assertThat(String.valueOf(e.get("reason"))).contains("retention rule CLOSED_UNRESOLVED 5 years");
        });
        assertThat(retention.runs(0, 5)).extracting(RetentionReport::id).contains(applied.id(), dry.id());
    }

    @Test
    @DisplayName("D7: only one node runs the rules at a time (database lock); applying needs a step-up (S4)")
    void d7_one_run_at_a_time_and_step_up() throws Exception {
        TestAccounts.signIn(admin);
        assertThatThrownBy(() -> retention.apply()).isInstanceOf(StepUpRequired.class);
        try (Connection other = dataSource.getConnection();
                var statement = other.prepareStatement("select get_lock(?, 0)")) {
            statement.setString(1, RetentionRunner.LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> retention.dryRun())
                    .isInstanceOf(InvalidInput.class)
                    .hasFieldOrPropertyWithValue("field", "run");
            try (var release = other.prepareStatement("select release_lock(?)")) {
                release.setString(1, RetentionRunner.LOCK);
                release.executeQuery().close();
            }
        }
        assertThat(retention.dryRun().dryRun()).isTrue();
    }

    /** A runner with its own clock; outside Spring, so its transaction is opened here. */
    private Run runner(Clock clock) {
        var runner = new RetentionRunner(jdbc, caseErasure, correspondenceErasure, erasureExecution, audit, clock);
        var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
        return (dryRun, actor) -> template.execute(status -> runner.run(dryRun, actor));
    }

    interface Run {
        RetentionReport run(boolean dryRun, String actor);
    }

    private static RetentionReport.Line lineOf(RetentionReport report, String reference) {
        return report.lines().stream()
                .filter(l -> l.caseReference().equals(reference))
                .findFirst()
                .orElse(null);
    }

    private String closedCase(String title, PersonId sought, PersonId enquirer, int yearsAgo) {
        String reference = cases.create(new NewCase(title, "Notes about " + title, Priority.NORMAL, team, null));
        cases.addParty(reference, sought, PartyRole.SOUGHT, Relationship.SELF);
        cases.addParty(reference, enquirer, PartyRole.ENQUIRER, Relationship.MOTHER);
        cases.changeStatus(reference, cases.open(reference).version(), CaseStatus.CLOSED_UNRESOLVED, "no trace");
        jdbc.update(
                "update case_status_change set changed_at = ? where to_status = 'CLOSED_UNRESOLVED'"
                        + " and case_id = (select id from case_file where reference = ?)",
                LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                        .minusYears(yearsAgo)
                        .minusDays(1),
                reference);
        return reference;
    }

    private RetentionRule rule(CaseStatus status) {
        return retention.rules().stream()
                .filter(r -> r.status() == status)
                .findFirst()
                .orElseThrow();
    }

    private PersonId person(String given) {
        return people.register(
                PersonForm.named(new PersonNames(given, TestAccounts.uniqueName("R"), null, null, null, null)), team);
    }

    private boolean exists(PersonId person) {
        return count("select count(*) from person where id = ?", person.value()) == 1;
    }

    private String title(String reference) {
        return jdbc.queryForObject("select title from case_file where reference = ?", String.class, reference);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private KinlinkUser user(Set<String> roles, Set<Long> teams) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("u");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        return TestAccounts.load(context, username);
    }
}
