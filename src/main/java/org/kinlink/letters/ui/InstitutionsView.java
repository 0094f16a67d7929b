package org.kinlink.letters.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.letters.InstitutionDetails;
import org.kinlink.letters.InstitutionForm;
import org.kinlink.letters.InstitutionSummary;
import org.kinlink.letters.InstitutionType;
import org.kinlink.letters.Institutions;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;

/** The directory of institutions: coordinators add and edit them, caseworkers look them up. */
@Route("institutions")
@RolesAllowed({Roles.COORDINATOR, Roles.CASEWORKER})
@Menu(order = 32, title = "nav.institutions", icon = "vaadin:institution")
class InstitutionsView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<InstitutionSummary> grid = new Grid<>();
    final Button create = new Button();
    private final Institutions institutions;
    private final boolean coordinator;

    InstitutionsView(Institutions institutions, CurrentUser currentUser) {
        this.institutions = institutions;
        this.coordinator = currentUser.require().hasRole(Roles.COORDINATOR);
        setSizeFull();
        var header = new HorizontalLayout(new H2(getTranslation("nav.institutions")));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        create.setText(getTranslation("letters.institution.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> edit(null));
        create.setVisible(coordinator);
        header.add(create);
        search.setPlaceholder(getTranslation("letters.institution.search"));
        search.setAriaLabel(getTranslation("letters.institution.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        grid.addColumn(InstitutionSummary::name)
                .setHeader(getTranslation("letters.institution.name"))
                .setFlexGrow(3);
        grid.addColumn(i ->
                        getTranslation("letters.institution.type." + i.type().name()))
                .setHeader(getTranslation("letters.institution.type"))
                .setFlexGrow(2);
        grid.addColumn(i -> i.country() == null ? "" : i.country())
                .setHeader(getTranslation("letters.institution.country"))
                .setFlexGrow(1);
        grid.addColumn(i -> getTranslation("letters.language." + i.preferredLanguage()))
                .setHeader(getTranslation("letters.institution.language"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("letters.institution.empty"));
        grid.setItems(query -> institutions.list(search.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(click -> edit(click.getItem()));
        add(header, search, grid);
        setFlexGrow(1, grid);
    }

    /** Opens the editor (read-only for caseworkers). */
    void edit(@Nullable InstitutionSummary summary) {
        InstitutionDetails current = summary == null ? null : institutions.open(summary.id());
        var dialog =
                new Dialog(getTranslation(current == null ? "letters.institution.new" : "letters.institution.edit"));
        dialog.setWidth("min(40rem, 95vw)");
        var name = new TextField(getTranslation("letters.institution.name"));
        var type = new ComboBox<InstitutionType>(getTranslation("letters.institution.type"));
        type.setItems(InstitutionType.values());
        type.setItemLabelGenerator(t -> getTranslation("letters.institution.type." + t.name()));
        type.setValue(InstitutionType.OTHER);
        var country = new TextField(getTranslation("letters.institution.country"));
        var address = new TextArea(getTranslation("letters.institution.address"));
        var email = new TextField(getTranslation("letters.institution.email"));
        var contacts = new TextArea(getTranslation("letters.institution.contacts"));
        contacts.setHelperText(getTranslation("letters.institution.contacts.help"));
        var language = new ComboBox<String>(getTranslation("letters.institution.language"));
        language.setItems("en", "fa", "other");
        language.setItemLabelGenerator(l -> getTranslation("letters.language." + l));
        language.setValue("en");
        var notes = new TextArea(getTranslation("letters.institution.notes"));
        if (current != null) {
            name.setValue(current.name());
            type.setValue(current.type());
            country.setValue(nz(current.country()));
            address.setValue(nz(current.address()));
            email.setValue(nz(current.email()));
            contacts.setValue(nz(current.contactPersons()));
            language.setValue(current.preferredLanguage());
            notes.setValue(nz(current.notes()));
        }
        var form = new FormLayout(name, type, country, language, address, email, contacts, notes);
        form.setColspan(address, 2);
        form.setColspan(contacts, 2);
        form.setColspan(notes, 2);
        dialog.add(form);
        var fields = Map.of(
                "name",
                name,
                "country",
                country,
                "address",
                address,
                "email",
                email,
                "contactPersons",
                contacts,
                "preferredLanguage",
                language,
                "notes",
                notes);
        var save = new Button(getTranslation("common.save"), click -> {
            Forms.clearErrors(fields);
            try {
                institutions.save(new InstitutionForm(
                        current == null ? null : current.id(),
                        current == null ? 0 : current.version(),
                        name.getValue(),
                        type.getValue() == null ? InstitutionType.OTHER : type.getValue(),
                        country.getValue(),
                        address.getValue(),
                        email.getValue(),
                        contacts.getValue(),
                        language.getValue() == null ? "en" : language.getValue(),
                        notes.getValue()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notifications.success(getTranslation("letters.institution.saved"));
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            } catch (ConcurrentChange stale) {
                Notifications.error(getTranslation("letters.stale"));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL)
                .resetFocusOnActiveElement();
        save.setVisible(coordinator);
        List.of(name, country, address, email, contacts, notes).forEach(f -> f.setReadOnly(!coordinator));
        type.setReadOnly(!coordinator);
        language.setReadOnly(!coordinator);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.institutions");
    }
}
