package org.kinlink.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kinlink.cases.CaseCursor;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseId;
import org.kinlink.cases.CaseListItem;
import org.kinlink.cases.CaseSort;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.Priority;

/** The grid continues after the last fetched row when it scrolls on, and uses the offset otherwise. */
class CaseListPagingTest {

    private final List<String> calls = new ArrayList<>();
    private final CaseListPaging paging = new CaseListPaging(new CaseListPaging.Source() {
        @Override
        public List<CaseListItem> byOffset(CaseFilter filter, CaseSort sort, int offset, int limit) {
            calls.add("offset " + offset);
            return rows(offset, limit);
        }

        @Override
        public List<CaseListItem> after(CaseFilter filter, CaseSort sort, CaseCursor after, int limit) {
            calls.add("after " + after.id());
            return rows((int) after.id() + 1, limit);
        }
    });

    @Test
    void scrolling_on_continues_after_the_last_row_and_a_jump_or_new_filter_uses_the_offset() {
        var any = CaseFilter.any();
        assertThat(paging.fetch(any, CaseSort.RECENTLY_CHANGED, 0, 50)).hasSize(50);
        assertThat(paging.fetch(any, CaseSort.RECENTLY_CHANGED, 50, 50)
                        .getFirst()
                        .id()
                        .value())
                .isEqualTo(50);
        paging.fetch(any, CaseSort.RECENTLY_CHANGED, 500, 50); // a jump
        paging.fetch(any, CaseSort.RECENTLY_CHANGED, 550, 50);
        paging.fetch(any, CaseSort.REFERENCE, 600, 50); // another sort
        var other = new CaseFilter(Set.of(CaseStatus.NEW), null, null, Set.of(), null);
        paging.fetch(other, CaseSort.REFERENCE, 650, 50); // another filter
        paging.fetch(other, CaseSort.REFERENCE, 0, 50); // back to the top after a refresh
        assertThat(calls)
                .containsExactly(
                        "offset 0", "after 49", "offset 500", "after 549", "offset 600", "offset 650", "offset 0");
    }

    @Test
    void after_a_short_page_the_next_range_is_fetched_by_offset() {
        var any = CaseFilter.any();
        var source = new ArrayList<String>();
        var shortPages = new CaseListPaging(new CaseListPaging.Source() {
            @Override
            public List<CaseListItem> byOffset(CaseFilter filter, CaseSort sort, int offset, int limit) {
                source.add("offset " + offset);
                return List.of();
            }

            @Override
            public List<CaseListItem> after(CaseFilter filter, CaseSort sort, CaseCursor after, int limit) {
                source.add("after");
                return List.of();
            }
        });
        shortPages.fetch(any, CaseSort.OPENED, 0, 50);
        shortPages.fetch(any, CaseSort.OPENED, 50, 50);
        assertThat(source).containsExactly("offset 0", "offset 50");
    }

    private static List<CaseListItem> rows(int from, int count) {
        var rows = new ArrayList<CaseListItem>();
        for (int i = from; i < from + count; i++) {
            rows.add(new CaseListItem(
                    new CaseId(i),
                    "KL-2026-" + i,
                    "Case " + i,
                    CaseStatus.NEW,
                    Priority.NORMAL,
                    1,
                    "Team",
                    null,
                    null,
                    List.of(),
                    List.of(),
                    Instant.EPOCH,
                    Instant.EPOCH));
        }
        return rows;
    }
}
