package org.kinlink.correspondence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kinlink.files.StoredFile;
import org.kinlink.files.ui.FileDownloads;

/**
 * The attachments of one entry on the timeline: a download link per file (name and size), served as
 * an attachment through the log's access-checked, audited download. A sensitive entry's files are
 * only counted until its summary is revealed; the reveal's reason then goes with each download.
 */
final class EntryAttachments {

    private EntryAttachments() {}

    /**
     * @param reveal the reveal to offer beside the count, or null when the entry's summary offers it
     *     already
     */
    static Component of(
            List<StoredFile> files, boolean masked, @Nullable Runnable reveal, Function<StoredFile, byte[]> download) {
        var box = new Div();
        box.addClassName("kl-entry-attachments");
        if (masked) {
            var hidden = new Span(box.getTranslation("correspondence.attachments-hidden", files.size()));
            hidden.addClassName("kl-muted");
            box.add(hidden);
            if (reveal != null) {
                var show = new Button(box.getTranslation("correspondence.reveal"), click -> reveal.run());
                show.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                box.add(show);
            }
            return box;
        }
        for (StoredFile file : files) {
            var icon = VaadinIcon.PAPERCLIP.create();
            icon.setSize("var(--lumo-icon-size-s)");
            icon.getStyle().set("margin-inline-end", "var(--lumo-space-xs)");
            var line = new Div(icon, FileDownloads.link(file, () -> download.apply(file)));
            line.addClassName("kl-attachment");
            box.add(line);
        }
        return box;
    }
}
