package org.kinlink.letters.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.cases.CaseFacts;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseListItem;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseSort;
import org.kinlink.documents.FilledTemplate;
import org.kinlink.documents.LetterTemplates;
import org.kinlink.documents.TemplateSummary;
import org.kinlink.letters.DataCategory;
import org.kinlink.letters.Disclosed;
import org.kinlink.letters.InstitutionSummary;
import org.kinlink.letters.Institutions;
import org.kinlink.letters.LegalBasis;
import org.kinlink.letters.LetterChannel;
import org.kinlink.letters.LetterDraft;
import org.kinlink.letters.Letters;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;

/**
 * Drafts a letter: the institution, the cases, optionally a template that fills subject and body
 * (which stay editable). The disclosure register is prefilled with the names of the cases' parties
 * on the basis of legitimate interest; contact details or whereabouts are never prefilled (D6).
 */
class NewLetterDialog extends Dialog {

    final ComboBox<InstitutionSummary> institution = new ComboBox<>();
    final MultiSelectComboBox<CaseListItem> cases = new MultiSelectComboBox<>();
    final ComboBox<TemplateSummary> template = new ComboBox<>();
    final ComboBox<String> language = new ComboBox<>();
    final ComboBox<LetterChannel> channel = new ComboBox<>();
    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final Button fill = new Button();
    final Button create = new Button();
    final Grid<RegisterRow> register = new Grid<>();
    final List<RegisterRow> rows = new ArrayList<>();

    /** One line of the register being drafted; the service checks every line again (D6). */
    static final class RegisterRow {
        final String caseReference;
        final CaseFacts.Party party;
        DataCategory category;
        LegalBasis basis;

        RegisterRow(String caseReference, CaseFacts.Party party, DataCategory category, LegalBasis basis) {
            this.caseReference = caseReference;
            this.party = party;
            this.category = category;
            this.basis = basis;
        }
    }

