package org.kinlink.privacy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.util.Locale;
import org.kinlink.RecordNotFound;
import org.kinlink.StepUpCheck;
import org.kinlink.StepUpRequired;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonPageSection;
import org.kinlink.people.PersonSubjectData;
import org.kinlink.privacy.SubjectAccessExport;
import org.kinlink.privacy.SubjectAccessFile;
import org.kinlink.privacy.SubjectAccessFormat;
import org.kinlink.ui.StepUpDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * "Subject access export" on the person page (D7): JSON or PDF, after a step-up (S4). The visible
 * buttons ask for the step-up, then show progress and start a hidden download link, whose request
 * generates the file (the service checks access and the step-up again) and serves it as an
 * attachment that is never cached.
 */
@org.springframework.stereotype.Component
class SubjectAccessSection implements PersonPageSection {

    private static final Logger log = LoggerFactory.getLogger(SubjectAccessSection.class);

    private final SubjectAccessExport export;
    private final StepUpCheck stepUp;

    SubjectAccessSection(SubjectAccessExport export, StepUpCheck stepUp) {
        this.export = export;
        this.stepUp = stepUp;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleKey() {
        return "privacy.sar.title";
    }

    @Override
    public Component create(PersonDetails details) {
        var section = new Div();
        section.add(new Paragraph(section.getTranslation("privacy.sar.text")));
        var progress = new ProgressBar();
        progress.setIndeterminate(true);
        var progressText = new Span(section.getTranslation("privacy.sar.generating"));
        var progressRow = new HorizontalLayout(progressText, progress);
        progressRow.setVisible(false);
        progressRow.setWidthFull();
        var buttons = new HorizontalLayout();
        for (SubjectAccessFormat format : SubjectAccessFormat.values()) {
            var link = new Anchor(handler(details, format, progressRow), AttachmentType.DOWNLOAD, "");
            link.getStyle().set("display", "none");
            var button = new Button(section.getTranslation("privacy.sar.export." + format.name()));
            button.addClickListener(click -> StepUpDialog.guard(stepUp, () -> {
                stepUp.require(PersonSubjectData.STEP_UP);
                progressRow.setVisible(true);
                link.getElement().callJsFunction("click");
            }));
            buttons.add(button, link);
        }
        section.add(buttons, progressRow);
        return section;
    }

    private DownloadHandler handler(PersonDetails details, SubjectAccessFormat format, Component progress) {
        return (DownloadEvent event) -> {
            Locale locale =
                    event.getUI() == null ? Locale.ENGLISH : event.getUI().getLocale();
            try {
                SubjectAccessFile file = export.export(details.id(), format, locale);
                event.setFileName(file.fileName());
                event.setContentType(file.mediaType());
                event.setContentLength(file.content().length);
                event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
                event.getResponse().setHeader("Cache-Control", "no-store");
                try (var out = event.getOutputStream()) {
                    out.write(file.content());
                }
            } catch (RecordNotFound | AccessDeniedException | StepUpRequired refused) {
                event.getResponse().setStatus(404);
            } catch (IOException interrupted) {
                log.debug("Subject access download interrupted");
            } catch (RuntimeException failed) {
                log.warn("Subject access export failed: {}", failed.getClass().getName());
                event.getResponse().setStatus(500);
            } finally {
                if (event.getUI() != null) {
                    event.getUI().access(() -> progress.setVisible(false));
                }
            }
        };
    }
}
