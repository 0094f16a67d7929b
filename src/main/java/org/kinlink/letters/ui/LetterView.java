package org.kinlink.letters.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;
import org.kinlink.files.ui.AttachmentUpload;
import org.kinlink.files.ui.FileDownloads;
import org.kinlink.letters.Disclosed;
import org.kinlink.letters.LetterDetails;
import org.kinlink.letters.LetterDraft;
import org.kinlink.letters.LetterHistoryEntry;
import org.kinlink.letters.LetterStatus;
import org.kinlink.letters.Letters;
import org.kinlink.letters.RegisterLine;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;

/**
 * One letter: what it says, to whom, about which cases, its workflow buttons, its PDF and the
 * answer's attachment, its history and its disclosure register. Opening it is recorded (L1).
 */
@Route("letters/:reference")
@RolesAllowed({Roles.COORDINATOR, Roles.CASEWORKER})
class LetterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Letters letters;
    private final FileStore files;
    final H2 title = new H2();
    final Div facts = new Div();
    final HorizontalLayout actions = new HorizontalLayout();
    final TabSheet tabs = new TabSheet();
    final Grid<RegisterLine> register = new Grid<>();
    final Grid<LetterHistoryEntry> history = new Grid<>();
    private @Nullable LetterDetails details;

    LetterView(Letters letters, FileStore files) {
        this.letters = letters;
        this.files = files;
        setSizeFull();
        actions.setWrap(true);
        register.addColumn(RegisterLine::caseReference)
                .setHeader(getTranslation("letters.case"))
                .setAutoWidth(true);
        register.addColumn(RegisterLine::personName)
                .setHeader(getTranslation("letters.register.person"))
                .setFlexGrow(2);
        register.addColumn(l -> getTranslation("party.role." + l.role().name()))
                .setHeader(getTranslation("party.role"))
                .setAutoWidth(true);
        register.addColumn(
                        l -> getTranslation("letters.category." + l.category().name()))
                .setHeader(getTranslation("letters.register.category"))
                .setAutoWidth(true);
        register.addColumn(l -> getTranslation("letters.basis." + l.basis().name()))
                .setHeader(getTranslation("letters.register.basis"))
                .setAutoWidth(true);
        register.setAllRowsVisible(true);
        register.setEmptyStateText(getTranslation("letters.register.empty"));
        history.addColumn(h -> Dates.dateTime(h.changedAt(), ZoneId.systemDefault(), getLocale()))
                .setHeader(getTranslation("history.when"))
                .setAutoWidth(true);
        history.addColumn(h -> (h.from() == null
                                ? ""
                                : getTranslation("letters.status." + h.from().name()) + " → ")
                        + getTranslation("letters.status." + h.to().name()))
                .setHeader(getTranslation("history.change"))
                .setAutoWidth(true);
        history.addColumn(h -> h.note() == null ? "" : h.note()).setHeader(getTranslation("history.reason"));
        history.addColumn(LetterHistoryEntry::changedBy)
                .setHeader(getTranslation("history.by"))
                .setAutoWidth(true);
        history.setAllRowsVisible(true);
        tabs.setWidthFull();
        add(title, facts, actions, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String reference = event.getRouteParameters().get("reference").orElse("");
        try {
            show(letters.open(reference));
        } catch (RecordNotFound notFound) {
            removeAll();
            add(new H2(getTranslation("letters.not-found")));
        }
    }

    void show(LetterDetails letter) {
        this.details = letter;
        title.setText(letter.reference() + " · " + letter.subject());
        facts.removeAll();
        facts.add(line("letters.institution", letter.institution().name()));
        facts.add(line(
                "letters.status",
                getTranslation("letters.status." + letter.status().name())
                        + (letter.overdue() ? " · " + getTranslation("letters.overdue") : "")));
        facts.add(line("letters.cases", String.join(", ", letter.caseReferences())));
        facts.add(line(
                "letters.author",
                letter.authorName()
                        + (letter.approvedByName() == null
                                ? ""
                                : " · " + getTranslation("letters.approved-by", letter.approvedByName()))));
        facts.add(line(
                "letters.channel",
                getTranslation("letters.channel." + letter.channel().name()) + " · "
                        + getTranslation("letters.language." + letter.language())));
        if (letter.theirReference() != null) {
            facts.add(line("letters.their-reference", letter.theirReference()));
        }
        if (letter.sentOn() != null) {
            facts.add(line(
                    "letters.sent-on",
                    Dates.date(letter.sentOn(), getLocale()) + " · " + getTranslation("letters.due-on") + " "
                            + (letter.dueOn() == null ? "" : Dates.date(letter.dueOn(), getLocale()))));
        }
        if (letter.acknowledgedOn() != null) {
            facts.add(line("letters.acknowledged-on", Dates.date(letter.acknowledgedOn(), getLocale())));
        }
        if (letter.pdf() != null) {
            facts.add(download(letter.pdf(), "letters.pdf"));
        }
        actions.removeAll();
        if (letter.status() == LetterStatus.DRAFT
                && !letter.bodyWithheld()
                && letter.nextSteps().contains(LetterStatus.WITHDRAWN)) {
            actions.add(new Button(getTranslation("letters.edit"), click -> edit(letter)));
        }
        for (LetterStatus next : letter.nextSteps()) {
            var button = new Button(getTranslation("letters.step." + next.name()), click -> step(next));
            if (next == LetterStatus.APPROVED || next == LetterStatus.SENT || next == LetterStatus.ANSWERED) {
                button.addThemeVariants(ButtonVariant.PRIMARY);
            }
            if (next == LetterStatus.WITHDRAWN) {
                button.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            }
            actions.add(button);
        }
        if (letter.status() == LetterStatus.APPROVED && letter.nextSteps().contains(LetterStatus.SENT)) {
            actions.add(new Button(
                    getTranslation("letters.generate-pdf"),
                    click -> act(() -> letters.generatePdf(letter.reference(), letter.version()))));
        }
        var content = new VerticalLayout();
        content.setPadding(false);
        if (letter.bodyWithheld()) {
            content.add(new Paragraph(getTranslation("letters.body-withheld")));
        } else {
            var body = new Paragraph(letter.body());
            body.getStyle().set("white-space", "pre-wrap");
            body.getElement().setAttribute("dir", "fa".equals(letter.language()) ? "rtl" : "ltr");
            content.add(body);
        }
        var answer = new VerticalLayout();
        answer.setPadding(false);
        if (letter.answeredOn() != null) {
            answer.add(new Paragraph(
                    getTranslation("letters.answered-on") + ": " + Dates.date(letter.answeredOn(), getLocale())));
            answer.add(new Paragraph(letter.answerSummary() == null ? "" : letter.answerSummary()));
            if (letter.answerFile() != null) {
                answer.add(download(letter.answerFile(), "letters.answer-file"));
            }
        } else {
            answer.add(new Paragraph(getTranslation("letters.no-answer")));
        }
        register.setItems(letter.register());
        history.setItems(letter.history());
        while (tabs.getTabCount() > 0) {
            tabs.remove(0);
        }
        tabs.add(getTranslation("letters.tab.letter"), content);
        tabs.add(getTranslation("letters.tab.answer"), answer);
        tabs.add(getTranslation("letters.tab.register"), register);
        tabs.add(getTranslation("letters.tab.history"), history);
    }

    private Component download(StoredFile file, String labelKey) {
        String reference = details == null ? "" : details.reference();
        long fileId = file.id().value();
        Anchor link = FileDownloads.link(file, () -> letters.readFile(reference, fileId));
        var wrapper = new Div(new Span(getTranslation(labelKey) + ": "), link);
        return wrapper;
    }

    private Div line(String labelKey, String value) {
        var label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("kl-muted");
        return new Div(label, new Span(value));
    }

    private void step(LetterStatus next) {
        LetterDetails letter = details;
        if (letter == null) {
            return;
        }
        switch (next) {
            case SENT ->
                dateDialog(
                        "letters.step.SENT",
                        null,
                        (date, text) -> letters.send(letter.reference(), version(letter), date));
            case ACKNOWLEDGED ->
                dateDialog(
                        "letters.step.ACKNOWLEDGED",
                        "letters.their-reference",
                        (date, text) -> letters.acknowledge(letter.reference(), version(letter), date, text));
            case ANSWERED -> answerDialog(letter);
            case WITHDRAWN, DRAFT -> noteDialog(next, letter);
            default -> act(() -> letters.move(letter.reference(), letter.version(), next, null));
        }
    }

    interface DatedStep {
        LetterDetails apply(LocalDate date, @Nullable String text);
    }

    private void dateDialog(String titleKey, @Nullable String textKey, DatedStep step) {
        var dialog = new Dialog(getTranslation(titleKey));
        var date = new DatePicker(getTranslation("letters.date"), LocalDate.now());
        Dates.showSolarHijri(date, getLocale());
        var text = new TextField(textKey == null ? "" : getTranslation(textKey));
        text.setVisible(textKey != null);
        dialog.add(new VerticalLayout(date, text));
        var fields = Map.of("sentOn", date, "acknowledgedOn", date, "theirReference", text);
        stepButton(
                getTranslation(titleKey),
                dialog,
                fields,
                () -> step.apply(date.getValue() == null ? LocalDate.now() : date.getValue(), text.getValue()));
        dialog.open();
    }

    /** Changes the subject, text and their reference of a draft; cases, institution and register stay. */
    private void edit(LetterDetails letter) {
        var dialog = new Dialog(getTranslation("letters.edit"));
        dialog.setWidth("min(50rem, 95vw)");
        var subject = new TextField(getTranslation("letters.subject"), letter.subject(), "");
        subject.setWidthFull();
        var theirs = new TextField(
                getTranslation("letters.their-reference"),
                letter.theirReference() == null ? "" : letter.theirReference(),
                "");
        var body = new TextArea(getTranslation("letters.body"));
        body.setValue(letter.body() == null ? "" : letter.body());
        body.setWidthFull();
        body.setMinHeight("14rem");
        dialog.add(new VerticalLayout(subject, theirs, body));
        var fields = Map.of("subject", subject, "theirReference", theirs, "body", body);
        var save = new Button(getTranslation("common.save"), click -> {
            Forms.clearErrors(fields);
            try {
                show(letters.update(
                        letter.reference(),
                        version(letter),
                        new LetterDraft(
                                letter.institution().id(),
                                letter.caseReferences(),
                                letter.language(),
                                letter.channel(),
                                subject.getValue(),
                                body.getValue(),
                                theirs.getValue(),
                                letter.register().stream()
                                        .map(l ->
                                                new Disclosed(l.caseReference(), l.personId(), l.category(), l.basis()))
                                        .toList())));
                dialog.close();
                Notifications.success(getTranslation("letters.saved"));
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            } catch (ConcurrentChange stale) {
                // keep the dialog and what was typed; the page shows the newer version behind it
                reloadKeepingDialog();
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.KEY_S, com.vaadin.flow.component.KeyModifier.CONTROL)
                .resetFocusOnActiveElement();
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
        body.focus();
    }

    private void answerDialog(LetterDetails letter) {
        var dialog = new Dialog(getTranslation("letters.step.ANSWERED"));
        dialog.setWidth("min(40rem, 95vw)");
        var date = new DatePicker(getTranslation("letters.date"), LocalDate.now());
        Dates.showSolarHijri(date, getLocale());
        var summary = new TextArea(getTranslation("letters.answer-summary"));
        summary.setWidthFull();
        var upload = new AttachmentUpload(files);
        dialog.add(new VerticalLayout(date, summary, upload));
        var fields = Map.of("answeredOn", date, "answerSummary", summary);
        stepButton(getTranslation("letters.step.ANSWERED"), dialog, fields, () -> {
            Long fileId =
                    upload.files().isEmpty() ? null : upload.files().get(0).id().value();
            return letters.answer(
                    letter.reference(),
                    version(letter),
                    date.getValue() == null ? LocalDate.now() : date.getValue(),
                    summary.getValue(),
                    fileId);
        });
        dialog.open();
        summary.focus();
    }

    private void noteDialog(LetterStatus next, LetterDetails letter) {
        var dialog = new Dialog(getTranslation("letters.step." + next.name()));
        var note = new TextArea(getTranslation("letters.note"));
        note.setWidthFull();
        dialog.add(note);
        stepButton(
                getTranslation("letters.step." + next.name()),
                dialog,
                Map.of("note", note),
                () -> letters.move(letter.reference(), version(letter), next, note.getValue()));
        dialog.open();
        note.focus();
    }

    /**
     * The primary button of a step's dialog, beside Cancel: runs the step and shows the letter after
     * it; bad input is shown at its field with the dialog open; a letter changed meanwhile keeps the
     * dialog open with what was typed, reloads the letter behind it and says so: pressing the button
     * again applies the step to the newer version (which the service checks again).
     */
    private void stepButton(
            String label,
            Dialog dialog,
            Map<String, ? extends com.vaadin.flow.component.HasValidation> fields,
            java.util.function.Supplier<LetterDetails> step) {
        var ok = new Button(label, click -> {
            Forms.clearErrors(fields);
            try {
                show(step.get());
                dialog.close();
                Notifications.success(getTranslation("letters.step-done"));
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            } catch (ConcurrentChange stale) {
                reloadKeepingDialog();
            }
        });
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), ok);
    }

    private void act(java.util.function.Supplier<LetterDetails> action) {
        try {
            show(action.get());
            Notifications.success(getTranslation("letters.step-done"));
        } catch (InvalidInput invalid) {
            Notifications.error(getTranslation(invalid.messageKey(), invalid.arguments()));
        } catch (ConcurrentChange stale) {
            stale();
        }
    }

    /**
     * The version a dialog's step applies to: the one shown now, which a concurrent change reloads
     * while the dialog stays open (so that pressing its button again works on the newer version).
     */
    private long version(LetterDetails opened) {
        LetterDetails shown = details;
        return shown != null && shown.reference().equals(opened.reference()) ? shown.version() : opened.version();
    }

    /** A dialog's step met a newer version: reload the letter behind the open dialog and say so. */
    private void reloadKeepingDialog() {
        Notifications.error(getTranslation("letters.stale-retry"));
        if (details != null) {
            show(letters.open(details.reference()));
        }
    }

    private void stale() {
        Notifications.error(getTranslation("letters.stale"));
        if (details != null) {
            show(letters.open(details.reference()));
        }
    }

    @Override
    public String getPageTitle() {
        return details == null ? getTranslation("nav.letters") : details.reference();
    }
}
