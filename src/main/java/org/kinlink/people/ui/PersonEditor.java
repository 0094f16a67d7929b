package org.kinlink.people.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.people.DocumentType;
import org.kinlink.people.NameVariant;
import org.kinlink.people.NameVariantKind;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonNames;
import org.kinlink.people.SensitiveValue;
import org.kinlink.people.Sex;
import org.kinlink.ui.Forms;

/**
 * The fields of a person, in the order a caseworker asks for them on a call: names (Latin and
 * native script, native fields right-to-left), then details. Reads into a {@link PersonForm};
 * shows a service's refusal next to the field it names, keeping every value entered.
 */
public class PersonEditor extends VerticalLayout {

    final TextField givenLatin = new TextField();
    final TextField familyLatin = new TextField();
    final TextField fatherLatin = new TextField();
    final TextField givenNative = nativeField();
    final TextField familyNative = nativeField();
    final TextField fatherNative = nativeField();
    final TextArea spellings = new TextArea();
    final TextArea aliases = new TextArea();
    final Select<Sex> sex = new Select<>();
    final DatePicker birthDate = new DatePicker();
    final IntegerField birthYear = new IntegerField();
    final TextField placeOfBirth = new TextField();
    final TextField nationality = new TextField();
    final TextArea lastKnownLocation = new TextArea();
    final TextField phone = new TextField();
    final EmailField email = new EmailField();
    final TextArea postalAddress = new TextArea();
    final TextField messagingHandle = new TextField();
    final TextArea notes = new TextArea();
    private final Div documents = new Div();
    private final List<DocumentRow> documentRows = new ArrayList<>();
    private final Map<String, HasValidation> fieldsByName = new HashMap<>();

