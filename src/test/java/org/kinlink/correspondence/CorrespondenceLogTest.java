package org.kinlink.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.ConcurrentChange;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.Priority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** The correspondence log of a case: logged, corrected by revision, sensitive summaries revealed with a reason. */
@IntegrationTest
class CorrespondenceLogTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CorrespondenceLog log;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcTemplate jdbc;

    String reference;

    @BeforeEach
    void aCase() {
        TestAccounts.signIn(caseworkerOf(team()));
        long team = TestAccounts.load(
                        context,
                        SecurityContextHolder.getContext().getAuthentication().getName())
                .teamIds()
                .iterator()
                .next();
        reference = cases.create(new NewCase("Calls", null, Priority.NORMAL, team, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long team() {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
    }

    private org.kinlink.access.KinlinkUser caseworkerOf(long team) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        return TestAccounts.load(context, username);
    }

    private static EntryForm call(String subject, String summary, boolean sensitive, Instant when) {
        return new EntryForm(when, Channel.PHONE, Direction.INCOMING, null, "the mother", subject, summary, sensitive);
    }

    @Test
    void the_timeline_shows_logged_contacts_newest_first() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        log.log(reference, call("First call", "asked about progress", false, now.minusSeconds(3600)));
        log.log(reference, call("Second call", "new address abroad", false, now));
        assertThat(log.timeline(reference, TimelineFilter.all()))
                .extracting(EntryView::subject)
                .containsExactly("Second call", "First call");
        assertThat(log.timeline(reference, new TimelineFilter(Set.of(Channel.EMAIL), Set.of())))
                .isEmpty();
    }

    @Test
    void a_correction_adds_a_revision_and_keeps_the_earlier_one() {
        EntryView first = log.log(reference, call("Call", "she said Tuesday", false, Instant.now()));
        EntryView corrected = log.correct(
                reference,
                first.entryKey(),
                1,
                call("Call", "she said Thursday", false, first.occurredAt()),
                "misheard the day");
        assertThat(corrected.revision()).isEqualTo(2);
        assertThat(log.timeline(reference, TimelineFilter.all()))
                .singleElement()
                .extracting(EntryView::summary)
                .isEqualTo("she said Thursday");
        assertThat(log.revisions(reference, first.entryKey()))
                .extracting(EntryView::summary)
                .containsExactly("she said Thursday", "she said Tuesday");
    }

    @Test
    @DisplayName("a correction based on an outdated revision is refused (R1)")
    void a_stale_correction_is_refused() {
        EntryView first = log.log(reference, call("Call", "v1", false, Instant.now()));
        log.correct(reference, first.entryKey(), 1, call("Call", "v2", false, Instant.now()), "first fix");
        assertThatThrownBy(() -> log.correct(
                        reference,
                        first.entryKey(),
                        1,
                        call("Call", "v2b", false, Instant.now()),
                        "second fix from an old screen"))
                .isInstanceOf(ConcurrentChange.class);
    }

    @Test
    @DisplayName("a sensitive summary is masked, encrypted at rest and revealed only with a reason, audited (D1, L1)")
    void a_sensitive_summary_is_revealed_only_with_a_reason() {
        EntryView logged = log.log(reference, call("Call", "she lives at the camp's north gate", true, Instant.now()));
        EntryView listed = log.timeline(reference, TimelineFilter.all()).get(0);
        assertThat(listed.summary()).isNull();
        assertThat(listed.summaryMasked()).isTrue();
        String stored = jdbc.queryForObject(
                "SELECT summary_enc FROM correspondence_entry WHERE entry_key = ?", String.class, logged.entryKey());
        assertThat(stored).doesNotContain("north gate");

        assertThatThrownBy(() -> log.reveal(reference, logged.entryKey(), 1, " "))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "reason");
        assertThat(log.reveal(reference, logged.entryKey(), 1, "preparing the contact request")
                        .summary())
                .contains("north gate");
        Integer reveals = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'REVEAL_CORRESPONDENCE' AND object_id = ? "
                        + "AND reason LIKE '%preparing the contact request%'",
                Integer.class, reference);
        assertThat(reveals).isEqualTo(1);
    }

    @Test
    @DisplayName("another team's caseworker cannot read or add to the log (C3)")
    void another_teams_caseworker_cannot_reach_the_log() {
        log.log(reference, call("Call", "private", false, Instant.now()));
        TestAccounts.signIn(caseworkerOf(team()));
        assertThatThrownBy(() -> log.timeline(reference, TimelineFilter.all())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> log.log(reference, call("Intrusion", "x", false, Instant.now())))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void a_contact_needs_a_subject_and_cannot_be_in_the_future() {
        assertThatThrownBy(() -> log.log(reference, call(" ", "x", false, Instant.now())))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "subject");
        assertThatThrownBy(() -> log.log(
                        reference, call("Later", "x", false, Instant.now().plusSeconds(86_400))))
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "occurredAt");
    }
}
