package org.kinlink.documents;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Letter templates: coordinators write them; coordinators and caseworkers use them. */
@Service
public class LetterTemplates {

    @PreAuthorize("hasAnyRole('" + Roles.COORDINATOR + "', '" + Roles.CASEWORKER + "')")
    public List<TemplateSummary> list(@Nullable String language) {
        throw new UnsupportedOperationException("not yet");
    }

    @PreAuthorize("hasAnyRole('" + Roles.COORDINATOR + "', '" + Roles.CASEWORKER + "')")
    public TemplateDetails open(TemplateId id) {
        throw new UnsupportedOperationException("not yet");
    }

    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    public TemplateDetails save(TemplateForm form) {
        throw new UnsupportedOperationException("not yet");
    }

    @PreAuthorize("hasAnyRole('" + Roles.COORDINATOR + "', '" + Roles.CASEWORKER + "')")
    public FilledTemplate fill(TemplateId id, Map<Placeholder, String> values) {
        throw new UnsupportedOperationException("not yet");
    }
}
