package org.kinlink.letters;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of institutions letters go to. Coordinators keep it; caseworkers may look it up to
 * propose drafts. Institutions are public bodies, so reading them is not recorded; changes are.
 */
@Service
public class Institutions {

    static final Set<String> LANGUAGES = Set.of("en", "fa", "other");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final InstitutionRepository institutions;
    private final AuditTrail audit;
    private final Clock clock;

    Institutions(InstitutionRepository institutions, AuditTrail audit, Clock clock) {
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of institutions by name, optionally filtered by a part of the name or country. */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<InstitutionSummary> list(@Nullable String text, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and 500");
        }
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Specification<Institution> spec = needle.isEmpty()
                ? Specification.unrestricted()
                : (root, query, cb) -> cb.or(
                        cb.like(cb.lower(root.get("name")), "%" + escape(needle) + "%", '\\'),
                        cb.like(cb.lower(root.get("country")), "%" + escape(needle) + "%", '\\'));
        // offset is a multiple of the page size in the grids
        var page = PageRequest.of(offset / limit, limit, Sort.by("name", "id"));
        return institutions.findAll(spec, page).stream()
                .map(Institution::summary)
                .toList();
    }

    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public InstitutionDetails open(InstitutionId id) {
        return institutions
                .findById(id.value())
                .map(Institution::details)
                .orElseThrow(() -> new RecordNotFound("Institution"));
    }

    /** Creates an institution or saves changes to the version the user loaded. */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional
    public InstitutionDetails save(InstitutionForm form) {
        Institution institution;
        if (form.id() == null) {
            institution = new Institution();
        } else {
            institution = institutions.findById(form.id().value()).orElseThrow(() -> new RecordNotFound("Institution"));
            if (institution.version() != form.version()) {
                throw new ConcurrentChange("Institution");
            }
        }
        institution.name = required("name", form.name(), 300);
        institution.type = form.type();
        institution.country = optional("country", form.country(), 100);
        institution.address = optional("address", form.address(), 1000);
        String email = optional("email", form.email(), 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInput("email", "letters.institution.email-invalid");
        }
        institution.email = email;
        institution.contactPersons = optional("contactPersons", form.contactPersons(), 2000);
        if (!LANGUAGES.contains(form.preferredLanguage())) {
            throw new InvalidInput("preferredLanguage", "letters.institution.language-invalid");
        }
        institution.preferredLanguage = form.preferredLanguage();
        institution.notes = optional("notes", form.notes(), 2000);
        institution.updatedAt = clock.instant();
        try {
            institutions.saveAndFlush(institution);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConcurrentChange("Institution");
        }
        audit.record(AuditEntry.success(
                form.id() == null ? "INSTITUTION_CREATED" : "INSTITUTION_UPDATED", "INSTITUTION", institution.id()));
        return institution.details();
    }

    static String required(String field, @Nullable String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new InvalidInput(field, "letters.required");
        }
        return v;
    }

    static @Nullable String optional(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInput(field, "common.too-long", max);
        }
        return v;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
