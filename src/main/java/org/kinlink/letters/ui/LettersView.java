package org.kinlink.letters.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.cases.CaseService;
import org.kinlink.documents.LetterTemplates;
import org.kinlink.letters.InstitutionSummary;
import org.kinlink.letters.Institutions;
import org.kinlink.letters.LetterFilter;
import org.kinlink.letters.LetterStatus;
import org.kinlink.letters.LetterSummary;
import org.kinlink.letters.Letters;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Notifications;

/**
 * All letters the user may see (lazy, filtered in the database), and the follow-ups: letters
 * awaiting an answer, earliest due first, with one-click summary follow-ups to an institution.
 */
@Route("letters")
@RolesAllowed({Roles.COORDINATOR, Roles.CASEWORKER})
@Menu(order = 30, title = "nav.letters", icon = "vaadin:envelopes")
class LettersView extends VerticalLayout implements HasDynamicTitle {

    final Tabs tabs = new Tabs();
    final Tab all = new Tab();
    final Tab followUps = new Tab();
    final MultiSelectComboBox<LetterStatus> statuses = new MultiSelectComboBox<>();
    final ComboBox<InstitutionSummary> institution = new ComboBox<>();
    final Checkbox overdue = new Checkbox();
    final Checkbox dueThisWeek = new Checkbox();
    final Grid<LetterSummary> grid = new Grid<>();
    final Button newLetter = new Button();
    final Button followUp = new Button();
    private final Letters letters;

    LettersView(
            Letters letters,
            Institutions institutions,
            CaseService cases,
            LetterTemplates templates,
            CurrentUser currentUser) {
        this.letters = letters;
        boolean coordinator = currentUser.require().hasRole(Roles.COORDINATOR);
        setSizeFull();
        newLetter.setText(getTranslation("letters.new"));
        newLetter.setIcon(VaadinIcon.PLUS.create());
        newLetter.addThemeVariants(ButtonVariant.PRIMARY);
        newLetter.addClickListener(
                click -> new NewLetterDialog(letters, institutions, cases, templates, this::open).open());
        var header = new HorizontalLayout(new H2(getTranslation("nav.letters")), newLetter);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        all.setLabel(getTranslation("letters.tab.all"));
        followUps.setLabel(getTranslation("letters.tab.follow-ups"));
        tabs.add(all, followUps);
        statuses.setLabel(getTranslation("letters.status"));
        statuses.setItems(LetterStatus.values());
        statuses.setItemLabelGenerator(s -> getTranslation("letters.status." + s.name()));
        institution.setLabel(getTranslation("letters.institution"));
        institution.setItems(
                query -> institutions.list(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        institution.setItemLabelGenerator(InstitutionSummary::name);
        institution.setClearButtonVisible(true);
        overdue.setLabel(getTranslation("letters.overdue"));
        dueThisWeek.setLabel(getTranslation("letters.due-this-week"));
        followUp.setText(getTranslation("letters.draft-follow-up"));
        followUp.setVisible(coordinator);
        followUp.setEnabled(false);
        followUp.addClickListener(click -> draftFollowUp());
        institution.addValueChangeListener(change -> followUp.setEnabled(change.getValue() != null));
        var filters = new HorizontalLayout(statuses, institution, overdue, dueThisWeek, followUp);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        grid.addColumn(LetterSummary::reference)
                .setHeader(getTranslation("letters.reference"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LetterSummary::institutionName)
                .setHeader(getTranslation("letters.institution"))
                .setFlexGrow(2);
        grid.addColumn(LetterSummary::subject)
                .setHeader(getTranslation("letters.subject"))
                .setFlexGrow(3);
        grid.addColumn(l -> String.join(", ", l.caseReferences()))
                .setHeader(getTranslation("letters.cases"))
                .setFlexGrow(2);
        grid.addComponentColumn(l -> LetterLabels.status(this, l.status(), l.overdue()))
                .setHeader(getTranslation("letters.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(l -> l.dueOn() == null ? "" : Dates.date(l.dueOn(), getLocale()))
                .setHeader(getTranslation("letters.due-on"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("letters.empty"));
        grid.setItems(query -> letters.list(filter(), query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(click -> open(click.getItem().reference()));
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {statuses, institution, overdue, dueThisWeek}) {
            field.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        tabs.addSelectedChangeListener(change -> {
            statuses.setVisible(tabs.getSelectedTab() == all);
            grid.getDataProvider().refreshAll();
        });
        add(header, tabs, filters, grid);
        setFlexGrow(1, grid);
    }

    LetterFilter filter() {
        boolean following = tabs.getSelectedTab() == followUps;
        return new LetterFilter(
                following ? Set.of() : Set.copyOf(statuses.getValue()),
                institution.getValue() == null ? null : institution.getValue().id(),
                overdue.getValue(),
                dueThisWeek.getValue(),
                following);
    }

    void draftFollowUp() {
        if (institution.getValue() == null) {
            return;
        }
        try {
            open(letters.draftFollowUp(institution.getValue().id()));
            Notifications.success(getTranslation("letters.follow-up-drafted"));
        } catch (InvalidInput invalid) {
            Notifications.error(getTranslation(invalid.messageKey(), invalid.arguments()));
        }
    }

    private void open(String reference) {
        UI.getCurrent().navigate("letters/" + reference);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.letters");
    }
}
