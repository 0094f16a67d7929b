package org.kinlink.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.ConcurrentChange;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Letter templates: written by coordinators, used by caseworkers, placeholders checked, saves versioned. */
@IntegrationTest
class LetterTemplatesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    LetterTemplates templates;

    @Autowired
    JdbcTemplate jdbc;

    String name;

    @BeforeEach
    void signInAsCoordinator() {
        TestAccounts.signIn(user(Roles.COORDINATOR));
        name = TestAccounts.uniqueName("Tracing request");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private KinlinkUser user(String role) {
        var administration = context.getBean(UserAdministration.class);
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        String username = TestAccounts.uniqueName("u");
        TestAccounts.asAdministrator(() -> administration.createUser(new NewUser(
                username, "Test " + username, Set.of(role), role.equals(Roles.CASEWORKER) ? Set.of(team) : Set.of())));
        return TestAccounts.load(context, username);
    }

    private TemplateForm form(String subject, String body) {
        return new TemplateForm(null, 0, name, "en", subject, body);
    }

    @Test
    void a_coordinator_writes_a_template_and_a_caseworker_fills_it_in() {
        long before = AuditEvents.newest(jdbc);
        TemplateDetails saved = templates.save(
                form(
                        "Tracing request: {{cases.references}}",
                        "Dear {{ institution.contact }},\r\n\r\nWe look for {{cases.sought-persons}}. Ref {{letter.reference}}."));

        assertThat(AuditEvents.since(jdbc, before, "TEMPLATE_SAVED")).hasSize(1);
        assertThat(saved.body()).doesNotContain("\r");

        TestAccounts.signIn(user(Roles.CASEWORKER));
        assertThat(templates.list("en")).extracting(TemplateSummary::name).contains(name);
        assertThat(templates.list("fa")).extracting(TemplateSummary::name).doesNotContain(name);
        FilledTemplate filled = templates.fill(
                saved.id(),
                Map.of(
                        Placeholder.CASE_REFERENCES, "KL-2026-000001",
                        Placeholder.SOUGHT_PERSONS, "Arash <b>Samplezadeh</b>",
                        Placeholder.INSTITUTION_CONTACT, "Tracing Office"));
        assertThat(filled.subject()).isEqualTo("Tracing request: KL-2026-000001");
        // values are plain text, filled in as they are; a placeholder without a value is left empty
        assertThat(filled.body()).isEqualTo("Dear Tracing Office,\n\nWe look for Arash <b>Samplezadeh</b>. Ref .");
    }

    @Test
    @DisplayName("I3: an unknown placeholder is refused, naming the field and the token")
    void an_unknown_placeholder_is_refused_naming_the_field_and_the_token() {
        assertThatThrownBy(() -> templates.save(form("Hello", "Dear {{recipient.name}},")))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("body");
                    assertThat(invalid.messageKey()).isEqualTo("documents.unknown-placeholder");
                    assertThat(invalid.arguments()).containsExactly("{{recipient.name}}");
                });
        assertThatThrownBy(() -> templates.save(form("About {{case}}", "Body")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("subject"));
        assertThatThrownBy(() -> templates.save(form("Hello", "Dear {{institution.name},")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("body"));
    }

    @Test
    void a_template_needs_a_name_a_known_language_a_subject_and_a_text() {
        assertThatThrownBy(() -> templates.save(new TemplateForm(null, 0, " ", "en", "S", "B")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, i -> assertThat(i.field()).isEqualTo("name"));
        assertThatThrownBy(() -> templates.save(new TemplateForm(null, 0, name, "de", "S", "B")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, i -> assertThat(i.field()).isEqualTo("language"));
        assertThatThrownBy(() -> templates.save(new TemplateForm(null, 0, name, "fa", "", "B")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, i -> assertThat(i.field()).isEqualTo("subject"));
        assertThatThrownBy(() -> templates.save(new TemplateForm(null, 0, name, "fa", "S", "\n")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, i -> assertThat(i.field()).isEqualTo("body"));
    }

    @Test
    void the_name_is_unique_per_language() {
        templates.save(form("S", "B"));
        templates.save(new TemplateForm(null, 0, name, "fa", "موضوع", "متن"));

        assertThatThrownBy(() -> templates.save(form("S2", "B2")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, i -> assertThat(i.messageKey()).isEqualTo("documents.name-taken"));
    }

    @Test
    @DisplayName("R1: a save based on an old version is refused, the newer text is kept")
    void a_stale_save_is_refused() {
        TemplateDetails first = templates.save(form("S", "First text"));
        TemplateDetails second =
                templates.save(new TemplateForm(first.id(), first.version(), name, "en", "S", "Second text"));
        assertThat(second.version()).isGreaterThan(first.version());

        assertThatThrownBy(() ->
                        templates.save(new TemplateForm(first.id(), first.version(), name, "en", "S", "Stale text")))
                .isInstanceOf(ConcurrentChange.class);
        assertThat(templates.open(first.id()).body()).isEqualTo("Second text");
    }

    @Test
    @DisplayName("C2: a caseworker cannot save templates, and the refusal is recorded")
    void a_caseworker_cannot_save_templates() {
        TestAccounts.signIn(user(Roles.CASEWORKER));
        long before = AuditEvents.newest(jdbc);

        assertThatThrownBy(() -> templates.save(form("S", "B"))).isInstanceOf(AccessDeniedException.class);
        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED")).isNotEmpty();
    }

    @Test
    @DisplayName("C2, C4: auditors see events, not the templates")
    void an_auditor_cannot_list_templates() {
        TestAccounts.signIn(user(Roles.AUDITOR));

        assertThatThrownBy(() -> templates.list(null)).isInstanceOf(AccessDeniedException.class);
    }
}
