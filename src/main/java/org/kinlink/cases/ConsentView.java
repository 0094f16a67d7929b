package org.kinlink.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The consent state of one sought person of a case, with every recorded decision. */
public record ConsentView(
        long soughtPartyId,
        String soughtName,
        long version,
        TracingConsent tracingConsent,
        DisclosureDecision disclosure,
        List<Entry> records) {

    /** One recorded decision: about what (TRACING or DISCLOSURE), which, when, how obtained, by whom. */
    public record Entry(
            String subject,
            String decision,
            LocalDate decidedOn,
            String obtainedHow,
            String recordedBy,
            Instant recordedAt) {}

    public @Nullable Entry latest(String subject) {
        return records.stream()
                .filter(r -> r.subject().equals(subject))
                .findFirst()
                .orElse(null);
    }
}
