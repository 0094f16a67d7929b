package org.kinlink.correspondence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
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

/** A caseworker attaches a file to a logged call and finds it, downloadable, on the timeline. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class AttachmentsUiTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    String reference;

    @BeforeEach
    void aCase() {
        var administration = context.getBean(UserAdministration.class);
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        KinlinkUser caseworker = TestAccounts.load(context, username);
        TestAccounts.signIn(caseworker);
        reference = context.getBean(CaseService.class)
                .create(new NewCase("Attachments in the UI", null, Priority.NORMAL, team, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void openContactsLog() {
        UI.getCurrent().navigate("cases/" + reference);
        TabSheet tabs = $(TabSheet.class).single();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if ("Contacts log".equals(tabs.getTabAt(i).getLabel())) {
                tabs.setSelectedIndex(i);
            }
        }
    }

    @Test
    @DisplayName("I2, L1: a file attached to a logged call is on the timeline and downloads as an attachment")
    void a_file_attached_to_a_logged_call_shows_on_the_timeline_and_downloads() throws Exception {
        openContactsLog();
        test($(Button.class).withText("Log a call").single()).click();
        EntryDialog dialog = $(EntryDialog.class).single();
        test(dialog.subject).setValue("Call about the letter");
        assertThat(dialog.attachments).isNotNull();
        test(dialog.attachments.upload())
                .upload("../answer.txt", "text/plain", "The office answered.".getBytes(StandardCharsets.UTF_8));
        // a refused file is reported next to its name and is not attached
        test(dialog.attachments.upload()).upload("run.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0, 0, 0});
        assertThat($(Span.class)
                        .withTextContaining("run.pdf: This type of file cannot be attached")
                        .exists())
                .isTrue();
        assertThat(dialog.attachments.files()).hasSize(1);
        test(dialog.save).click();

        assertThat($(Span.class).withText("Call about the letter").exists()).isTrue();
        Anchor link = $(Anchor.class).withTextContaining("answer.txt").single();
        assertThat(link.getText()).isEqualTo("answer.txt (20 B)");
        assertThat(link.getHref()).doesNotContain("answer");

        long before = AuditEvents.newest(jdbc);
        var out = new ByteArrayOutputStream();
        test(link).download(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("The office answered.");
        assertThat(AuditEvents.since(jdbc, before, "FILE_DOWNLOADED")).hasSize(1);
    }

    @Test
    @DisplayName("C4: a sensitive entry's attachments are only counted until its summary is revealed")
    void a_sensitive_entrys_attachments_show_after_the_reveal() {
        openContactsLog();
        test($(Button.class).withText("Log a call").single()).click();
        EntryDialog dialog = $(EntryDialog.class).single();
        test(dialog.subject).setValue("Where he lives now");
        test(dialog.sensitive).click();
        // no summary: the reveal is offered beside the attachments
        test(dialog.attachments.upload())
                .upload("address.txt", "text/plain", "Street 1".getBytes(StandardCharsets.UTF_8));
        test(dialog.save).click();

        assertThat($(Span.class)
                        .withText("1 attachment(s), shown with the summary.")
                        .exists())
                .isTrue();
        assertThat($(Anchor.class).withTextContaining("address.txt").exists()).isFalse();
        test($(Button.class).withText("Show").single()).click();
        test($(com.vaadin.flow.component.textfield.TextArea.class)
                        .withLabel("Why do you need to see it?")
                        .single())
                .setValue("preparing the reply");
        test($(Button.class).withText("Show").last()).click();
        Anchor link = $(Anchor.class).withTextContaining("address.txt").single();
        long before = AuditEvents.newest(jdbc);
        test(link).download(new ByteArrayOutputStream());
        assertThat(AuditEvents.since(jdbc, before, "REVEAL_CORRESPONDENCE")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "FILE_DOWNLOADED")).hasSize(1);
    }

    @Test
    @DisplayName("I3: a save refused for another field keeps the attached files in the dialog")
    void a_refused_save_keeps_the_attached_files() {
        openContactsLog();
        test($(Button.class).withText("Log a call").single()).click();
        EntryDialog dialog = $(EntryDialog.class).single();
        test(dialog.attachments.upload()).upload("notes.txt", "text/plain", "notes".getBytes(StandardCharsets.UTF_8));
        test(dialog.save).click();
        assertThat(dialog.subject.isInvalid()).isTrue();
        assertThat(dialog.attachments.files()).hasSize(1);
        test(dialog.subject).setValue("Saved the second time");
        test(dialog.save).click();
        assertThat($(Anchor.class).withTextContaining("notes.txt").exists()).isTrue();
        assertThat($(TextField.class).withLabel("Subject").exists()).isFalse();
    }
}
