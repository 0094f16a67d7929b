package org.kinlink.cases;

/** A case as other modules refer to it, after the access policy allowed the caller. */
public record CaseRef(CaseId id, String reference, long teamId) {}
