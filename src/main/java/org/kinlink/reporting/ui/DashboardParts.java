package org.kinlink.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The building blocks of the dashboard panels: a panel, a card, a figure, a table of figures. */
final class DashboardParts {

    private DashboardParts() {}

    /** A role's panel: a heading and a wrapping row of cards. */
    static Section panel(String heading, Component... cards) {
        var title = new H3(heading);
        var row = new Div(cards);
        row.addClassName("kl-dashboard-cards");
        var panel = new Section(title, row);
        panel.addClassName("kl-dashboard-panel");
        return panel;
    }

    /** A card with a title over its content. */
    static Section card(String heading, Component... content) {
        var card = new Section(new H4(heading));
        card.add(content);
        card.addClassName("kl-dashboard-card");
        return card;
    }

    /** A large number, in the user's digits. */
    static Div figure(long value, Locale locale) {
        var figure = new Div();
        figure.setText(number(value, locale));
        figure.addClassName("kl-dashboard-figure");
        return figure;
    }

    static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** What to do when there is nothing to show. */
    static Paragraph empty(String text) {
        var paragraph = new Paragraph(text);
        paragraph.addClassName("kl-dashboard-empty");
        return paragraph;
    }

    /** The figures behind a chart, as a small table with a caption (the chart's text alternative). */
    static NativeTable table(
            String caption, String labelHeader, String valueHeader, Map<String, Long> values, Locale locale) {
        var table = new NativeTable();
        table.addClassName("kl-dashboard-table");
        table.setCaptionText(caption);
        var head = table.getHead().addRow();
        head.addHeaderCell().setText(labelHeader);
        head.addHeaderCell().setText(valueHeader);
        var body = table.getBody();
        values.forEach((label, value) -> {
            var row = body.addRow();
            row.addDataCell().setText(label);
            var cell = row.addDataCell();
            cell.setText(number(value, locale));
            cell.addClassName("kl-dashboard-number");
        });
        return table;
    }

    /** The figures as one line of text, for a chart's alternative text. */
    static String summary(Map<String, Long> values, Locale locale) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " " + number(e.getValue(), locale))
                .collect(Collectors.joining(", "));
    }
}
