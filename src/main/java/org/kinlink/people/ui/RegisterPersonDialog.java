package org.kinlink.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kinlink.InvalidInput;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonService;

/**
 * Registers a person. Likely existing records of the same person are shown while the names are
 * typed; saving a new record despite them needs a second, deliberate click.
 */
public class RegisterPersonDialog extends Dialog {

    final PersonEditor editor = new PersonEditor();
    final MatchList duplicates;
    final Button save = new Button();
    private final Paragraph duplicatesHint = new Paragraph();
    private boolean duplicatesAcknowledged;

    /**
     * @param teams the caller's teams (the new record belongs to one); {@code defaultTeam} preselected
     * @param done called with the new person, or with an existing one the user chose instead
     */
    public RegisterPersonDialog(
            PersonService people,
            Set<Long> teams,
            Map<Long, String> teamNames,
            long defaultTeam,
            Consumer<PersonId> done) {
        setHeaderTitle(getTranslation("person.register"));
        setWidth("min(64rem, 95vw)");
        duplicates = new MatchList("person.use-existing", match -> {
            close();
            done.accept(match.person().id());
        });
        var team = new Select<Long>();
        team.setLabel(getTranslation("person.team"));
        team.setItems(teams);
        team.setItemLabelGenerator(id -> teamNames.getOrDefault(id, "?"));
        team.setValue(defaultTeam);
        team.setVisible(teams.size() > 1);
        duplicatesHint.setText(getTranslation("person.duplicates.hint"));
        duplicatesHint.setVisible(false);
        duplicatesHint.addClassName("kl-warning");
        for (var field : new com.vaadin.flow.component.textfield.TextField[] {
            editor.givenLatin, editor.familyLatin, editor.fatherLatin, editor.givenNative, editor.familyNative
        }) {
            field.addBlurListener(blur -> refreshDuplicates(people));
        }
        save.setText(getTranslation("person.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> {
            editor.clearErrors();
            refreshDuplicates(people);
            if (!duplicates.isEmpty() && !duplicatesAcknowledged) {
                duplicatesAcknowledged = true;
                save.setText(getTranslation("person.save-anyway"));
                return;
            }
            try {
                PersonId id = people.register(editor.read(), team.getValue());
                close();
                done.accept(id);
            } catch (InvalidInput invalid) {
                editor.showError(invalid);
            }
        });
        add(team, duplicatesHint, duplicates, editor);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
        editor.focusFirst();
    }

    private void refreshDuplicates(PersonService people) {
        var found = people.likelyDuplicates(editor.read(), null);
        duplicates.show(found);
        duplicatesHint.setVisible(!found.isEmpty());
        if (found.isEmpty()) {
            duplicatesAcknowledged = false;
            save.setText(getTranslation("person.save"));
        }
    }
}
