package org.kinlink.api.v1;

import java.util.List;

/**
 * One page of a list: the items, the page asked for, its size, and whether another page follows
 * (no total: counting a whole table costs more than a client needs).
 */
public record PageJson<T>(List<T> items, int page, int size, boolean hasNext) {

    /** A page from a list fetched with one extra item, which only tells whether more follow. */
    static <T> PageJson<T> of(List<T> fetchedWithOneMore, Paging paging) {
        boolean more = fetchedWithOneMore.size() > paging.size();
        return new PageJson<>(
                more ? List.copyOf(fetchedWithOneMore.subList(0, paging.size())) : List.copyOf(fetchedWithOneMore),
                paging.page(),
                paging.size(),
                more);
    }

    /** A page cut out of a complete list. */
    static <T> PageJson<T> slice(List<T> all, Paging paging) {
        int from = (int) Math.min((long) paging.page() * paging.size(), all.size());
        int to = (int) Math.min((long) from + paging.size() + 1, all.size());
        return of(all.subList(from, to), paging);
    }
}
