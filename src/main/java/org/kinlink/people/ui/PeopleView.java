package org.kinlink.people.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.UserDirectory;
import org.kinlink.people.PersonService;

/** Finds a person by any spelling of their name, in Latin or native script, among those the caseworker may see. */
@Route("people")
@RolesAllowed(Roles.CASEWORKER)
@Menu(order = 20, title = "nav.people", icon = "vaadin:user-card")
class PeopleView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final MatchList results = new MatchList(
            "person.open",
            match -> UI.getCurrent()
                    .navigate(
                            PersonView.class,
                            PersonView.parameters(match.person().id())));
    final Paragraph empty = new Paragraph();

    PeopleView(PersonService people, CurrentUser currentUser, UserDirectory directory) {
        var user = currentUser.require();
        var register = new Button(getTranslation("person.register"), VaadinIcon.PLUS.create(), click -> {
            if (user.teamIds().isEmpty()) {
                return;
            }
            new RegisterPersonDialog(
                            people,
                            user.teamIds(),
                            directory.teamNames(),
                            user.teamIds().iterator().next(),
                            id -> UI.getCurrent().navigate(PersonView.class, PersonView.parameters(id)))
                    .open();
        });
        register.addThemeVariants(ButtonVariant.PRIMARY);
        var header = new HorizontalLayout(new H2(getTranslation("nav.people")), register);
        header.setAlignItems(Alignment.BASELINE);
        search.setPlaceholder(getTranslation("people.search.placeholder"));
        search.setAriaLabel(getTranslation("people.search.label"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setWidth("min(32rem, 100%)");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        empty.setText(getTranslation("people.start"));
        search.addValueChangeListener(change -> {
            var found = people.search(change.getValue(), 20);
            results.show(found);
            empty.setText(getTranslation(change.getValue().isBlank() ? "people.start" : "people.none"));
            empty.setVisible(found.isEmpty());
        });
        add(header, search, empty, results);
        search.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.people");
    }
}
