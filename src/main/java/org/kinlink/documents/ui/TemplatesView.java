package org.kinlink.documents.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.documents.LetterPdf;
import org.kinlink.documents.LetterTemplates;
import org.kinlink.documents.Placeholder;
import org.kinlink.documents.TemplateDetails;
import org.kinlink.documents.TemplateForm;
import org.kinlink.documents.TemplateId;
import org.kinlink.documents.TemplateSummary;
import org.kinlink.documents.TemplateText;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;

/**
 * Letter templates for coordinators: the list, an editor with the placeholders a template may use
 * (a click inserts one where the cursor is), and a PDF preview filled with invented sample values.
 */
@Route("templates")
@RolesAllowed(Roles.COORDINATOR)
@Menu(order = 60, title = "nav.templates", icon = "vaadin:file-text-o")
class TemplatesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<TemplateSummary> grid = new Grid<>();
    final Button create = new Button();
    final TextField name = new TextField();
    final Select<String> language = new Select<>();
    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final Div placeholders = new Div();
    final Button save = new Button();
    final Button reload = new Button();
    final Button preview = new Button();
    final Anchor previewDownload;
    final H3 editorTitle = new H3();

    private final LetterTemplates templates;
    private final LetterPdf pdf;
    private final Clock clock;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private @Nullable TemplateId editing;
    private long editingVersion;
    private boolean subjectFocused;
    private volatile byte @Nullable [] previewPdf;

    TemplatesView(LetterTemplates templates, LetterPdf pdf, Clock clock) {
        this.templates = templates;
        this.pdf = pdf;
        this.clock = clock;
        setSizeFull();

        create.setText(getTranslation("documents.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addClickListener(click -> startNew());
        var header = new HorizontalLayout(new H2(getTranslation("nav.templates")), create);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(TemplateSummary::name)
                .setHeader(getTranslation("documents.name"))
                .setFlexGrow(3);
        grid.addColumn(t -> getTranslation("documents.language." + t.language()))
                .setHeader(getTranslation("documents.language"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(TemplateSummary::version)
                .setHeader(getTranslation("documents.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("documents.empty"));
        // few templates: the page is cut from the list the service returns
        grid.setItems(
                query -> templates.list(null).stream().skip(query.getOffset()).limit(query.getLimit()));
        grid.addSelectionListener(selection -> selection.getFirstSelectedItem().ifPresent(t -> edit(t.id())));
        grid.setWidth("30rem");
        grid.setHeightFull();

        name.setLabel(getTranslation("documents.name"));
        name.setWidthFull();
        name.setMaxLength(200);
        language.setLabel(getTranslation("documents.language"));
        language.setItems("en", "fa");
        language.setItemLabelGenerator(l -> getTranslation("documents.language." + l));
        language.setValue("en");
        language.addValueChangeListener(change -> direction());
        subject.setLabel(getTranslation("documents.subject"));
        subject.setWidthFull();
        subject.setMaxLength(300);
        body.setLabel(getTranslation("documents.body"));
        body.setHelperText(getTranslation("documents.body.help"));
        body.setWidthFull();
        body.setMinHeight("18rem");
        subject.addFocusListener(focus -> subjectFocused = true);
        body.addFocusListener(focus -> subjectFocused = false);
        fields.put("name", name);
        fields.put("language", language);
        fields.put("subject", subject);
        fields.put("body", body);

        placeholders.addClassName("kl-placeholders");
        placeholders.add(new Paragraph(getTranslation("documents.placeholders.help")));
        for (Placeholder placeholder : Placeholder.values()) {
            var insert = new Button(
                    getTranslation("documents.placeholder." + placeholder.key()), click -> insert(placeholder));
            insert.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            insert.setTooltipText(placeholder.token());
            insert.getElement().setAttribute("data-token", placeholder.token());
            placeholders.add(new Div(insert));
        }
        var placeholderPanel = new VerticalLayout(new H3(getTranslation("documents.placeholders")), placeholders);
        placeholderPanel.setPadding(false);
        placeholderPanel.setWidth("16rem");

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save());
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL).resetFocusOnActiveElement();
        reload.setText(getTranslation("common.reload"));
        reload.setVisible(false);
        reload.addClickListener(click -> {
            if (editing != null) {
                edit(editing);
            }
        });
        preview.setText(getTranslation("documents.preview"));
        preview.setIcon(VaadinIcon.FILE_TEXT_O.create());
        preview.addClickListener(click -> preview());
        // the PDF is rendered on the click (with what is typed now) and this hidden link sends it
        previewDownload = new Anchor((DownloadHandler) this::sendPreview, AttachmentType.DOWNLOAD, "");
        previewDownload.getStyle().set("display", "none");

        var buttons = new HorizontalLayout(save, preview, reload, previewDownload);
        var editor = new VerticalLayout(editorTitle, name, language, subject, body, buttons);
        editor.setPadding(false);
        var editorRow = new HorizontalLayout(editor, placeholderPanel);
        editorRow.setWidthFull();
        editorRow.setFlexGrow(1, editor);
        var content = new HorizontalLayout(grid, editorRow);
        content.setSizeFull();
        content.setFlexGrow(1, editorRow);
        add(header, content);
        setFlexGrow(1, content);
        startNew();
    }

    private void startNew() {
        editing = null;
        editingVersion = 0;
        grid.deselectAll();
        editorTitle.setText(getTranslation("documents.new"));
        name.clear();
        language.setValue("en");
        subject.clear();
        body.clear();
        Forms.clearErrors(fields);
        reload.setVisible(false);
        name.focus();
    }

    private void edit(TemplateId id) {
        TemplateDetails details = templates.open(id);
        show(details);
    }

    private void show(TemplateDetails details) {
        editing = details.id();
        editingVersion = details.version();
        editorTitle.setText(getTranslation("documents.edit", details.name()));
        name.setValue(details.name());
        language.setValue(details.language());
        subject.setValue(details.subject());
        body.setValue(details.body());
        Forms.clearErrors(fields);
        reload.setVisible(false);
        direction();
    }

    /** Persian text is written right-to-left in the editor too; label and help keep the page's direction. */
    private void direction() {
        String dir = "fa".equals(language.getValue()) ? "rtl" : "ltr";
        for (var field : new com.vaadin.flow.component.Component[] {subject, body}) {
            field.getElement().executeJs("if (this.inputElement) { this.inputElement.dir = $0; }", dir);
        }
    }

    private void save() {
        Forms.clearErrors(fields);
        try {
            TemplateDetails saved = templates.save(new TemplateForm(
                    editing,
                    editingVersion,
                    name.getValue(),
                    language.getValue(),
                    subject.getValue(),
                    body.getValue()));
            show(saved);
            grid.getDataProvider().refreshAll();
            Notifications.success(getTranslation("documents.saved"));
        } catch (InvalidInput invalid) {
            Forms.show(invalid, fields, this);
        } catch (ConcurrentChange concurrent) {
            // keep what was typed; the user may reload the saved version
            reload.setVisible(true);
            Notifications.error(getTranslation("documents.stale"));
        }
    }

    /** Inserts the placeholder at the cursor of the subject or body (the body if neither had focus). */
    private void insert(Placeholder placeholder) {
        var field = subjectFocused ? subject.getElement() : body.getElement();
        // the browser inserts at the cursor (replacing a selection) and reports the new value
        field.executeJs("""
                const input = this.inputElement;
                const start = input.selectionStart ?? this.value.length;
                const end = input.selectionEnd ?? start;
                this.value = this.value.slice(0, start) + $0 + this.value.slice(end);
                this.dispatchEvent(new Event('change', {bubbles: true}));
                input.focus();
                input.setSelectionRange(start + $0.length, start + $0.length);
                """, placeholder.token());
    }

    private void preview() {
        Forms.clearErrors(fields);
        try {
            TemplateText.check("subject", subject.getValue());
            TemplateText.check("body", body.getValue());
            previewPdf = pdf.render(SampleLetter.document(
                    language.getValue(), subject.getValue(), body.getValue(), LocalDate.now(clock)));
            previewDownload.getElement().callJsFunction("click");
        } catch (InvalidInput invalid) {
            Forms.show(invalid, fields, this);
        }
    }

    private void sendPreview(DownloadEvent event) throws java.io.IOException {
        byte[] bytes = previewPdf;
        if (bytes == null) {
            event.getResponse().setStatus(404);
            return;
        }
        event.setFileName("template-preview.pdf");
        event.setContentType("application/pdf");
        event.setContentLength(bytes.length);
        event.getOutputStream().write(bytes);
    }

    /** The last preview rendered, for tests. */
    byte @Nullable [] lastPreview() {
        return previewPdf;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.templates");
    }
}
