package org.kinlink.cases.ui;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.cases.CaseCursor;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseListItem;
import org.kinlink.cases.CaseSort;

/**
 * The cases grid's lazy fetches: when the grid asks for the range right after the one it fetched
 * last (scrolling on, same filter and sort), the page continues after that range's last row
 * (keyset paging); any other range (the first page, a jump, a changed filter) is fetched by offset.
 * One per view instance, so per user and UI.
 */
final class CaseListPaging {

    /** The two ways of fetching a page, normally {@code CaseService.list} and {@code listAfter}. */
    interface Source {
        List<CaseListItem> byOffset(CaseFilter filter, CaseSort sort, int offset, int limit);

        List<CaseListItem> after(CaseFilter filter, CaseSort sort, CaseCursor after, int limit);
    }

    private final Source source;
    private @Nullable CaseFilter filter;
    private @Nullable CaseSort sort;
    private int end = -1;
    private @Nullable CaseListItem last;

    CaseListPaging(Source source) {
        this.source = source;
    }

    List<CaseListItem> fetch(CaseFilter filter, CaseSort sort, int offset, int limit) {
        CaseListItem previous = last;
        boolean continues =
                offset > 0 && offset == end && previous != null && filter.equals(this.filter) && sort == this.sort;
        List<CaseListItem> page = continues
                ? source.after(filter, sort, CaseCursor.after(previous), limit)
                : source.byOffset(filter, sort, offset, limit);
        this.filter = filter;
        this.sort = sort;
        this.end = offset + page.size();
        this.last = page.isEmpty() ? null : page.getLast();
        return page;
    }
}
