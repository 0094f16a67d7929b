package org.kinlink.api.v1;

import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;

/** {@code ?page=&size=} of every list: page from 0, size 1 to 100 (default 20). */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Lists ranked by name matching are computed in full; they are not paged deeper than this. */
    static final int MAX_RANKED = 500;

    static Paging of(@Nullable Integer page, @Nullable Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidInput("page", "api.page-invalid");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInput("size", "api.size-invalid", MAX_SIZE);
        }
        return new Paging(p, s);
    }

    int offset() {
        return page * size;
    }

    /** For services that take only a limit: this page, the ones before it, and one more. */
    int limitThroughThisPage() {
        long limit = ((long) page + 1) * size + 1;
        if (limit > MAX_RANKED + 1) {
            throw new InvalidInput("page", "api.page-too-deep", MAX_RANKED);
        }
        return (int) limit;
    }
}
