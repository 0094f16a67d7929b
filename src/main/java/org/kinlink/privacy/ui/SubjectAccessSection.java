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

    private static final int POLL_MILLIS = 500;
    /** HTTP response headers (not shown on screen): never cached, never sniffed (D4, I2). */
    private static final String[] NO_STORE = {"Cache-Control", "no-store"};

    private static final String[] NOSNIFF = {"X-Content-Type-Options", "nosniff"};

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
                // no server push in this application: poll until the download handler hides the progress
                section.getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
                link.getElement().callJsFunction("click");
            }));
            buttons.add(button, link);
        }
        section.add(buttons, progressRow);
        section.addDetachListener(detach -> detach.getUI().setPollInterval(-1));
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
                event.getResponse().setHeader(NOSNIFF[0], NOSNIFF[1]);
                event.getResponse().setHeader(NO_STORE[0], NO_STORE[1]);
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
                    event.getUI().access(() -> {
                        progress.setVisible(false);
                        event.getUI().setPollInterval(-1);
                    });
                }
            }
        };
    }
}
