package org.kinlink.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown when opening a view fails: a plain message and a reference, with the details in the log
 * under the same reference. Replaces Vaadin's page, which shows a stack trace in development mode.
 */
@AnonymousAllowed
class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Could not open '{}', reference {}",
                event.getLocation().getPath(),
                reference,
                parameter.getCaughtException());
        removeAll();
        add(
                new H2(getTranslation("error.view.title")),
                new Paragraph(getTranslation("error.view.text", reference)),
                new Anchor("", getTranslation("error.view.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
