package org.kinlink.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.ConsentView;
import org.kinlink.cases.DisclosureDecision;
import org.kinlink.cases.DisclosureKind;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.PartyView;
import org.kinlink.cases.TracingConsent;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;

/** Dialogs that record consent, decisions and what was passed on; each asks when and how. */
final class ConsentDialogs {

    private ConsentDialogs() {}

    static Dialog tracingConsent(
            CaseService cases, CaseDetails details, ConsentView consent, Consumer<CaseDetails> done, Runnable stale) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("consent.tracing.record", consent.soughtName()));
        var decision = new Select<TracingConsent>();
        decision.setLabel(dialog.getTranslation("consent.tracing"));
        decision.setItems(TracingConsent.GIVEN, TracingConsent.WITHDRAWN);
        decision.setItemLabelGenerator(d -> dialog.getTranslation("consent.tracing." + d.name()));
        decision.setValue(TracingConsent.GIVEN);
        return decisionDialog(
                dialog,
                decision,
                (on, how) -> cases.recordTracingConsent(
                        details.reference(), consent.soughtPartyId(), consent.version(), decision.getValue(), on, how),
                done,
                stale);
    }

    static Dialog disclosureDecision(
            CaseService cases, CaseDetails details, ConsentView consent, Consumer<CaseDetails> done, Runnable stale) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("consent.disclosure.record", consent.soughtName()));
        var decision = new Select<DisclosureDecision>();
        decision.setLabel(dialog.getTranslation("consent.disclosure"));
        decision.setItems(List.of(
                DisclosureDecision.ASKED,
                DisclosureDecision.AGREED_TO_CONTACT,
                DisclosureDecision.AGREED_TO_MESSAGES_ONLY,
                DisclosureDecision.REFUSED,
                DisclosureDecision.WITHDRAWN));
        decision.setItemLabelGenerator(d -> dialog.getTranslation("consent.disclosure." + d.name()));
        decision.setValue(DisclosureDecision.ASKED);
        return decisionDialog(
                dialog,
                decision,
                (on, how) -> cases.recordDisclosureDecision(
                        details.reference(), consent.soughtPartyId(), consent.version(), decision.getValue(), on, how),
                done,
                stale);
    }

    private interface Recorder {
        CaseDetails record(LocalDate on, String how);
    }

    private static Dialog decisionDialog(
            Dialog dialog, Select<?> decision, Recorder recorder, Consumer<CaseDetails> done, Runnable stale) {
        var on = new DatePicker(dialog.getTranslation("consent.decided-on"), LocalDate.now());
        Dates.showSolarHijri(on, com.vaadin.flow.component.UI.getCurrent().getLocale());
        var how = new TextArea(dialog.getTranslation("consent.how"));
        how.setHelperText(dialog.getTranslation("consent.how.help"));
        how.setRequiredIndicatorVisible(true);
        var fields = new HashMap<String, com.vaadin.flow.component.HasValidation>();
        fields.put("decision", decision);
        fields.put("decidedOn", on);
        fields.put("obtainedHow", how);
        var save = new Button(dialog.getTranslation("common.save"), click -> {
            Forms.clearErrors(fields);
            if (on.getValue() == null) {
                on.setErrorMessage(dialog.getTranslation("consent.date-required"));
                on.setInvalid(true);
                return;
            }
            try {
                done.accept(recorder.record(on.getValue(), how.getValue()));
                dialog.close();
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, dialog);
            } catch (ConcurrentChange concurrent) {
                dialog.close();
                stale.run();
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new FormLayout(decision, on, how);
        form.setColspan(how, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button(dialog.getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        return dialog;
    }

    /** Records what was passed from a sought person to an enquirer; the service enforces the decision. */
    static Dialog disclosure(CaseService cases, CaseDetails details, ConsentView consent, Consumer<CaseDetails> done) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("disclosure.record", consent.soughtName()));
        var kind = new Select<DisclosureKind>();
        kind.setLabel(dialog.getTranslation("disclosure.kind"));
        kind.setItems(DisclosureKind.values());
        kind.setItemLabelGenerator(k -> dialog.getTranslation("disclosure.kind." + k.name()));
        kind.setItemEnabledProvider(k -> k == DisclosureKind.CONTACT_DETAILS
                ? consent.disclosure().allowsContactDetails()
                : consent.disclosure().allowsMessages());
        kind.setValue(
                consent.disclosure().allowsContactDetails() ? DisclosureKind.CONTACT_DETAILS : DisclosureKind.MESSAGE);
        var enquirer = new Select<PartyView>();
        enquirer.setLabel(dialog.getTranslation("disclosure.to"));
        enquirer.setItems(details.parties().stream()
                .filter(p -> p.role() == PartyRole.ENQUIRER)
                .toList());
        enquirer.setItemLabelGenerator(PartyView::name);
        var note = new TextArea(dialog.getTranslation("disclosure.note"));
        var fields = new HashMap<String, com.vaadin.flow.component.HasValidation>();
        fields.put("kind", kind);
        fields.put("party", enquirer);
        var save = new Button(dialog.getTranslation("common.save"), click -> {
            Forms.clearErrors(fields);
            if (enquirer.getValue() == null) {
                enquirer.setErrorMessage(dialog.getTranslation("disclosure.to-required"));
                enquirer.setInvalid(true);
                return;
            }
            try {
                done.accept(cases.recordDisclosure(
                        details.reference(),
                        consent.soughtPartyId(),
                        enquirer.getValue().partyId(),
                        kind.getValue(),
                        note.getValue()));
                dialog.close();
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, dialog);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new Paragraph(dialog.getTranslation("disclosure.rule")), new FormLayout(kind, enquirer, note));
        dialog.getFooter().add(new Button(dialog.getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        return dialog;
    }
}
