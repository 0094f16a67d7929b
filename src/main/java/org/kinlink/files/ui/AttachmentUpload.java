package org.kinlink.files.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;

/**
 * Attachments chosen in a dialog: each file is checked and stored as soon as it arrives (so a
 * refused file is reported at once, next to its name), and {@link #files()} gives the owner the
 * stored files to attach when the dialog saves. Refusals are field errors, never a stack trace.
 */
public class AttachmentUpload extends Composite<VerticalLayout> implements HasValidation {

    private final FileStore store;
    private final Upload upload;
    private final Div chosen = new Div();
    private final Div problems = new Div();
    private final Span error = new Span();
    private final List<StoredFile> files = new ArrayList<>();

    public AttachmentUpload(FileStore store) {
        this.store = store;
        this.upload = new Upload((UploadHandler) this::receive);
        upload.setMaxFiles(10);
        upload.setMaxFileSize(Math.toIntExact(Math.min(Integer.MAX_VALUE, store.maxSize())));
        upload.setDropAllowed(true);
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(getTranslation("files.choose"))
                .setMany(getTranslation("files.choose")));
        i18n.setDropFiles(
                new UploadI18N.DropFiles().setOne(getTranslation("files.drop")).setMany(getTranslation("files.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("files.too-big", store.maxSize() / (1024 * 1024)))
                .setTooManyFiles(getTranslation("files.too-many")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("files.status.connecting"))
                        .setStalled(getTranslation("files.status.stalled"))
                        .setProcessing(getTranslation("files.status.processing"))
                        .setHeld(getTranslation("files.status.held")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("files.not-sent"))
                        .setUnexpectedServerError(getTranslation("files.not-sent"))
                        .setForbidden(getTranslation("files.not-sent"))
                        .setFileTooLarge(getTranslation("files.too-big", store.maxSize() / (1024 * 1024)))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(getTranslation("files.retry"))
                .setStart(getTranslation("files.start"))
                .setRemove(getTranslation("files.remove-file")));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> problem(e.getFileName(), e.getErrorMessage()));
        // the upload's own list only shows progress; the stored files are listed below it
        upload.addAllFinishedListener(e -> upload.clearFileList());
        errorStyle(error);
        error.setVisible(false);
        problems.addClassName("kl-upload-problems");
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        var label = new Span(getTranslation("files.attachments"));
        label.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500");
        layout.add(label, upload, chosen, problems, error);
    }

    /** The stored files the user chose and did not remove, in the order they arrived. */
    public List<StoredFile> files() {
        return List.copyOf(files);
    }

    /** True while a file is still being sent: saving now would leave it out. */
    public boolean isUploading() {
        return upload.isUploading();
    }

    /** The upload component itself (for tests). */
    public Upload upload() {
        return upload;
    }

    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        String name = event.getFileName();
        StoredFile stored;
        try {
            stored = store.store(name, event.getInputStream());
        } catch (InvalidInput refused) {
            event.reject(getTranslation(refused.messageKey(), refused.arguments()));
            inUi(ui, () -> problem(name, getTranslation(refused.messageKey(), refused.arguments())));
            return;
        }
        inUi(ui, () -> add(stored));
    }

    private void add(StoredFile file) {
        files.add(file);
        var row = new HorizontalLayout();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.addClassName("kl-attachment");
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.setAriaLabel(getTranslation("files.remove", file.originalName()));
        remove.addClickListener(e -> {
            files.remove(file);
            chosen.remove(row);
        });
        var size = new Span(FileDownloads.size(file.size()));
        size.getStyle().set("color", "var(--lumo-secondary-text-color)");
        row.add(new Span(file.originalName()), size, remove);
        row.setSpacing(true);
        row.getStyle().set("min-height", "var(--lumo-size-s)");
        chosen.add(row);
        setInvalid(false);
    }

    private void problem(@Nullable String name, @Nullable String message) {
        var line = new Span(getTranslation("files.refused", name == null ? "" : name, message == null ? "" : message));
        errorStyle(line);
        line.getElement().setAttribute("role", "alert");
        problems.add(new Div(line));
    }

    private static void errorStyle(Span span) {
        span.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
    }

    private static void inUi(UI ui, Runnable command) {
        if (ui.getSession().hasLock()) {
            command.run();
        } else {
            ui.access(command::run);
        }
    }

    @Override
    public void setErrorMessage(@Nullable String message) {
        error.setText(message == null ? "" : message);
    }

    @Override
    public @Nullable String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }
}
