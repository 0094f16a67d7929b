package org.kinlink.cases;

import org.jspecify.annotations.Nullable;

/** Published when a case changes status, for other modules to react to. */
public record CaseStatusChanged(
        CaseId caseId, String reference, @Nullable CaseStatus from, CaseStatus to) {}
