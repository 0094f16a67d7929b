package org.kinlink.documents.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.io.IOException;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.documents.LetterTemplates;
import org.kinlink.documents.Placeholder;
import org.kinlink.documents.TemplateSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** A coordinator on the templates page: writes a template, is told about a wrong placeholder, previews the PDF. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class TemplatesViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    LetterTemplates templates;

    String name;

    @BeforeEach
    void signInAsCoordinator() {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("co");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.COORDINATOR), Set.of())));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        TestAccounts.signIn(TestAccounts.load(context, username));
        name = TestAccounts.uniqueName("Follow-up");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_coordinator_writes_a_template_and_it_appears_in_the_list() {
        TemplatesView view = navigate(TemplatesView.class);
        test(view.name).setValue(name);
        test(view.subject).setValue("Follow-up of {{letters.overdue}}");
        test(view.body).setValue("Dear {{institution.contact}},\n\nWe have not had an answer yet.");
        test(view.save).click();

        assertThat(templates.list("en")).extracting(TemplateSummary::name).contains(name);
        assertThat(view.grid.getGenericDataView().getItems().map(TemplateSummary::name))
                .contains(name);
        assertThat(view.editorTitle.getText()).contains(name);
    }

    @Test
    void a_wrong_placeholder_is_shown_at_its_field_and_the_text_is_kept() {
        TemplatesView view = navigate(TemplatesView.class);
        test(view.name).setValue(name);
        test(view.subject).setValue("Subject");
        test(view.body).setValue("Dear {{recipient}},");
        test(view.save).click();

        assertThat(view.body.isInvalid()).isTrue();
        assertThat(view.body.getErrorMessage()).contains("{{recipient}}");
        assertThat(view.body.getValue()).isEqualTo("Dear {{recipient}},");
        assertThat(templates.list(null)).extracting(TemplateSummary::name).doesNotContain(name);
    }

    @Test
    void every_placeholder_is_offered_with_its_token() {
        TemplatesView view = navigate(TemplatesView.class);

        for (Placeholder placeholder : Placeholder.values()) {
            assertThat(view.placeholders.getElement().getOuterHTML()).contains(placeholder.token());
        }
    }

    @Test
    void the_preview_is_a_pdf_of_the_text_with_sample_values() throws IOException {
        TemplatesView view = navigate(TemplatesView.class);
        test(view.subject).setValue("Tracing request {{cases.references}}");
        test(view.body).setValue("We look for {{cases.sought-persons}}.");
        test(view.preview).click();

        byte[] pdf = view.lastPreview();
        assertThat(pdf).isNotNull();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Tracing request KL-2026-0001").contains("Arash Samplezadeh");
        }
        assertThat(view.previewDownload.isDownload()).isTrue();
    }
}
