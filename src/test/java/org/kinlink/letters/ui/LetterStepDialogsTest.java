package org.kinlink.letters.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.letters.LettersTestSupport.caseWithParties;
import static org.kinlink.letters.LettersTestSupport.draft;
import static org.kinlink.letters.LettersTestSupport.institution;
import static org.kinlink.letters.LettersTestSupport.names;
import static org.kinlink.letters.LettersTestSupport.team;
import static org.kinlink.letters.LettersTestSupport.user;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.letters.InstitutionId;
import org.kinlink.letters.InstitutionType;
import org.kinlink.letters.LetterHistoryEntry;
import org.kinlink.letters.LetterStatus;
import org.kinlink.letters.Letters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * R1 in the letter's step dialogs: when the letter changed while a dialog was open, the dialog stays
 * open with what was typed, says so plainly, reloads the letter behind it, and pressing its button
 * again applies the step to the newer version.
 */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class LetterStepDialogsTest extends SpringBrowserlessTest {

    private static final String STALE =
            "Someone else changed this letter meanwhile. It was reloaded behind this window, and what you typed"
                    + " is kept: check the letter, then press the button again.";

    @Autowired
    ApplicationContext context;

    @Autowired
    Letters letters;

    private String caseReference = "";
    private InstitutionId institution = new InstitutionId(0);
    private @Nullable KinlinkUser approver;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("R1: the withdraw dialog keeps its note when the draft changed meanwhile, and the retry works")
    void r1_a_note_dialog_keeps_the_typed_note_and_retries_on_the_newer_version() {
        coordinatorWithCase();
        String reference =
                letters.draft(draft(institution, List.of(caseReference), names(context, List.of(caseReference))));
        UI.getCurrent().navigate("letters/" + reference);

        test($(Button.class).withText("Withdraw").single()).click();
        test($(TextArea.class).withLabel("Note").last()).setValue("Sent by another office already.");
        // meanwhile, in another window, the draft is edited
        var current = letters.open(reference);
        letters.update(
                reference,
                current.version(),
                draft(institution, List.of(caseReference), names(context, List.of(caseReference))));
        test($(Button.class).withText("Withdraw").last()).click();

        Dialog dialog = $(Dialog.class).last();
        assertThat(dialog.isOpened()).as("the dialog stays open").isTrue();
        assertThat($(TextArea.class).withLabel("Note").last().getValue()).isEqualTo("Sent by another office already.");
        assertThat($(Span.class).withText(STALE).exists())
                .as("a plain message says so")
                .isTrue();
        assertThat(letters.open(reference).status()).isEqualTo(LetterStatus.DRAFT);

        test($(Button.class).withText("Withdraw").last()).click();

        assertThat(dialog.isOpened()).isFalse();
        var withdrawn = letters.open(reference);
        assertThat(withdrawn.status()).isEqualTo(LetterStatus.WITHDRAWN);
        assertThat(withdrawn.history())
                .extracting(LetterHistoryEntry::note)
                .contains("Sent by another office already.");
    }

    @Test
    @DisplayName("R1: the send dialog keeps its date when the letter changed meanwhile, and the retry works")
    void r1_a_date_dialog_keeps_the_chosen_date_and_retries_on_the_newer_version() {
        coordinatorWithCase();
        String reference =
                letters.draft(draft(institution, List.of(caseReference), names(context, List.of(caseReference))));
        TestAccounts.signIn(Objects.requireNonNull(approver));
        letters.move(reference, letters.open(reference).version(), LetterStatus.APPROVED, null);
        UI.getCurrent().navigate("letters/" + reference);
        LocalDate sentOn = LocalDate.now().minusDays(3);

        test($(Button.class).withText("Mark as sent").single()).click();
        test($(DatePicker.class).withLabel("Date").last()).setValue(sentOn);
        // meanwhile, in another window, the PDF is generated again (a newer version, still approved)
        letters.generatePdf(reference, letters.open(reference).version());
        test($(Button.class).withText("Mark as sent").last()).click();

        assertThat($(Dialog.class).last().isOpened()).isTrue();
        assertThat($(Span.class).withText(STALE).exists()).isTrue();
        assertThat($(DatePicker.class).withLabel("Date").last().getValue()).isEqualTo(sentOn);
        assertThat(letters.open(reference).status()).isEqualTo(LetterStatus.APPROVED);

        test($(Button.class).withText("Mark as sent").last()).click();

        var sent = letters.open(reference);
        assertThat(sent.status()).isEqualTo(LetterStatus.SENT);
        assertThat(sent.sentOn()).isEqualTo(sentOn);
    }

    private void coordinatorWithCase() {
        long team = team(context);
        KinlinkUser caseworker = user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        KinlinkUser author = user(context, Set.of(Roles.COORDINATOR), Set.of());
        approver = user(context, Set.of(Roles.COORDINATOR), Set.of());
        caseReference = caseWithParties(context, caseworker, team, "Step" + TestAccounts.uniqueName(""));
        TestAccounts.signIn(author);
        institution = institution(context, InstitutionType.RED_CROSS_RED_CRESCENT, "en");
    }
}
