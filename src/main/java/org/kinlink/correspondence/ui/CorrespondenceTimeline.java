package org.kinlink.correspondence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kinlink.InvalidInput;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseRef;
import org.kinlink.cases.PartyView;
import org.kinlink.correspondence.Channel;
import org.kinlink.correspondence.CorrespondenceLog;
import org.kinlink.correspondence.Direction;
import org.kinlink.correspondence.EntryView;
import org.kinlink.correspondence.TimelineContributor;
import org.kinlink.correspondence.TimelineFilter;
import org.kinlink.correspondence.TimelineItem;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Notifications;

/**
 * The case's contacts, newest first, filterable by channel and direction. "Log a call" (Alt+L)
 * opens a dialog ready to type into; corrections keep the earlier versions visible.
 */
class CorrespondenceTimeline extends VerticalLayout {

    private final CorrespondenceLog log;
    private final FileStore files;
    private final String reference;
    private final List<PartyView> parties;
    private final Map<Long, String> partyNames;
    final MultiSelectComboBox<Channel> channels = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Direction> directions = new MultiSelectComboBox<>();
    final VerticalLayout entries = new VerticalLayout();
    final Button logCall = new Button();
    /** Sensitive entries revealed in this view (only here, never kept beyond it). */
    private final Map<String, EntryView> revealed = new java.util.HashMap<>();

    /** Attachments of the shown entries, by entry key (loaded with the timeline). */
    private Map<String, List<StoredFile>> attachments = Map.of();
    /** The reasons given for the reveals in this view: a sensitive entry's attachments need one too. */
    private final Map<String, String> revealReasons = new java.util.HashMap<>();

    /** Items of other modules (letters) merged into the timeline by time. */
    private final List<TimelineContributor> contributors;

    private final CaseRef caseRef;

    CorrespondenceTimeline(
            CorrespondenceLog log, FileStore files, CaseDetails details, List<TimelineContributor> contributors) {
        this.log = log;
        this.files = files;
        this.contributors = contributors;
        this.caseRef = new CaseRef(details.id(), details.reference(), details.teamId());
        this.reference = details.reference();
        this.parties = details.parties();
        this.partyNames = parties.stream().collect(Collectors.toMap(PartyView::partyId, PartyView::name));
        setPadding(false);
        logCall.setText(getTranslation("correspondence.log-call"));
        logCall.setIcon(VaadinIcon.PHONE.create());
        logCall.addThemeVariants(ButtonVariant.PRIMARY);
        logCall.addClickShortcut(Key.KEY_L, KeyModifier.ALT);
        logCall.setTooltipText(getTranslation("correspondence.log-call.shortcut"));
        logCall.addClickListener(click -> openNew(Channel.PHONE));
        var logOther = new Button(getTranslation("correspondence.log-other"), click -> openNew(Channel.EMAIL));
        channels.setLabel(getTranslation("correspondence.channel"));
        channels.setItems(Channel.values());
        channels.setItemLabelGenerator(c -> getTranslation("correspondence.channel." + c.name()));
        directions.setLabel(getTranslation("correspondence.direction"));
        directions.setItems(Direction.values());
        directions.setItemLabelGenerator(d -> getTranslation("correspondence.direction." + d.name()));
        channels.addValueChangeListener(change -> refresh());
        directions.addValueChangeListener(change -> refresh());
        var toolbar = new HorizontalLayout(logCall, logOther, channels, directions);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        entries.setPadding(false);
        add(toolbar, entries);
        refresh();
    }

    void refresh() {
        List<EntryView> found = log.timeline(
                reference, new TimelineFilter(Set.copyOf(channels.getValue()), Set.copyOf(directions.getValue())));
        attachments = log.attachments(reference);
        entries.removeAll();
        List<TimelineItem> contributed = channels.isEmpty()
                        || channels.getValue().contains(Channel.LETTER)
                ? contributors.stream()
                        .flatMap(c -> c.itemsOf(caseRef).stream())
                        .sorted(java.util.Comparator.comparing(TimelineItem::at).reversed())
                        .toList()
                : List.of();
        int next = 0;
        if (found.isEmpty() && contributed.isEmpty()) {
            entries.add(new Paragraph(getTranslation(
                    channels.isEmpty() && directions.isEmpty()
                            ? "correspondence.empty"
                            : "correspondence.none-match")));
        }
        List<EntryView> shownEntries = found.stream()
                .map(entry -> {
                    EntryView shown = revealed.get(entry.entryKey());
                    return shown != null && shown.revision() == entry.revision() ? shown : entry;
                })
                .toList();
        for (EntryView entry : shownEntries) {
            while (next < contributed.size() && contributed.get(next).at().isAfter(entry.occurredAt())) {
                entries.add(card(contributed.get(next++)));
            }
            entries.add(card(entry));
        }
        contributed.subList(next, contributed.size()).forEach(item -> entries.add(card(item)));
    }

    private Component card(TimelineItem item) {
        var card = new Div();
        card.addClassName("kl-card");
        card.addClassName("kl-entry");
        var meta = new Span(Dates.dateTime(item.at(), ZoneId.systemDefault(), getLocale()) + " · "
                + getTranslation(item.kindKey()));
        meta.addClassName("kl-cell-sub");
        var title = item.route() == null
                ? new Span(item.title())
                : new com.vaadin.flow.component.html.Anchor(item.route(), item.title());
        title.addClassName("kl-cell-main");
        card.add(meta, title);
        if (item.warning()) {
            card.addClassName("kl-warning");
        }
        if (item.summary() != null) {
            card.add(new Paragraph(item.summary()));
        }
        return card;
    }

