package org.kinlink.letters;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The content of a draft letter: to whom, about which cases, what it says, and its disclosure register. */
public record LetterDraft(
        InstitutionId institution,
        List<String> caseReferences,
        String language,
        LetterChannel channel,
        String subject,
        String body,
        @Nullable String theirReference,
        List<Disclosed> register) {}
