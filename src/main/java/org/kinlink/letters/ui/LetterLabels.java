package org.kinlink.letters.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.kinlink.letters.LetterStatus;

/** The status of a letter as a badge; OVERDUE added when the answer is late. */
final class LetterLabels {

    private LetterLabels() {}

    static Span status(Component context, LetterStatus status, boolean overdue) {
        var badge = new Span(context.getTranslation("letters.status." + status.name())
                + (overdue ? " · " + context.getTranslation("letters.overdue") : ""));
        badge.getElement().getThemeList().add(overdue ? "badge error" : "badge");
        return badge;
    }
}
