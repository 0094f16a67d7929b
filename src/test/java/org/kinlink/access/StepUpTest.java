package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.StepUpRequired;
import org.kinlink.audit.AuditCheckpoints;
import org.kinlink.audit.AuditExport;
import org.kinlink.audit.AuditFilter;
import org.kinlink.audit.AuditTrail;
import org.kinlink.crypto.FieldCipher;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.people.Sex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** S4: re-confirming before exports, location reveals, role changes and second-factor resets. */
@IntegrationTest
class StepUpTest {

    static final String PASSWORD = "right lantern harbour";

    @Autowired
    ApplicationContext context;

    @Autowired
    StepUp stepUp;

    @Autowired
    PersonService people;

    @Autowired
    UserAdministration administration;

    @Autowired
    AuditExport export;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    SecondFactor secondFactor;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void forgetFailuresOfOtherTests() {
        // wrong secrets count per client address, shared by every test in this JVM
        jdbc.update("DELETE FROM sign_in_throttle WHERE kind = 'ADDRESS'");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private KinlinkUser signedIn(Set<String> roles) {
        var user = TestAccounts.create(context, TestAccounts.uniqueName("su"), PASSWORD, roles, false);
        TestAccounts.signIn(user);
        return user;
    }

    private PersonId personWithLocation(KinlinkUser caseworker) {
        return people.register(
                new PersonForm(
                        new PersonNames("Stepia", "Uptest", null, null, null, null),
                        List.of(),
                        Sex.FEMALE,
                        null,
                        1991,
                        null,
                        null,
                        "Camp 12, row 4",
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null),
                caseworker.teamIds().iterator().next());
    }

    @Test
    @DisplayName("S4: revealing a location is refused and audited without a step-up, and allowed after one")
    void s4_location_reveal() {
        var caseworker = signedIn(Set.of(Roles.CASEWORKER));
        PersonId person = personWithLocation(caseworker);
        long before = AuditEvents.newest(jdbc);

        assertThatThrownBy(() -> people.reveal(person, org.kinlink.access.SensitiveFieldClass.LOCATION, "visit"))
                .isInstanceOfSatisfying(
                        StepUpRequired.class, e -> assertThat(e.operation()).isEqualTo(StepUp.REVEAL_LOCATION));
        assertThat(AuditEvents.since(jdbc, before, "STEP_UP_REQUIRED"))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("reason", StepUp.REVEAL_LOCATION));
        assertThat(AuditEvents.since(jdbc, before, "REVEAL_LOCATION")).isEmpty();
        // other classes need no step-up
        people.reveal(person, org.kinlink.access.SensitiveFieldClass.IDENTITY, "checking documents");

        assertThat(stepUp.method()).isEqualTo(StepUpCheck.Method.PASSWORD);
        stepUp.confirm(PASSWORD);

        assertThat(people.reveal(person, org.kinlink.access.SensitiveFieldClass.LOCATION, "visit")
                        .lastKnownLocation()
                        .value())
                .isEqualTo("Camp 12, row 4");
        assertThat(AuditEvents.since(jdbc, before, "STEP_UP_CONFIRMED"))
                .singleElement()
                .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain(PASSWORD));
        assertThat(AuditEvents.since(jdbc, before, "REVEAL_LOCATION")).hasSize(1);
    }

    @Test
    @DisplayName("S4: another team's caseworker gets 'not found' for a location, not a step-up prompt (C3)")
    void s4_access_rules_come_before_the_step_up() {
        var owner = signedIn(Set.of(Roles.CASEWORKER));
        PersonId person = personWithLocation(owner);
        signedIn(Set.of(Roles.CASEWORKER));

        assertThatThrownBy(() -> people.reveal(person, org.kinlink.access.SensitiveFieldClass.LOCATION, "visit"))
                .isInstanceOf(org.kinlink.RecordNotFound.class);
    }

    @Test
    @DisplayName("S4: the CSV export and the checkpoint download are refused without a step-up and allowed after one")
    void s4_audit_exports() throws Exception {
        signedIn(Set.of(Roles.AUDITOR));
        long before = AuditEvents.newest(jdbc);

        assertThatThrownBy(() -> export.writeCsv(AuditFilter.any(), new ByteArrayOutputStream()))
                .isInstanceOf(StepUpRequired.class);
        assertThatThrownBy(() -> checkpoints.create()).isInstanceOf(StepUpRequired.class);
        assertThat(AuditEvents.since(jdbc, before, "STEP_UP_REQUIRED")).hasSize(2);
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_EXPORTED")).isEmpty();
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_CHECKPOINT_EXPORTED")).isEmpty();

        stepUp.confirm(PASSWORD);

        var out = new ByteArrayOutputStream();
        export.writeCsv(new AuditFilter(null, "STEP_UP_CONFIRMED", null, null, null, null, null), out);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("sequence_no,");
        assertThat(checkpoints.create().signature()).isNotBlank();
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_EXPORTED")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_CHECKPOINT_EXPORTED")).hasSize(1);
    }

    @Test
    @DisplayName("S4: a change of roles needs a step-up; a change of name alone does not")
    void s4_role_changes() {
        String target = TestAccounts.uniqueName("target");
        var user = TestAccounts.create(context, target, PASSWORD, Set.of(Roles.COORDINATOR), false);
        signedIn(Set.of(Roles.ADMIN));
        long version = version(user.id());

        var renamed = administration.updateUser(
                new UserChanges(user.id(), version, "Renamed", Set.of(Roles.COORDINATOR), Set.of()));
        assertThatThrownBy(() -> administration.updateUser(
                        new UserChanges(user.id(), renamed.version(), "Renamed", Set.of(Roles.AUDITOR), Set.of())))
                .isInstanceOf(StepUpRequired.class);
        assertThat(TestAccounts.load(context, target).roles()).containsExactly(Roles.COORDINATOR);

        stepUp.confirm(PASSWORD);
        administration.updateUser(
                new UserChanges(user.id(), renamed.version(), "Renamed", Set.of(Roles.AUDITOR), Set.of()));

        assertThat(TestAccounts.load(context, target).roles()).containsExactly(Roles.AUDITOR);
    }

    @Test
    @DisplayName(
            "S4, A4: a wrong password is refused on the field, audited, counted by the throttle, and confirms nothing")
    void s4_wrong_password() {
        signedIn(Set.of(Roles.AUDITOR));
        long before = AuditEvents.newest(jdbc);
        int failuresBefore = failures();

        assertThatThrownBy(() -> stepUp.confirm("not my password at all"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("secret");
                    assertThat(e.messageKey()).isEqualTo("step-up.password-wrong");
                });

        assertThatThrownBy(() -> checkpoints.create()).isInstanceOf(StepUpRequired.class);
        assertThat(AuditEvents.since(jdbc, before, "STEP_UP_FAILED"))
                .singleElement()
                .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain("not my password"));
        assertThat(failures()).isGreaterThan(failuresBefore);
    }

    @Test
    @DisplayName(
            "S4, A3: with a second factor the step-up takes a fresh code once; a replayed code and recovery codes are refused")
    void s4_codes_are_single_use() {
        signedIn(Set.of(Roles.AUDITOR));
        var enrolment = secondFactor.startEnrolment();
        String enrolmentCode = TestAccounts.totpCode(enrolment.secret(), 0);
        List<String> recoveryCodes = secondFactor.confirmEnrolment(enrolmentCode);
        assertThat(stepUp.method()).isEqualTo(StepUpCheck.Method.CODE);

        // the code used at enrolment (as one used at sign-in) cannot be replayed
        assertThatThrownBy(() -> stepUp.confirm(enrolmentCode)).isInstanceOf(InvalidInput.class);
        // recovery codes do not confirm a step-up
        assertThatThrownBy(() -> stepUp.confirm(recoveryCodes.get(0))).isInstanceOf(InvalidInput.class);
        // nor does the password when there is a second factor
        assertThatThrownBy(() -> stepUp.confirm(PASSWORD)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> stepUp.require(StepUp.AUDIT_EXPORT)).isInstanceOf(StepUpRequired.class);

        String next = TestAccounts.totpCode(enrolment.secret(), 1);
        stepUp.confirm(next);
        stepUp.require(StepUp.AUDIT_EXPORT);
        assertThatThrownBy(() -> stepUp.confirm(next)).as("the same code again").isInstanceOf(InvalidInput.class);
    }

    @Test
    @DisplayName("S4: a confirmation lasts for the window only (injected clock)")
    void s4_window_expires() {
        signedIn(Set.of(Roles.AUDITOR));
        var clock = new SignInThrottleTest.MovableClock(Instant.now());
        var timed = new StepUp(
                context.getBean(JdbcClient.class),
                context.getBean(FieldCipher.class),
                context.getBean(PasswordEncoder.class),
                context.getBean(CurrentUser.class),
                context.getBean(UserAccountRepository.class),
                context.getBean(SignInThrottle.class),
                context.getBean(AuditTrail.class),
                clock,
                Duration.ofMinutes(5));
        new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(tx -> timed.confirm(PASSWORD));

        clock.advance(Duration.ofMinutes(4));
        timed.require(StepUp.AUDIT_EXPORT);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThatThrownBy(() -> timed.require(StepUp.AUDIT_EXPORT)).isInstanceOf(StepUpRequired.class);
    }

    private int failures() {
        Integer sum = jdbc.queryForObject(
                "SELECT COALESCE(SUM(failures), 0) FROM sign_in_throttle WHERE kind = 'ACCOUNT'", Integer.class);
        return sum == null ? 0 : sum;
    }

    private long version(long userId) {
        Long version = jdbc.queryForObject("SELECT version FROM app_user WHERE id = ?", Long.class, userId);
        return version == null ? 0 : version;
    }
}
