package org.kinlink.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kinlink.people.PersonMatch;

/** Name-matching results: each person with its score and the reasons it matched. */
public class MatchList extends VerticalLayout {

    private final @Nullable String actionKey;
    private final @Nullable Consumer<PersonMatch> action;

    /** {@code actionKey}/{@code action}: an optional button on each row (for example "Use this person"). */
    public MatchList(@Nullable String actionKey, @Nullable Consumer<PersonMatch> action) {
        this.actionKey = actionKey;
        this.action = action;
        setPadding(false);
        setSpacing(false);
        addClassName("kl-matches");
    }

    public void show(List<PersonMatch> matches) {
        removeAll();
        for (PersonMatch match : matches) {
            var name = new Span(match.person().display());
            name.addClassName("kl-match-name");
            var score = new Span(getTranslation("match.score", Math.round(match.score() * 100)));
            score.getElement().getThemeList().add("badge contrast");
            var reasons =
                    new Span(match.reasons().stream().map(this::getTranslation).collect(Collectors.joining(" · ")));
            reasons.addClassName("kl-match-reasons");
            var row = new HorizontalLayout(score, new Div(name, reasons));
            row.setAlignItems(Alignment.CENTER);
            if (action != null && actionKey != null) {
                var use = new Button(getTranslation(actionKey), click -> action.accept(match));
                use.addThemeVariants(ButtonVariant.SMALL);
                row.add(use);
            }
            row.addClassName("kl-match");
            add(row);
        }
    }

    public boolean isEmpty() {
        return getComponentCount() == 0;
    }
}
