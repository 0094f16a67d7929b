package org.kinlink.api.v1;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.letters.DataCategory;
import org.kinlink.letters.LegalBasis;
import org.kinlink.letters.LetterChannel;
import org.kinlink.letters.LetterStatus;

/** Request bodies of the letter endpoints. Missing required values are answered with a 400 naming them. */
public final class LetterRequests {

    private LetterRequests() {}

    /** A new draft, or a draft's new content (with {@code version} unless If-Match is sent). */
    public record DraftJson(
            @Nullable Long version,
            @Nullable Long institutionId,
            @Nullable List<String> caseReferences,
            @Nullable String language,
            @Nullable LetterChannel channel,
            @Nullable String subject,
            @Nullable String body,
            @Nullable String theirReference,
            @Nullable List<DisclosedJson> register) {}

    /** One line of the disclosure register: whose data (a party of one of the cases), which, and why. */
    public record DisclosedJson(
            @Nullable String caseReference,
            @Nullable Long personId,
            @Nullable DataCategory category,
            @Nullable LegalBasis basis) {}

    /** A workflow step without data of its own: APPROVED, DRAFT, CLOSED or WITHDRAWN, with an optional note. */
    public record TransitionJson(
            @Nullable Long version,
            @Nullable LetterStatus status,
            @Nullable String note) {}

    public record SendJson(@Nullable Long version, @Nullable LocalDate sentOn) {}

    public record AcknowledgeJson(
            @Nullable Long version,
            @Nullable LocalDate acknowledgedOn,
            @Nullable String theirReference) {}

    /** The institution's answer; a scanned answer file can be attached in the application only. */
    public record AnswerJson(
            @Nullable Long version,
            @Nullable LocalDate answeredOn,
            @Nullable String summary) {}
}
