package org.kinlink.letters;

import org.kinlink.people.PersonId;

/** One line of a letter's disclosure register as the author fills it: whose data, which, and why. */
public record Disclosed(String caseReference, PersonId personId, DataCategory category, LegalBasis basis) {}
