package org.kinlink.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.people.PersonId;

/**
 * What a letter may say about a case: its reference and team, and each party's name, role and, for a
 * sought person, the disclosure decision that decides whether their contact details or location may
 * go into a letter (D6). No other personal data.
 */
public record CaseFacts(CaseId id, String reference, long teamId, List<Party> parties) {

    public record Party(
            PersonId personId,
            String name,
            PartyRole role,
            @Nullable DisclosureDecision decision) {

        /** Whether this person's contact details or location may be disclosed (D6). */
        public boolean mayDiscloseContact() {
            return role != PartyRole.SOUGHT || (decision != null && decision.allowsContactDetails());
        }
    }
}