    NewLetterDialog(
            Letters letters,
            Institutions institutions,
            CaseService caseService,
            LetterTemplates templates,
            Consumer<String> opened) {
        setHeaderTitle(getTranslation("letters.new"));
        setWidth("min(60rem, 95vw)");
        institution.setLabel(getTranslation("letters.institution"));
        institution.setItems(
                query -> institutions.list(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        institution.setItemLabelGenerator(InstitutionSummary::name);
        institution.addValueChangeListener(change -> {
            if (change.getValue() != null && !"other".equals(change.getValue().preferredLanguage())) {
                language.setValue(change.getValue().preferredLanguage());
            }
        });
        cases.setLabel(getTranslation("letters.cases"));
        cases.setItems(query -> caseService
                .list(
                        new CaseFilter(
                                java.util.Set.of(),
                                null,
                                null,
                                java.util.Set.of(),
                                query.getFilter().orElse(null)),
                        CaseSort.REFERENCE,
                        query.getOffset(),
                        query.getLimit())
                .stream());
        cases.setItemLabelGenerator(c -> c.reference() + " · " + c.title());
        template.setLabel(getTranslation("letters.template"));
        template.setItems(templates.list(null));
        template.setItemLabelGenerator(t -> t.name() + " (" + t.language() + ")");
        template.setClearButtonVisible(true);
        language.setLabel(getTranslation("letters.language"));
        language.setItems("en", "fa");
        language.setItemLabelGenerator(l -> getTranslation("letters.language." + l));
        language.setValue("en");
        channel.setLabel(getTranslation("letters.channel"));
        channel.setItems(LetterChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation("letters.channel." + c.name()));
        channel.setValue(LetterChannel.POST);
        subject.setLabel(getTranslation("letters.subject"));
        body.setLabel(getTranslation("letters.body"));
        body.setMinHeight("12rem");
        fill.setText(getTranslation("letters.fill-from-template"));
        var fields = Map.of(
                "institution", institution, "cases", cases, "language", language, "subject", subject, "body", body);
        fill.addClickListener(click -> {
            Forms.clearErrors(fields);
            if (template.getValue() == null
                    || institution.getValue() == null
                    || cases.getValue().isEmpty()) {
                Notifications.error(getTranslation("letters.fill-needs-choice"));
                return;
            }
            try {
                FilledTemplate filled = letters.fillTemplate(
                        template.getValue().id(), institution.getValue().id(), references());
                subject.setValue(filled.subject());
                body.setValue(filled.body());
                language.setValue(template.getValue().language());
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            }
        });
        var form = new FormLayout(institution, cases, template, fill, language, channel, subject, body);
        form.setColspan(subject, 2);
        form.setColspan(body, 2);
        register.addColumn(r -> r.caseReference)
                .setHeader(getTranslation("letters.case"))
                .setAutoWidth(true);
        register.addColumn(r -> r.party.name() + " · "
                        + getTranslation("party.role." + r.party.role().name()))
                .setHeader(getTranslation("letters.register.person"))
                .setFlexGrow(3);
        register.addComponentColumn(r -> {
                    var category = new Select<DataCategory>();
                    category.setItems(DataCategory.values());
                    category.setItemLabelGenerator(c -> getTranslation("letters.category." + c.name()));
                    category.setValue(r.category);
                    category.setAriaLabel(getTranslation("letters.register.category"));
                    category.setWidth("11rem");
                    category.addValueChangeListener(change -> r.category = change.getValue());
                    return category;
                })
                .setHeader(getTranslation("letters.register.category"));
        register.addComponentColumn(r -> {
                    var basis = new Select<LegalBasis>();
                    basis.setItems(LegalBasis.values());
                    basis.setItemLabelGenerator(b -> getTranslation("letters.basis." + b.name()));
                    basis.setValue(r.basis);
                    basis.setAriaLabel(getTranslation("letters.register.basis"));
                    basis.setWidth("12rem");
                    basis.addValueChangeListener(change -> r.basis = change.getValue());
                    return basis;
                })
                .setHeader(getTranslation("letters.register.basis"));
        register.addComponentColumn(r -> {
                    var more = new Button(getTranslation("letters.register.add-line"), click -> {
                        rows.add(
                                rows.indexOf(r) + 1,
                                new RegisterRow(
                                        r.caseReference,
                                        r.party,
                                        DataCategory.RELATIONSHIP,
                                        LegalBasis.LEGITIMATE_INTEREST));
                        register.setItems(rows);
                    });
                    more.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                    var remove = new Button(getTranslation("letters.register.remove"), click -> {
                        rows.remove(r);
                        register.setItems(rows);
                    });
                    remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                    return new com.vaadin.flow.component.orderedlayout.HorizontalLayout(more, remove);
                })
                .setAutoWidth(true);
        register.setAllRowsVisible(true);
        register.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.WRAP_CELL_CONTENT);
        register.setEmptyStateText(getTranslation("letters.register.choose-cases"));
        cases.addValueChangeListener(change -> prefill(caseService));
        add(form, new Paragraph(getTranslation("letters.register.prefilled")), register);
        create.setText(getTranslation("letters.create-draft"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> {
            Forms.clearErrors(fields);
            if (institution.getValue() == null) {
                institution.setErrorMessage(getTranslation("letters.institution-required"));
                institution.setInvalid(true);
                return;
            }
            try {
                List<String> refs = references();
                List<Disclosed> lines = rows.stream()
                        .map(r -> new Disclosed(r.caseReference, r.party.personId(), r.category, r.basis))
                        .toList();
                String reference = letters.draft(new LetterDraft(
                        institution.getValue().id(),
                        refs,
                        language.getValue() == null ? "en" : language.getValue(),
                        channel.getValue() == null ? LetterChannel.POST : channel.getValue(),
                        subject.getValue(),
                        body.getValue(),
                        null,
                        lines));
                close();
                Notifications.success(getTranslation("letters.drafted", reference));
                opened.accept(reference);
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            } catch (RecordNotFound notFound) {
                Notifications.error(getTranslation("letters.case-not-found"));
            }
        });
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER)
                .listenOn(subject)
                .resetFocusOnActiveElement();
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), create);
    }

    /** The names of every party of the chosen cases, on the basis of legitimate interest. */
    private void prefill(CaseService caseService) {
        rows.clear();
        List<String> refs = references();
        if (!refs.isEmpty()) {
            try {
                for (CaseFacts facts : caseService.letterFacts(refs)) {
                    facts.parties()
                            .forEach(p -> rows.add(new RegisterRow(
                                    facts.reference(), p, DataCategory.NAME, LegalBasis.LEGITIMATE_INTEREST)));
                }
            } catch (RecordNotFound notFound) {
                Notifications.error(getTranslation("letters.case-not-found"));
            }
        }
        register.setItems(rows);
    }

    private List<String> references() {
        return cases.getValue().stream().map(CaseListItem::reference).sorted().toList();
    }
}
