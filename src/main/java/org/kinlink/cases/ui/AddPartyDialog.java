package org.kinlink.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kinlink.InvalidInput;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Relationship;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonService;
import org.kinlink.people.ui.MatchList;
import org.kinlink.people.ui.RegisterPersonDialog;
import org.kinlink.ui.Notifications;

/**
 * Adds an enquirer, the sought person or another party: find them by any spelling, or register them
 * (with a warning if they look already registered).
 */
class AddPartyDialog extends Dialog {

    final Select<PartyRole> role = new Select<>();
    final Select<Relationship> relationship = new Select<>();
    final TextField search = new TextField();
    final MatchList results;
    private final Paragraph hint = new Paragraph();

    AddPartyDialog(
            CaseService cases,
            PersonService people,
            CaseDetails details,
            Set<Long> teams,
            Map<Long, String> teamNames,
            PartyRole initialRole,
            Consumer<CaseDetails> done) {
        setHeaderTitle(getTranslation("party.add.title", details.reference()));
        setWidth("min(48rem, 95vw)");
        role.setLabel(getTranslation("party.role"));
        role.setItems(PartyRole.values());
        role.setItemLabelGenerator(r -> getTranslation("party.role." + r.name()));
        role.setValue(initialRole);
        relationship.setLabel(getTranslation("party.relationship"));
        relationship.setItems(Relationship.values());
        relationship.setItemLabelGenerator(r -> getTranslation("party.relationship." + r.name()));
        relationship.setValue(Relationship.OTHER_RELATIVE);
        relationship.setEnabled(initialRole != PartyRole.SOUGHT);
        role.addValueChangeListener(change -> relationship.setEnabled(change.getValue() != PartyRole.SOUGHT));
        Consumer<PersonId> add = person -> {
            try {
                done.accept(cases.addParty(details.reference(), person, role.getValue(), relationship.getValue()));
                close();
            } catch (InvalidInput invalid) {
                Notifications.error(getTranslation(invalid.messageKey(), invalid.arguments()));
            } catch (org.kinlink.RecordNotFound | org.kinlink.ConcurrentChange gone) {
                Notifications.error(getTranslation("error.concurrent-change"));
            }
        };
        results = new MatchList(
                "party.add.this", match -> add.accept(match.person().id()));
        search.setLabel(getTranslation("party.add.search"));
        search.setPlaceholder(getTranslation("people.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setWidthFull();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.addValueChangeListener(change -> {
            var found = people.search(change.getValue(), 10);
            results.show(found);
            hint.setVisible(found.isEmpty() && !change.getValue().isBlank());
        });
        hint.setText(getTranslation("party.add.none"));
        hint.setVisible(false);
        var register = new Button(
                getTranslation("person.register"),
                VaadinIcon.PLUS.create(),
                click -> new RegisterPersonDialog(people, teams, teamNames, details.teamId(), add).open());
        add(new HorizontalLayout(role, relationship), search, hint, results);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), register);
        register.addThemeVariants(ButtonVariant.PRIMARY);
        search.focus();
    }
}
