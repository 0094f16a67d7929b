package org.kinlink.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.SensitiveFieldClass;
import org.kinlink.access.StepUp;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonMatch;
import org.kinlink.people.PersonService;
import org.kinlink.ui.Notifications;
import org.kinlink.ui.StepUpDialog;

/**
 * One person: every detail the caseworker may see, editable; likely duplicate records, which can be
 * merged into this one keeping every spelling.
 */
@Route("people/:id")
@RolesAllowed(Roles.CASEWORKER)
public class PersonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PersonService people;
    private final StepUp stepUp;
    final PersonEditor editor = new PersonEditor();
    final H2 heading = new H2();
    final Button save = new Button();
    final MatchList duplicates;
    private final H3 duplicatesHeading = new H3();
    private @Nullable PersonDetails person;
    /** Sections of other modules (the letters' disclosure register), below the person's own. */
    private final java.util.List<org.kinlink.people.PersonPageSection> sections;

    private final VerticalLayout sectionsArea = new VerticalLayout();

    PersonView(
            PersonService people,
            StepUp stepUp,
            org.springframework.beans.factory.ObjectProvider<org.kinlink.people.PersonPageSection> sections) {
        this.people = people;
        this.stepUp = stepUp;
        this.sections = sections.orderedStream().toList();
        sectionsArea.setPadding(false);
        setMaxWidth("72rem");
        save.setText(getTranslation("person.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.KEY_S, com.vaadin.flow.component.KeyModifier.CONTROL)
                .resetFocusOnActiveElement();
        save.addClickListener(click -> save());
        editor.onReveal(this::askReveal);
        duplicates = new MatchList("person.merge-into-this", this::confirmMerge);
        duplicatesHeading.setText(getTranslation("person.duplicates"));
        add(new HorizontalLayout(heading, save), editor, duplicatesHeading, duplicates, sectionsArea);
    }

    public static RouteParameters parameters(PersonId id) {
        return new RouteParameters("id", Long.toString(id.value()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            long id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            show(people.open(new PersonId(id)));
        } catch (NumberFormatException | RecordNotFound e) {
            event.rerouteToError(NotFoundException.class);
        } catch (InvalidInput merged) {
            // a merged record: open the one it was merged into
            Object target = merged.arguments().length > 0 ? merged.arguments()[0] : null;
            if (target instanceof Long kept) {
                event.forwardTo(PersonView.class, parameters(new PersonId(kept)));
            } else {
                event.rerouteToError(NotFoundException.class);
            }
        }
    }

    private void show(PersonDetails details) {
        this.person = details;
        heading.setText(details.names().display());
        editor.fill(details);
        var found = people.likelyDuplicates(editor.read(), details.id());
        duplicates.show(found);
        duplicatesHeading.setVisible(!found.isEmpty());
        sectionsArea.removeAll();
        sections.forEach(
                section -> sectionsArea.add(new H3(getTranslation(section.titleKey())), section.create(details)));
    }

    private void save() {
        if (person == null) {
            return;
        }
        editor.clearErrors();
        try {
            show(people.update(person.id(), person.version(), editor.read()));
            Notifications.success(getTranslation("person.saved"));
        } catch (InvalidInput invalid) {
            editor.showError(invalid);
        } catch (ConcurrentChange stale) {
            offerReload();
        }
    }

    private void offerReload() {
        var dialog = new Dialog(getTranslation("error.concurrent-change.title"));
        dialog.add(new Paragraph(getTranslation("error.concurrent-change")));
        var reload = new Button(getTranslation("common.reload"), click -> {
            dialog.close();
            if (person != null) {
                show(people.open(person.id()));
            }
        });
        reload.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("person.keep-my-changes"), click -> dialog.close()), reload);
        dialog.open();
    }

    /** Asks why the masked values are needed; the service records the reveal with that reason. */
    void askReveal(SensitiveFieldClass fieldClass) {
        if (person == null) {
            return;
        }
        var dialog = new Dialog(getTranslation("person.reveal.title"));
        var reason = new TextArea(getTranslation("person.reveal.reason"));
        reason.setWidthFull();
        reason.setMaxLength(500);
        dialog.add(
                new Paragraph(
                        getTranslation("person.reveal.text", getTranslation("person.reveal." + fieldClass.name()))),
                reason);
        PersonId id = person.id();
        // S4: a location reveal asks the user to re-confirm first (the service decides, the dialog asks)
        var reveal = new Button(
                getTranslation("person.reveal.confirm"),
                click -> StepUpDialog.guard(stepUp, () -> {
                    try {
                        editor.reveal(fieldClass, people.reveal(id, fieldClass, reason.getValue()));
                        dialog.close();
                    } catch (InvalidInput invalid) {
                        reason.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
                        reason.setInvalid(true);
                    }
                }));
        reveal.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), reveal);
        dialog.open();
        reason.focus();
    }

    private void confirmMerge(PersonMatch other) {
        if (person == null) {
            return;
        }
        var dialog = new Dialog(getTranslation("person.merge.title"));
        var reason = new TextArea(getTranslation("person.merge.reason"));
        reason.setWidthFull();
        dialog.add(
                new Paragraph(getTranslation(
                        "person.merge.text",
                        other.person().display(),
                        person.names().display())),
                reason);
        var merge = new Button(getTranslation("person.merge.confirm"), click -> {
            try {
                show(people.merge(person.id(), person.version(), other.person().id(), reason.getValue()));
                dialog.close();
                Notifications.success(getTranslation("person.merged"));
            } catch (InvalidInput invalid) {
                reason.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
                reason.setInvalid(true);
            } catch (ConcurrentChange stale) {
                dialog.close();
                offerReload();
            }
        });
        merge.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), merge);
        dialog.open();
        reason.focus();
    }

    @Override
    public String getPageTitle() {
        return person == null ? getTranslation("nav.people") : person.names().display();
    }
}