    public PersonEditor() {
        setPadding(false);
        label(givenLatin, "person.given-latin", "givenLatin");
        label(familyLatin, "person.family-latin", "familyLatin");
        label(fatherLatin, "person.father-latin", "fatherLatin");
        label(givenNative, "person.given-native", "givenNative");
        label(familyNative, "person.family-native", "familyNative");
        label(fatherNative, "person.father-native", "fatherNative");
        label(spellings, "person.spellings", "otherNames");
        spellings.setHelperText(getTranslation("person.one-per-line"));
        label(aliases, "person.aliases", "aliases");
        aliases.setHelperText(getTranslation("person.one-per-line"));
        sex.setLabel(getTranslation("person.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> getTranslation("person.sex." + s.name()));
        sex.setValue(Sex.UNKNOWN);
        label(birthDate, "person.birth-date", "birthDate");
        label(birthYear, "person.birth-year", "birthYear");
        birthYear.setHelperText(getTranslation("person.birth-year.help"));
        label(placeOfBirth, "person.place-of-birth", "placeOfBirth");
        label(nationality, "person.nationality", "nationality");
        label(lastKnownLocation, "person.last-known-location", "lastKnownLocation");
        label(phone, "person.phone", "phone");
        label(email, "person.email", "email");
        label(postalAddress, "person.postal-address", "postalAddress");
        label(messagingHandle, "person.messaging-handle", "messagingHandle");
        label(notes, "person.notes", "notes");
        notes.setHelperText(getTranslation("person.notes.help"));
        for (var field : new TextField[] {
            givenLatin, familyLatin, fatherLatin, givenNative, familyNative, fatherNative, placeOfBirth, messagingHandle
        }) {
            field.setMaxLength(200);
        }
        nationality.setMaxLength(100);
        phone.setMaxLength(30);
        email.setMaxLength(254);
        lastKnownLocation.setMaxLength(4000);
        postalAddress.setMaxLength(4000);
        notes.setMaxLength(8000);

        var names = new FormLayout(givenLatin, familyLatin, fatherLatin, givenNative, familyNative, fatherNative);
        names.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 3));
        var otherNames = new FormLayout(spellings, aliases);
        otherNames.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        var details = new FormLayout(sex, birthDate, birthYear, placeOfBirth, nationality);
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 3));
        var sensitive = new FormLayout(phone, email, messagingHandle, postalAddress, lastKnownLocation);
        sensitive.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 3));
        var addDocument = new Button(getTranslation("person.document.add"), click -> addDocumentRow(null, "", null));
        addDocument.addThemeVariants(ButtonVariant.TERTIARY);
        fieldsByName.put("documents", new DocumentsValidation());
        add(
                section("person.section.names"),
                names,
                otherNames,
                section("person.section.details"),
                details,
                section("person.section.contact"),
                sensitive,
                section("person.section.documents"),
                documents,
                addDocument,
                section("person.section.notes"),
                notes);
        notes.setWidthFull();
    }

    /** What is in the fields now. */
    public PersonForm read() {
        var variants = new ArrayList<NameVariant>();
        lines(spellings.getValue()).forEach(line -> variants.add(new NameVariant(NameVariantKind.SPELLING, line)));
        lines(aliases.getValue()).forEach(line -> variants.add(new NameVariant(NameVariantKind.ALIAS, line)));
        return new PersonForm(
                new PersonNames(
                        givenLatin.getValue(),
                        familyLatin.getValue(),
                        fatherLatin.getValue(),
                        givenNative.getValue(),
                        familyNative.getValue(),
                        fatherNative.getValue()),
                variants,
                sex.getValue() == null ? Sex.UNKNOWN : sex.getValue(),
                birthDate.getValue(),
                birthYear.getValue(),
                placeOfBirth.getValue(),
                nationality.getValue(),
                lastKnownLocation.getValue(),
                phone.getValue(),
                email.getValue(),
                postalAddress.getValue(),
                messagingHandle.getValue(),
                documentRows.stream()
                        .filter(row -> !row.number.getValue().isBlank())
                        .map(row -> new PersonForm.DocumentEntry(
                                row.type.getValue() == null ? DocumentType.OTHER : row.type.getValue(),
                                row.number.getValue(),
                                row.country.getValue()))
                        .toList(),
                notes.getValue());
    }

    /** Fills the fields from a stored person. */
    public void fill(PersonDetails person) {
        PersonNames n = person.names();
        givenLatin.setValue(orEmpty(n.givenLatin()));
        familyLatin.setValue(orEmpty(n.familyLatin()));
        fatherLatin.setValue(orEmpty(n.fatherLatin()));
        givenNative.setValue(orEmpty(n.givenNative()));
        familyNative.setValue(orEmpty(n.familyNative()));
        fatherNative.setValue(orEmpty(n.fatherNative()));
        spellings.setValue(String.join(
                "\n",
                person.otherNames().stream()
                        .filter(v -> v.kind() == NameVariantKind.SPELLING)
                        .map(NameVariant::text)
                        .toList()));
        aliases.setValue(String.join(
                "\n",
                person.otherNames().stream()
                        .filter(v -> v.kind() == NameVariantKind.ALIAS)
                        .map(NameVariant::text)
                        .toList()));
        sex.setValue(person.sex());
        String birth = value(person.birthDate());
        birthDate.clear();
        birthYear.clear();
        if (birth.length() == 10) {
            birthDate.setValue(java.time.LocalDate.parse(birth));
        } else if (birth.length() == 4) {
            birthYear.setValue(Integer.valueOf(birth));
        }
        placeOfBirth.setValue(orEmpty(person.placeOfBirth()));
        nationality.setValue(orEmpty(person.nationality()));
        lastKnownLocation.setValue(value(person.lastKnownLocation()));
        phone.setValue(value(person.phone()));
        email.setValue(value(person.email()));
        postalAddress.setValue(value(person.postalAddress()));
        messagingHandle.setValue(value(person.messagingHandle()));
        notes.setValue(value(person.notes()));
        documents.removeAll();
        documentRows.clear();
        person.documents().forEach(d -> addDocumentRow(d.type(), value(d.number()), d.issuingCountry()));
    }

    public void clearErrors() {
        Forms.clearErrors(fieldsByName);
    }

    public void showError(InvalidInput invalid) {
        Forms.show(invalid, fieldsByName, this);
    }

    public void focusFirst() {
        givenLatin.focus();
    }

    private void addDocumentRow(@Nullable DocumentType type, String number, @Nullable String country) {
        var row = new DocumentRow();
        row.type.setValue(type == null ? DocumentType.PASSPORT : type);
        row.number.setValue(number);
        row.country.setValue(country == null ? "" : country);
        documentRows.add(row);
        documents.add(row.layout);
        row.remove.addClickListener(click -> {
            documentRows.remove(row);
            documents.remove(row.layout);
        });
        row.number.focus();
    }

    private final class DocumentRow {
        final Select<DocumentType> type = new Select<>();
        final TextField number = new TextField();
        final ComboBox<String> country = new ComboBox<>();
        final Button remove = new Button(getTranslation("common.remove"));
        final HorizontalLayout layout = new HorizontalLayout(type, number, country, remove);

        DocumentRow() {
            type.setLabel(getTranslation("person.document.type"));
            type.setItems(DocumentType.values());
            type.setItemLabelGenerator(t -> getTranslation("person.document.type." + t.name()));
            number.setLabel(getTranslation("person.document.number"));
            number.setMaxLength(100);
            country.setLabel(getTranslation("person.document.country"));
            country.setAllowCustomValue(true);
            country.addCustomValueSetListener(e -> country.setValue(e.getDetail()));
            country.setItems(Arrays.stream(java.util.Locale.getISOCountries())
                    .map(code -> java.util.Locale.of("", code).getDisplayCountry(getLocale()))
                    .sorted()
                    .toList());
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            layout.setAlignItems(Alignment.BASELINE);
        }
    }

    /** Marks every document number field when the service refuses the documents. */
    private final class DocumentsValidation implements HasValidation {
        @Override
        public void setErrorMessage(@Nullable String message) {
            documentRows.forEach(row -> row.number.setErrorMessage(message));
        }

        @Override
        public @Nullable String getErrorMessage() {
            return documentRows.isEmpty() ? null : documentRows.get(0).number.getErrorMessage();
        }

        @Override
        public void setInvalid(boolean invalid) {
            documentRows.forEach(row -> row.number.setInvalid(invalid));
        }

        @Override
        public boolean isInvalid() {
            return documentRows.stream().anyMatch(row -> row.number.isInvalid());
        }
    }

    private <T extends Component & HasValidation> void label(T field, String key, String name) {
        field.getElement().setProperty("label", getTranslation(key));
        fieldsByName.put(name, field);
    }

    private Component section(String key) {
        var heading = new H4(getTranslation(key));
        heading.addClassName("kl-section");
        return heading;
    }

    private static TextField nativeField() {
        var field = new TextField();
        field.getElement().setAttribute("dir", "rtl");
        field.getElement().setAttribute("lang", "fa");
        return field;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String value(SensitiveValue value) {
        return value.value() == null ? "" : value.value();
    }
}
