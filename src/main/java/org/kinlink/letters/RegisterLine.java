package org.kinlink.letters;

import org.kinlink.cases.PartyRole;
import org.kinlink.people.PersonId;

/** One line of a letter's disclosure register as shown: with the person's name and role in the case. */
public record RegisterLine(
        String letterReference,
        String caseReference,
        PersonId personId,
        String personName,
        PartyRole role,
        DataCategory category,
        LegalBasis basis) {}