    private void openNew(Channel channel) {
        new EntryDialog(
                        "correspondence.new",
                        parties,
                        null,
                        channel,
                        files,
                        (form, reason, attached) -> log.log(reference, form, attached),
                        saved -> {
                            refresh();
                            Notifications.success(getTranslation("correspondence.logged"));
                        },
                        this::stale)
                .open();
    }

    private Component card(EntryView entry) {
        var card = new Div();
        card.addClassName("kl-card");
        card.addClassName("kl-entry");
        String with = entry.counterpartPartyId() != null
                ? partyNames.getOrDefault(entry.counterpartPartyId(), "?")
                : entry.counterpartText() == null ? "" : entry.counterpartText();
        var meta = new Span(Dates.dateTime(entry.occurredAt(), ZoneId.systemDefault(), getLocale()) + " · "
                + getTranslation("correspondence.channel." + entry.channel().name()) + " · "
                + getTranslation("correspondence.direction." + entry.direction().name())
                + (with.isEmpty() ? "" : " · " + with));
        meta.addClassName("kl-cell-sub");
        var subject = new Span(entry.subject());
        subject.addClassName("kl-cell-main");
        card.add(meta, subject);
        if (entry.summaryMasked()) {
            var masked = new Span(getTranslation("correspondence.sensitive-hidden"));
            masked.addClassName("kl-muted");
            var show = new Button(getTranslation("correspondence.reveal"), click -> reveal(entry));
            show.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            card.add(new HorizontalLayout(masked, show));
        } else if (entry.summary() != null) {
            var summary = new Paragraph(entry.summary());
            summary.addClassName("kl-entry-summary");
            card.add(summary);
        }
        List<StoredFile> attached = attachments.getOrDefault(entry.entryKey(), List.of());
        if (!attached.isEmpty()) {
            card.add(EntryAttachments.of(
                    attached,
                    entry.sensitive() && !revealReasons.containsKey(entry.entryKey()),
                    entry.summaryMasked() ? null : () -> reveal(entry),
                    file -> log.download(reference, entry.entryKey(), file.id(), revealReasons.get(entry.entryKey()))));
        }
        var footer = new Span(getTranslation(
                        "correspondence.recorded",
                        entry.recordedBy(),
                        Dates.dateTime(entry.recordedAt(), ZoneId.systemDefault(), getLocale()))
                + (entry.corrected()
                        ? " · " + getTranslation("correspondence.corrected", entry.correctionReason())
                        : ""));
        footer.addClassName("kl-cell-sub");
        var correct = new Button(getTranslation("correspondence.correct"), click -> correct(entry));
        correct.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        var actions = new HorizontalLayout(footer, correct);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (entry.corrected()) {
            var history = new Button(getTranslation("correspondence.history"), click -> history(entry));
            history.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            actions.add(history);
        }
        card.add(actions);
        return card;
    }

    private void correct(EntryView entry) {
        EntryView shown = entry;
        if (entry.summaryMasked()) {
            Notifications.error(getTranslation("correspondence.reveal-first"));
            return;
        }
        new EntryDialog(
                        "correspondence.correct.title",
                        parties,
                        shown,
                        shown.channel(),
                        files,
                        (form, reason, attached) -> log.correct(
                                reference,
                                shown.entryKey(),
                                shown.revision(),
                                form,
                                reason == null ? "" : reason,
                                attached),
                        saved -> {
                            revealed.remove(shown.entryKey());
                            revealReasons.remove(shown.entryKey());
                            refresh();
                            Notifications.success(getTranslation("correspondence.corrected-saved"));
                        },
                        this::stale)
                .open();
    }

    private void reveal(EntryView entry) {
        var dialog = new Dialog(getTranslation("correspondence.reveal.title"));
        var reason = new TextArea(getTranslation("correspondence.reveal.reason"));
        reason.setWidthFull();
        var confirm = new Button(getTranslation("correspondence.reveal"), click -> {
            try {
                revealed.put(
                        entry.entryKey(), log.reveal(reference, entry.entryKey(), entry.revision(), reason.getValue()));
                revealReasons.put(entry.entryKey(), reason.getValue());
                dialog.close();
                refresh();
            } catch (InvalidInput invalid) {
                reason.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
                reason.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new Paragraph(getTranslation("correspondence.reveal.text")), reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
        reason.focus();
    }

    private void history(EntryView entry) {
        var dialog = new Dialog(getTranslation("correspondence.history.title", entry.subject()));
        dialog.setWidth("min(44rem, 95vw)");
        var list = new VerticalLayout();
        for (EntryView revision : log.revisions(reference, entry.entryKey())) {
            var line = new Div();
            line.addClassName("kl-card");
            line.add(new Span(getTranslation(
                    "correspondence.revision",
                    revision.revision(),
                    revision.recordedBy(),
                    Dates.dateTime(revision.recordedAt(), ZoneId.systemDefault(), getLocale()))));
            if (revision.correctionReason() != null) {
                line.add(new Paragraph(getTranslation("correspondence.corrected", revision.correctionReason())));
            }
            line.add(new Paragraph(revision.subject()));
            if (!revision.summaryMasked() && revision.summary() != null) {
                line.add(new Paragraph(revision.summary()));
            }
            list.add(line);
        }
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        dialog.open();
    }

    private void stale() {
        Notifications.error(getTranslation("correspondence.stale"));
        refresh();
    }
}
