package org.kinlink.correspondence.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.cases.PartyView;
import org.kinlink.correspondence.Channel;
import org.kinlink.correspondence.Direction;
import org.kinlink.correspondence.EntryForm;
import org.kinlink.correspondence.EntryView;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;
import org.kinlink.files.StoredFileId;
import org.kinlink.files.ui.AttachmentUpload;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;

/**
 * Logs a contact, or corrects one (then a reason is asked). Built for a call in progress: the
 * subject has the focus, the time is now, Ctrl+Enter saves.
 */
class EntryDialog extends Dialog {

    /** Saves the form (with the correction reason, or null for a new entry); returns the saved entry. */
    interface Saver {
        EntryView save(EntryForm form, @Nullable String reason, List<StoredFileId> attachments);
    }

    final DateTimePicker when = new DateTimePicker();
    final Select<Channel> channel = new Select<>();
    final Select<Direction> direction = new Select<>();
    final ComboBox<PartyView> party = new ComboBox<>();
    final TextField other = new TextField();
    final TextField subject = new TextField();
    final TextArea summary = new TextArea();
    final Checkbox sensitive = new Checkbox();
    final TextArea reason = new TextArea();
    final Button save = new Button();
    /** Files to attach with the entry or its correction. */
    final @Nullable AttachmentUpload attachments;

    private final Map<String, HasValidation> fields = new HashMap<>();

    EntryDialog(
            String titleKey,
            List<PartyView> parties,
            @Nullable EntryView existing,
            Channel defaultChannel,
            @Nullable FileStore fileStore,
            Saver saver,
            Consumer<EntryView> done,
            Runnable stale) {
        setHeaderTitle(getTranslation(titleKey));
        setWidth("min(44rem, 95vw)");
        when.setLabel(getTranslation("correspondence.when"));
        when.setValue(LocalDateTime.now());
        Dates.showSolarHijri(when, getLocale());
        channel.setLabel(getTranslation("correspondence.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation("correspondence.channel." + c.name()));
        channel.setValue(defaultChannel);
        direction.setLabel(getTranslation("correspondence.direction"));
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(d -> getTranslation("correspondence.direction." + d.name()));
        direction.setValue(Direction.INCOMING);
        party.setLabel(getTranslation("correspondence.with-party"));
        party.setItems(parties);
        party.setItemLabelGenerator(PartyView::name);
        party.setClearButtonVisible(true);
        other.setLabel(getTranslation("correspondence.with-other"));
        other.setMaxLength(200);
        subject.setLabel(getTranslation("correspondence.subject"));
        subject.setMaxLength(200);
        subject.setRequiredIndicatorVisible(true);
        summary.setLabel(getTranslation("correspondence.summary"));
        summary.setMaxLength(20_000);
        summary.setMinHeight("8rem");
        sensitive.setLabel(getTranslation("correspondence.sensitive"));
        reason.setLabel(getTranslation("correspondence.correction-reason"));
        reason.setVisible(existing != null);
        reason.setMaxLength(500);
        attachments = fileStore != null ? new AttachmentUpload(fileStore) : null;
        if (existing != null) {
            when.setValue(LocalDateTime.ofInstant(existing.occurredAt(), ZoneId.systemDefault()));
            channel.setValue(existing.channel());
            direction.setValue(existing.direction());
            parties.stream()
                    .filter(p -> existing.counterpartPartyId() != null && p.partyId() == existing.counterpartPartyId())
                    .findFirst()
                    .ifPresent(party::setValue);
            other.setValue(existing.counterpartText() == null ? "" : existing.counterpartText());
            subject.setValue(existing.subject());
            summary.setValue(existing.summary() == null ? "" : existing.summary());
            sensitive.setValue(existing.sensitive());
        }
        fields.put("occurredAt", when);
        fields.put("subject", subject);
        fields.put("summary", summary);
        fields.put("counterpartText", other);
        fields.put("reason", reason);
        if (attachments != null) {
            fields.put("file", attachments);
        }
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        // blur the focused field first, so that its value reaches the server before the save
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).resetFocusOnActiveElement();
        save.addClickListener(click -> {
            Forms.clearErrors(fields);
            if (when.getValue() == null) {
                when.setErrorMessage(getTranslation("correspondence.when-required"));
                when.setInvalid(true);
                return;
            }
            if (attachments != null && attachments.isUploading()) {
                attachments.setErrorMessage(getTranslation("files.still-uploading"));
                attachments.setInvalid(true);
                return;
            }
            var form = new EntryForm(
                    when.getValue().atZone(ZoneId.systemDefault()).toInstant(),
                    channel.getValue(),
                    direction.getValue(),
                    party.getValue() == null ? null : party.getValue().partyId(),
                    other.getValue(),
                    subject.getValue(),
                    summary.getValue(),
                    sensitive.getValue());
            try {
                EntryView saved = saver.save(
                        form,
                        existing == null ? null : reason.getValue(),
                        attachments == null
                                ? List.of()
                                : attachments.files().stream()
                                        .map(StoredFile::id)
                                        .toList());
                close();
                done.accept(saved);
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            } catch (ConcurrentChange concurrent) {
                // keep what was typed on screen; the timeline offers to reload
                stale.run();
            }
        });
        var form = new FormLayout(when, channel, direction, party, other, subject, summary, sensitive, reason);
        when.setWidthFull();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        form.setColspan(when, 2);
        form.setColspan(party, 1);
        form.setColspan(other, 1);
        form.setColspan(subject, 3);
        form.setColspan(summary, 3);
        form.setColspan(sensitive, 3);
        form.setColspan(reason, 3);
        if (attachments != null) {
            form.add(attachments, 3);
        }
        add(form);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
        subject.focus();
    }
}
