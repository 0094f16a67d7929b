package org.kinlink.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.Priority;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** Attachments on contacts-log entries: attached with the entry, listed, downloaded with the log's access rules. */
@IntegrationTest
class CorrespondenceAttachmentsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CorrespondenceLog log;

    @Autowired
    FileStore files;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcTemplate jdbc;

    KinlinkUser caseworker;
    String reference;

    @BeforeEach
    void aCaseOfOneTeam() {
        long team = team();
        caseworker = caseworkerOf(team);
        TestAccounts.signIn(caseworker);
        reference = cases.create(new NewCase("Attachments", null, Priority.NORMAL, team, null));
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

    private KinlinkUser caseworkerOf(long team) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        return TestAccounts.load(context, username);
    }

    private StoredFile upload(String name, String content) {
        return files.store(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static EntryForm call(String subject, boolean sensitive) {
        return new EntryForm(
                Instant.now().minus(5, ChronoUnit.MINUTES),
                Channel.PHONE,
                Direction.INCOMING,
                null,
                "the mother",
                subject,
                "summary",
                sensitive);
    }

    @Test
    @DisplayName("L1: files attached to a logged call are listed with it and recorded as ATTACHMENT_ADDED")
    void l1_files_attached_when_logging_are_listed_and_audited() {
        StoredFile notes = upload("notes.txt", "notes of the call");
        long before = AuditEvents.newest(jdbc);
        EntryView entry = log.log(reference, call("Call with attachment", false), List.of(notes.id()));

        assertThat(log.attachments(reference)).containsEntry(entry.entryKey(), List.of(notes));
        var added = AuditEvents.since(jdbc, before, "ATTACHMENT_ADDED");
        assertThat(added).hasSize(1);
        assertThat(added.get(0).get("object_id")).isEqualTo(reference);
        assertThat(String.valueOf(added.get(0).get("reason"))).doesNotContain("notes.txt");
    }

    @Test
    @DisplayName("L1: downloading an attachment checks the case and records FILE_DOWNLOADED on it")
    void l1_a_download_is_audited_on_the_case() {
        StoredFile notes = upload("notes.txt", "what the mother said");
        EntryView entry = log.log(reference, call("Call", false), List.of(notes.id()));
        long before = AuditEvents.newest(jdbc);

        byte[] content = log.download(reference, entry.entryKey(), notes.id(), null);

        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("what the mother said");
        var downloaded = AuditEvents.since(jdbc, before, "FILE_DOWNLOADED");
        assertThat(downloaded).hasSize(1);
        assertThat(downloaded.get(0).get("object_type")).isEqualTo("CASE");
        assertThat(downloaded.get(0).get("object_id")).isEqualTo(reference);
    }

    @Test
    @DisplayName("C3, L1: a caseworker of another team cannot download (not found, ACCESS_DENIED recorded)")
    void c3_another_teams_caseworker_cannot_download() {
        StoredFile notes = upload("notes.txt", "private");
        EntryView entry = log.log(reference, call("Call", false), List.of(notes.id()));

        TestAccounts.signIn(caseworkerOf(team()));
        long before = AuditEvents.newest(jdbc);
        assertThatThrownBy(() -> log.download(reference, entry.entryKey(), notes.id(), null))
                .isInstanceOf(RecordNotFound.class);
        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED")).isNotEmpty();
        assertThat(AuditEvents.since(jdbc, before, "FILE_DOWNLOADED")).isEmpty();
        assertThatThrownBy(() -> log.attachments(reference)).isInstanceOf(RecordNotFound.class);
    }

    @Test
    @DisplayName("L1: a correction can attach more files; the entry keeps the earlier ones")
    void l1_a_correction_attaches_more_files() {
        StoredFile first = upload("first.txt", "first");
        EntryView entry = log.log(reference, call("Call", false), List.of(first.id()));
        StoredFile second = upload("second.txt", "second");
        long before = AuditEvents.newest(jdbc);
        log.correct(
                reference,
                entry.entryKey(),
                1,
                call("Call, corrected", false),
                "added the reply",
                List.of(second.id()));
        assertThat(log.attachments(reference).get(entry.entryKey())).containsExactly(first, second);
        assertThat(AuditEvents.since(jdbc, before, "ATTACHMENT_ADDED")).hasSize(1);
    }

    @Test
    @DisplayName("C3: a file is downloaded only through the entry and case it is attached to")
    void c3_a_file_is_reached_only_through_its_own_entry() {
        StoredFile notes = upload("notes.txt", "first");
        EntryView entry = log.log(reference, call("Call", false), List.of(notes.id()));
        EntryView other = log.log(reference, call("Other call", false), List.of());
        StoredFile loose = upload("loose.txt", "not attached");

        assertThatThrownBy(() -> log.download(reference, other.entryKey(), notes.id(), null))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> log.download(reference, entry.entryKey(), loose.id(), null))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    @DisplayName("C4: an attachment of a sensitive entry needs a reason, recorded as a reveal")
    void c4_a_sensitive_entrys_attachment_needs_a_reason() {
        StoredFile notes = upload("notes.txt", "sensitive");
        EntryView entry = log.log(reference, call("Sensitive call", true), List.of(notes.id()));

        assertThatThrownBy(() -> log.download(reference, entry.entryKey(), notes.id(), " "))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
        long before = AuditEvents.newest(jdbc);
        assertThat(log.download(reference, entry.entryKey(), notes.id(), "checking the answer"))
                .isNotEmpty();
        assertThat(AuditEvents.since(jdbc, before, "REVEAL_CORRESPONDENCE")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "FILE_DOWNLOADED")).hasSize(1);
    }

    @Test
    @DisplayName("I2, C3: a file uploaded by someone else, or already attached, cannot be attached by its id")
    void i2_only_the_callers_own_new_uploads_can_be_attached() {
        StoredFile mine = upload("mine.txt", "mine");
        log.log(reference, call("First", false), List.of(mine.id()));
        // already attached: not a second time
        assertThatThrownBy(() -> log.log(reference, call("Again", false), List.of(mine.id())))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("file"));

        StoredFile theirs = upload("theirs.txt", "theirs");
        TestAccounts.signIn(caseworkerOf(team()));
        String otherCase = cases.create(new NewCase("Other", null, Priority.NORMAL, currentTeam(), null));
        long entriesBefore = count();
        assertThatThrownBy(() -> log.log(otherCase, call("Steal", false), List.of(theirs.id())))
                .isInstanceOf(InvalidInput.class);
        // nothing half-saved: the entry went with the refused attachment
        assertThat(count()).isEqualTo(entriesBefore);
    }

    private long currentTeam() {
        return TestAccounts.load(
                        context,
                        SecurityContextHolder.getContext().getAuthentication().getName())
                .teamIds()
                .iterator()
                .next();
    }

    private long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM correspondence_entry", Long.class);
        return n == null ? 0 : n;
    }
}
