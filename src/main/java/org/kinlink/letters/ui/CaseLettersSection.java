package org.kinlink.letters.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CasePageSection;
import org.kinlink.letters.CaseLetter;
import org.kinlink.letters.Letters;
import org.kinlink.letters.RegisterLine;

/** The letters tab of a case: the letters about it and its disclosure register (what they disclosed, why). */
@org.springframework.stereotype.Component
class CaseLettersSection implements CasePageSection {

    private final Letters letters;

    CaseLettersSection(Letters letters) {
        this.letters = letters;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public String titleKey() {
        return "letters.case-tab";
    }

    @Override
    public Component create(CaseDetails details) {
        var layout = new VerticalLayout();
        layout.setPadding(false);
        var list = new Grid<CaseLetter>();
        list.addComponentColumn(l -> new Anchor("letters/" + l.reference(), l.reference()))
                .setHeader(layout.getTranslation("letters.reference"))
                .setAutoWidth(true);
        list.addColumn(CaseLetter::institutionName).setHeader(layout.getTranslation("letters.institution"));
        list.addColumn(CaseLetter::subject).setHeader(layout.getTranslation("letters.subject"));
        list.addComponentColumn(l -> LetterLabels.status(layout, l.status(), l.overdue()))
                .setHeader(layout.getTranslation("letters.status"))
                .setAutoWidth(true);
        list.setAllRowsVisible(true);
        list.setEmptyStateText(layout.getTranslation("letters.case-empty"));
        list.setItems(letters.aboutCase(details.reference()));
        var register = new Grid<RegisterLine>();
        register.addColumn(RegisterLine::letterReference)
                .setHeader(layout.getTranslation("letters.reference"))
                .setAutoWidth(true);
        register.addColumn(RegisterLine::personName).setHeader(layout.getTranslation("letters.register.person"));
        register.addColumn(l ->
                        layout.getTranslation("letters.category." + l.category().name()))
                .setHeader(layout.getTranslation("letters.register.category"));
        register.addColumn(
                        l -> layout.getTranslation("letters.basis." + l.basis().name()))
                .setHeader(layout.getTranslation("letters.register.basis"));
        register.setAllRowsVisible(true);
        register.setEmptyStateText(layout.getTranslation("letters.register.empty"));
        register.setItems(letters.registerOfCase(details.reference()));
        layout.add(list, new H3(layout.getTranslation("letters.tab.register")), register);
        return layout;
    }
}
