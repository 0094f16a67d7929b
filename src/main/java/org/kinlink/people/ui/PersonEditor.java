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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.access.SensitiveFieldClass;
import org.kinlink.people.DocumentType;
import org.kinlink.people.NameVariant;
import org.kinlink.people.NameVariantKind;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonNames;
import org.kinlink.people.SensitiveValue;
import org.kinlink.people.Sex;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;

/**
 * The fields of a person, in the order a caseworker asks for them on a call: names (Latin and
 * native script, native fields right-to-left), then details. Reads into a {@link PersonForm};
 * shows a service's refusal next to the field it names, keeping every value entered. Masked
 * fields show "••••••", read-only, with a "Reveal" action where the caller may reveal them; the
 * form then keeps their stored values unless they were revealed in this editor.
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
    static final String MASK = "••••••";
    final Map<SensitiveFieldClass, Button> revealButtons = new EnumMap<>(SensitiveFieldClass.class);
    private final Set<SensitiveFieldClass> masked = EnumSet.noneOf(SensitiveFieldClass.class);
    private final Button addDocument = new Button();
    private final Div maskedDocuments = new Div();
    private Consumer<SensitiveFieldClass> onReveal = fieldClass -> {};

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
        Dates.showSolarHijri(birthDate, getLocale());
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
        addDocument.setText(getTranslation("person.document.add"));
        addDocument.addClickListener(click -> addDocumentRow(null, "", null));
        addDocument.addThemeVariants(ButtonVariant.TERTIARY);
        for (SensitiveFieldClass fieldClass : SensitiveFieldClass.values()) {
            var reveal = new Button(
                    getTranslation("person.reveal." + fieldClass.name()), click -> onReveal.accept(fieldClass));
            reveal.addThemeVariants(ButtonVariant.TERTIARY);
            reveal.setVisible(false);
            revealButtons.put(fieldClass, reveal);
        }
        maskedDocuments.setText(MASK);
        maskedDocuments.setVisible(false);
        fieldsByName.put("documents", new DocumentsValidation());
        add(
                section("person.section.names"),
                names,
                otherNames,
                section("person.section.details"),
                details,
                revealButtons.get(SensitiveFieldClass.BIRTH),
                section("person.section.contact"),
                sensitive,
                new HorizontalLayout(
                        revealButtons.get(SensitiveFieldClass.CONTACT),
                        revealButtons.get(SensitiveFieldClass.LOCATION)),
                section("person.section.documents"),
                documents,
                maskedDocuments,
                addDocument,
                revealButtons.get(SensitiveFieldClass.IDENTITY),
                section("person.section.notes"),
                notes,
                revealButtons.get(SensitiveFieldClass.NOTES));
        notes.setWidthFull();
    }

    /** What is in the fields now. */
    public PersonForm read() {
        var variants = new ArrayList<NameVariant>();
        lines(spellings.getValue()).forEach(line -> variants.add(new NameVariant(NameVariantKind.SPELLING, line)));
        lines(aliases.getValue()).forEach(line -> variants.add(new NameVariant(NameVariantKind.ALIAS, line)));
        boolean birthMasked = masked.contains(SensitiveFieldClass.BIRTH);
        boolean locationMasked = masked.contains(SensitiveFieldClass.LOCATION);
        boolean contactMasked = masked.contains(SensitiveFieldClass.CONTACT);
        boolean identityMasked = masked.contains(SensitiveFieldClass.IDENTITY);
        boolean notesMasked = masked.contains(SensitiveFieldClass.NOTES);
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
                birthMasked ? null : birthDate.getValue(),
                birthMasked ? null : birthYear.getValue(),
                placeOfBirth.getValue(),
                nationality.getValue(),
                locationMasked ? null : lastKnownLocation.getValue(),
                contactMasked ? null : phone.getValue(),
                contactMasked ? null : email.getValue(),
                contactMasked ? null : postalAddress.getValue(),
                contactMasked ? null : messagingHandle.getValue(),
                identityMasked
                        ? List.of()
                        : documentRows.stream()
                                .filter(row -> !row.number.getValue().isBlank())
                                .map(row -> new PersonForm.DocumentEntry(
                                        row.type.getValue() == null ? DocumentType.OTHER : row.type.getValue(),
                                        row.number.getValue(),
                                        row.country.getValue()))
                                .toList(),
                notesMasked ? null : notes.getValue(),
                EnumSet.copyOf(masked.isEmpty() ? EnumSet.noneOf(SensitiveFieldClass.class) : masked));
    }

    /** What to do when the user asks to reveal a masked class (the view asks for a reason). */
    public void onReveal(Consumer<SensitiveFieldClass> action) {
        this.onReveal = action;
    }

    /** The classes shown masked now. */
    public Set<SensitiveFieldClass> maskedClasses() {
        return EnumSet.copyOf(masked.isEmpty() ? EnumSet.noneOf(SensitiveFieldClass.class) : masked);
    }

    /**
     * Shows the revealed values of one class (from a person returned by a reveal), editable, in
     * this editor only; the other fields keep what the user entered.
     */
    public void reveal(SensitiveFieldClass fieldClass, PersonDetails person) {
        masked.remove(fieldClass);
        unmask(fieldClass);
        switch (fieldClass) {
            case BIRTH -> fillBirth(person);
            case LOCATION -> lastKnownLocation.setValue(value(person.lastKnownLocation()));
            case CONTACT -> {
                phone.setValue(value(person.phone()));
                email.setValue(value(person.email()));
                postalAddress.setValue(value(person.postalAddress()));
                messagingHandle.setValue(value(person.messagingHandle()));
            }
            case IDENTITY -> {
                documents.removeAll();
                documentRows.clear();
                person.documents().forEach(d -> addDocumentRow(d.type(), value(d.number()), d.issuingCountry()));
            }
            case NOTES -> notes.setValue(value(person.notes()));
        }
    }

    private void mask(SensitiveFieldClass fieldClass, boolean revealable) {
        masked.add(fieldClass);
        revealButtons.get(fieldClass).setVisible(revealable);
        switch (fieldClass) {
            case BIRTH -> {
                birthDate.clear();
                birthYear.clear();
                birthDate.setPlaceholder(MASK);
                birthYear.setPlaceholder(MASK);
                birthDate.setReadOnly(true);
                birthYear.setReadOnly(true);
            }
            case LOCATION -> maskField(lastKnownLocation);
            case CONTACT -> {
                maskField(phone);
                maskField(email);
                maskField(postalAddress);
                maskField(messagingHandle);
            }
            case IDENTITY -> {
                documents.removeAll();
                documentRows.clear();
                documents.setVisible(false);
                maskedDocuments.setVisible(true);
                addDocument.setVisible(false);
            }
            case NOTES -> maskField(notes);
        }
    }

    private void unmask(SensitiveFieldClass fieldClass) {
        revealButtons.get(fieldClass).setVisible(false);
        switch (fieldClass) {
            case BIRTH -> {
                birthDate.setPlaceholder("");
                birthYear.setPlaceholder("");
                birthDate.setReadOnly(false);
                birthYear.setReadOnly(false);
            }
            case LOCATION -> unmaskField(lastKnownLocation);
            case CONTACT -> {
                unmaskField(phone);
                unmaskField(email);
                unmaskField(postalAddress);
                unmaskField(messagingHandle);
            }
            case IDENTITY -> {
                documents.setVisible(true);
                maskedDocuments.setVisible(false);
                addDocument.setVisible(true);
            }
            case NOTES -> unmaskField(notes);
        }
    }

    private static void maskField(TextField field) {
        field.setValue(MASK);
        field.setReadOnly(true);
    }

    private static void maskField(TextArea field) {
        field.setValue(MASK);
        field.setReadOnly(true);
    }

    private static void maskField(EmailField field) {
        field.setValue(MASK);
        field.setReadOnly(true);
    }

    private static void unmaskField(TextField field) {
        field.setReadOnly(false);
        field.clear();
    }

    private static void unmaskField(TextArea field) {
        field.setReadOnly(false);
        field.clear();
    }

    private static void unmaskField(EmailField field) {
        field.setReadOnly(false);
        field.clear();
    }

    private void fillBirth(PersonDetails person) {
        String birth = value(person.birthDate());
        birthDate.clear();
        birthYear.clear();
        if (birth.length() == 10) {
            birthDate.setValue(java.time.LocalDate.parse(birth));
        } else if (birth.length() == 4) {
            birthYear.setValue(Integer.valueOf(birth));
        }
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
        for (SensitiveFieldClass fieldClass : SensitiveFieldClass.values()) {
            if (masked.remove(fieldClass)) {
                unmask(fieldClass);
            }
        }
        fillBirth(person);
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
        maskWhatIsMasked(person);
    }

    private void maskWhatIsMasked(PersonDetails person) {
        var maskedNow = EnumSet.noneOf(SensitiveFieldClass.class);
        if (person.birthDate().masked()) {
            maskedNow.add(SensitiveFieldClass.BIRTH);
        }
        if (person.lastKnownLocation().masked()) {
            maskedNow.add(SensitiveFieldClass.LOCATION);
        }
        if (person.phone().masked()
                || person.email().masked()
                || person.postalAddress().masked()
                || person.messagingHandle().masked()) {
            maskedNow.add(SensitiveFieldClass.CONTACT);
        }
        if (person.documents().stream().anyMatch(d -> d.number().masked())) {
            maskedNow.add(SensitiveFieldClass.IDENTITY);
        }
        if (person.notes().masked()) {
            maskedNow.add(SensitiveFieldClass.NOTES);
        }
        maskedNow.forEach(fieldClass -> mask(fieldClass, person.revealable().contains(fieldClass)));
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
