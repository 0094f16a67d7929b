package org.kinlink.cases;

import java.time.Instant;

/**
 * Where the previous page of the cases list ended: the last row's sort keys and id. The next page
 * continues after it (keyset paging), so a deep page costs what the first one does instead of
 * reading and skipping every row before it. Only compared with, never trusted: the caller's
 * visibility and filter apply to the continuation as to any page.
 */
public record CaseCursor(
        long id, String reference, CaseStatus status, Priority priority, Instant openedAt, Instant updatedAt) {

    /** The cursor after this row of a list. */
    public static CaseCursor after(CaseListItem last) {
        return new CaseCursor(
                last.id().value(), last.reference(), last.status(), last.priority(), last.openedAt(), last.updatedAt());
    }
}
