package org.kinlink.cases.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.Priority;
import org.kinlink.ui.StatusBadge;

/** Translated labels and badges for case values. */
final class CaseLabels {

    private CaseLabels() {}

    static Span status(Component context, CaseStatus status) {
        String tone = switch (status) {
            case CONTACT_ESTABLISHED, REUNITED -> "success";
            case DECLINED, CLOSED_UNRESOLVED -> "error";
            case ON_HOLD, CLOSED -> "contrast";
            default -> "";
        };
        return StatusBadge.of(context.getTranslation("case.status." + status.name()), tone);
    }

    static Span priority(Component context, Priority priority) {
        String tone = switch (priority) {
            case URGENT -> "error primary";
            case HIGH -> "warning";
            default -> "contrast";
        };
        return StatusBadge.of(context.getTranslation("case.priority." + priority.name()), tone);
    }
}
