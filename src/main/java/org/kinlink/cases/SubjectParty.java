package org.kinlink.cases;

/** A person's party in a case the caller may read, for other modules' parts of a subject access export. */
public record SubjectParty(CaseRef caseRef, long partyId) {}
