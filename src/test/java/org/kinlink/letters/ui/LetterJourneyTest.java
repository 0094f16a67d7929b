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
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseListItem;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseSort;
import org.kinlink.documents.LetterTemplates;
import org.kinlink.documents.TemplateForm;
import org.kinlink.documents.TemplateSummary;
import org.kinlink.letters.InstitutionId;
import org.kinlink.letters.InstitutionSummary;
import org.kinlink.letters.InstitutionType;
import org.kinlink.letters.Institutions;
import org.kinlink.letters.LetterStatus;
import org.kinlink.letters.Letters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * "Done when", in the UI: a coordinator drafts one letter from a template to an institution about
 * three cases, another coordinator approves it, it is sent (PDF stored), acknowledged and answered;
 * a letter without an answer turns overdue in the follow-ups; the caseworker sees the letter and the
 * answer on each case's timeline.
 */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class LetterJourneyTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Letters letters;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_coordinator_drafts_gets_approval_sends_and_records_the_answer_and_the_caseworker_sees_it() {
        long team = team(context);
        KinlinkUser caseworker = user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        KinlinkUser author = user(context, Set.of(Roles.COORDINATOR), Set.of());
        KinlinkUser approver = user(context, Set.of(Roles.COORDINATOR), Set.of());
        var threeCases = new ArrayList<String>();
        for (String name : List.of("Aram", "Bita", "Cyrus")) {
            threeCases.add(caseWithParties(context, caseworker, team, name + TestAccounts.uniqueName("")));
        }
        TestAccounts.signIn(author);
        InstitutionId institutionId = institution(context, InstitutionType.RED_CROSS_RED_CRESCENT, "en");
        String templateName = TestAccounts.uniqueName("Tracing request");
        context.getBean(LetterTemplates.class)
                .save(new TemplateForm(
                        null,
                        0,
                        templateName,
                        "en",
                        "Tracing request {{cases.references}}",
                        "Dear colleagues at {{institution.name}}, we look for {{cases.sought-persons}}."));

        // the author drafts from the template
        navigate(LettersView.class);
        test($(LettersView.class).single().newLetter).click();
        NewLetterDialog dialog = $(NewLetterDialog.class).single();
        InstitutionSummary institution = context.getBean(Institutions.class).list(null, 0, 500).stream()
                .filter(i -> i.id().equals(institutionId))
                .findFirst()
                .orElseThrow();
        dialog.institution.setValue(institution);
        List<CaseListItem> items =
                context.getBean(CaseService.class).list(CaseFilter.any(), CaseSort.REFERENCE, 0, 500).stream()
                        .filter(c -> threeCases.contains(c.reference()))
                        .toList();
        dialog.cases.setValue(Set.copyOf(items));
        TemplateSummary template = context.getBean(LetterTemplates.class).list("en").stream()
                .filter(t -> t.name().equals(templateName))
                .findFirst()
                .orElseThrow();
        dialog.template.setValue(template);
        test(dialog.fill).click();
        assertThat(dialog.subject.getValue()).contains(threeCases.get(0));
        assertThat(dialog.body.getValue()).contains("Aram");
        test(dialog.create).click();

        LetterView view = $(LetterView.class).single();
        String reference =
                view.title.getText().substring(0, view.title.getText().indexOf(' '));
        assertThat(reference).matches("KL-L-\\d{4}-\\d{4}");
        assertThat($(Button.class).withText("Approve").exists())
                .as("no self-approval")
                .isFalse();

        // another coordinator approves and sends
        TestAccounts.signIn(approver);
        UI.getCurrent().navigate("letters/" + reference);
        test($(Button.class).withText("Approve").single()).click();
        test($(Button.class).withText("Mark as sent").single()).click();
        test($(DatePicker.class).withLabel("Date").last())
                .setValue(LocalDate.now().minusDays(1));
        test($(Button.class).withText("Mark as sent").last()).click();
        assertThat(letters.open(reference).status()).isEqualTo(LetterStatus.SENT);
        assertThat(letters.open(reference).pdfFileId()).as("PDF stored").isNotNull();

        test($(Button.class).withText("Record acknowledgement").single()).click();
        test($(TextField.class).withLabel("Their reference").last()).setValue("CTA-2026-77");
        test($(Button.class).withText("Record acknowledgement").last()).click();
        test($(Button.class).withText("Record answer").single()).click();
        test($(TextArea.class).withLabel("Summary of the answer").last()).setValue("Two of the persons were found.");
        test($(Button.class).withText("Record answer").last()).click();
        assertThat(letters.open(reference).status()).isEqualTo(LetterStatus.ANSWERED);

        // a letter without an answer turns overdue in the follow-ups
        TestAccounts.signIn(author);
        String late =
                letters.draft(draft(institutionId, threeCases.subList(0, 1), names(context, threeCases.subList(0, 1))));
        TestAccounts.signIn(approver);
        long version = letters.move(late, letters.open(late).version(), LetterStatus.APPROVED, null)
                .version();
        letters.send(late, version, LocalDate.now().minusDays(60));
        navigate(LettersView.class);
        LettersView list = $(LettersView.class).single();
        list.tabs.setSelectedTab(list.followUps);
        var followUps = list.filter();
        assertThat(followUps.awaitingAnswer()).isTrue();
        // narrowed to this journey's institution: the shared test database holds other tests' letters
        var ofThisInstitution = new org.kinlink.letters.LetterFilter(
                followUps.statuses(), institutionId, followUps.overdue(), followUps.dueThisWeek(), true);
        assertThat(letters.list(ofThisInstitution, 0, 50)).anySatisfy(letter -> {
            assertThat(letter.reference()).isEqualTo(late);
            assertThat(letter.overdue()).isTrue();
        });

        // the caseworker sees the letter and the answer on each case's timeline
        TestAccounts.signIn(caseworker);
        for (String caseReference : threeCases) {
            UI.getCurrent().navigate("cases/" + caseReference);
            TabSheet tabs = $(TabSheet.class).first();
            for (int i = 0; i < tabs.getTabCount(); i++) {
                if ("Contacts log".equals(tabs.getTabAt(i).getLabel())) {
                    tabs.setSelectedIndex(i);
                }
            }
            assertThat($(Anchor.class).all())
                    .as("the letter on the timeline of %s", caseReference)
                    .anySatisfy(a -> assertThat(a.getText()).startsWith(reference));
            assertThat($(Paragraph.class)
                            .withText("Two of the persons were found.")
                            .exists())
                    .isTrue();
        }
    }

    @Test
    void d6_the_drafting_dialog_cannot_register_a_sought_persons_location_without_agreement() {
        long team = team(context);
        KinlinkUser caseworker = user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        KinlinkUser author = user(context, Set.of(Roles.COORDINATOR), Set.of());
        String caseReference = caseWithParties(context, caseworker, team, "Dena" + TestAccounts.uniqueName(""));
        TestAccounts.signIn(author);
        InstitutionId institutionId = institution(context, InstitutionType.UN_BODY, "en");
        long before =
                letters.list(org.kinlink.letters.LetterFilter.any(), 0, 500).size();

        navigate(LettersView.class);
        test($(LettersView.class).single().newLetter).click();
        NewLetterDialog dialog = $(NewLetterDialog.class).single();
        dialog.institution.setValue(context.getBean(Institutions.class).list(null, 0, 500).stream()
                .filter(i -> i.id().equals(institutionId))
                .findFirst()
                .orElseThrow());
        dialog.cases.setValue(Set.copyOf(
                context.getBean(CaseService.class).list(CaseFilter.any(), CaseSort.REFERENCE, 0, 500).stream()
                        .filter(c -> c.reference().equals(caseReference))
                        .toList()));
        assertThat(dialog.rows).as("both parties' names are prefilled").hasSize(2);
        var sought = dialog.rows.stream()
                .filter(r -> r.party.role() == org.kinlink.cases.PartyRole.SOUGHT)
                .findFirst()
                .orElseThrow();
        sought.category = org.kinlink.letters.DataCategory.LOCATION;
        sought.basis = org.kinlink.letters.LegalBasis.CONSENT;
        test(dialog.subject).setValue("Where is she");
        test(dialog.body).setValue("Please tell us where she lives.");
        test(dialog.create).click();

        assertThat(dialog.isOpened())
                .as("the dialog stays open with everything typed")
                .isTrue();
        assertThat(dialog.body.getValue()).isEqualTo("Please tell us where she lives.");
        assertThat(letters.list(org.kinlink.letters.LetterFilter.any(), 0, 500)).hasSize((int) before);
    }
}
