package org.kinlink.documents;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letter templates: coordinators write them; coordinators and caseworkers use them. Templates are
 * generic text without personal data, so reading them is not recorded; saving is (TEMPLATE_SAVED).
 */
@Service
public class LetterTemplates {

    static final Set<String> LANGUAGES = Set.of("en", "fa");
    static final int MAX_NAME = 200;
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 20_000;

    private final LetterTemplateRepository templates;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    LetterTemplates(LetterTemplateRepository templates, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.templates = templates;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The templates of one language ({@code en}/{@code fa}), or of all when {@code null}, by name. */
    @PreAuthorize("hasAnyRole('" + Roles.COORDINATOR + "', '" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public List<TemplateSummary> list(@Nullable String language) {
        List<LetterTemplate> found = language == null
                ? templates.findAllByOrderByNameAscLanguageAsc()
                : templates.findByLanguageOrderByNameAsc(language);
        return found.stream()
                .map(t -> new TemplateSummary(new TemplateId(t.id()), t.name, t.language, t.version()))
                .toList();
    }

    @PreAuthorize("hasAnyRole('" + Roles.COORDINATOR + "', '" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public TemplateDetails open(TemplateId id) {
        return details(load(id));
    }

    /**
     * Creates a template (no id) or updates the version the user opened. Every {@code {{token}}} must
     * be a {@link Placeholder}; the name is unique per language.
     */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional
    public TemplateDetails save(TemplateForm form) {
        String name = required("name", form.name(), MAX_NAME, "documents.name-required");
        String language = form.language() == null ? "" : form.language().strip();
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInput("language", "documents.language-required");
        }
        String subject = required("subject", form.subject(), MAX_SUBJECT, "documents.subject-required");
        String body = required("body", normaliseLines(form.body()), MAX_BODY, "documents.body-required");
        TemplateText.check("subject", subject);
        TemplateText.check("body", body);

        LetterTemplate template;
        if (form.id() == null) {
            template = new LetterTemplate();
        } else {
            template = load(form.id());
            if (template.version() != form.version()) {
                throw new ConcurrentChange("Template");
            }
        }
        templates
                .findByNameAndLanguage(name, language)
                .filter(other -> form.id() == null || other.id() != form.id().value())
                .ifPresent(other -> {
                    throw new InvalidInput("name", "documents.name-taken");
                });
        var user = currentUser.require();
        var now = clock.instant();
        boolean created = form.id() == null;
        if (created) {
            template.createdBy = user.id();
            template.createdByName = user.displayName();
            template.createdAt = now;
        }
        template.name = name;
        template.language = language;
        template.subject = subject;
        template.body = body;
        template.updatedBy = user.id();
        template.updatedByName = user.displayName();
        template.updatedAt = now;
        try {
            templates.saveAndFlush(template);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConcurrentChange("Template");
        } catch (DataIntegrityViolationException sameName) {
            // another template with this name and language committed first
            throw new InvalidInput("name", "documents.name-taken");
        }
        audit.record(AuditEntry.success("TEMPLATE_SAVED", "LETTER_TEMPLATE", template.id())
                .because((created ? "created, " : "updated, ") + "version " + template.version()));
        return details(template);
    }

    /** The template's subject and body with the given values; a placeholder without a value is left empty. */
    @PreAuthorize("hasAnyRole('" + Roles.COORDINATOR + "', '" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public FilledTemplate fill(TemplateId id, Map<Placeholder, String> values) {
        LetterTemplate template = load(id);
        return new FilledTemplate(
                TemplateText.fill(template.subject, values), TemplateText.fill(template.body, values));
    }

    private LetterTemplate load(TemplateId id) {
        return templates.findById(id.value()).orElseThrow(() -> new RecordNotFound("Template " + id.value()));
    }

    private static TemplateDetails details(LetterTemplate t) {
        return new TemplateDetails(new TemplateId(t.id()), t.name, t.language, t.subject, t.body, t.version());
    }

    private static String required(String field, @Nullable String value, int max, String missingKey) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInput(field, missingKey);
        }
        if (stripped.length() > max) {
            throw new InvalidInput(field, "common.too-long", max);
        }
        return stripped;
    }

    private static @Nullable String normaliseLines(@Nullable String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
