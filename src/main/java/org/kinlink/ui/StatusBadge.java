package org.kinlink.ui;

import com.vaadin.flow.component.html.Span;

/** A small coloured label for a status or priority, with its translated text. */
public final class StatusBadge {

    private StatusBadge() {}

    /** {@code tone}: one of "", "success", "error", "contrast", "warning". */
    public static Span of(String text, String tone) {
        var badge = new Span(text);
        badge.getElement().getThemeList().add(tone.isEmpty() ? "badge" : "badge " + tone);
        badge.addClassName("kl-badge");
        return badge;
    }
}
