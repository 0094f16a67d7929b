package org.kinlink.letters.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import org.kinlink.letters.Letters;
import org.kinlink.letters.RegisterLine;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonPageSection;

/** The disclosure register of a person: which letters carried which of their data, and why. */
@org.springframework.stereotype.Component
class PersonDisclosuresSection implements PersonPageSection {

    private final Letters letters;

    PersonDisclosuresSection(Letters letters) {
        this.letters = letters;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "letters.person-register";
    }

    @Override
    public Component create(PersonDetails details) {
        var grid = new Grid<RegisterLine>();
        grid.addComponentColumn(l -> new Anchor("letters/" + l.letterReference(), l.letterReference()))
                .setHeader(grid.getTranslation("letters.reference"))
                .setAutoWidth(true);
        grid.addColumn(RegisterLine::caseReference)
                .setHeader(grid.getTranslation("letters.case"))
                .setAutoWidth(true);
        grid.addColumn(l ->
                        grid.getTranslation("letters.category." + l.category().name()))
                .setHeader(grid.getTranslation("letters.register.category"));
        grid.addColumn(l -> grid.getTranslation("letters.basis." + l.basis().name()))
                .setHeader(grid.getTranslation("letters.register.basis"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(grid.getTranslation("letters.register.empty"));
        grid.setItems(letters.registerOfPerson(details.id()));
        return grid;
    }
}
