package org.kinlink.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that does not exist, or that the user may not open: the same answer for both, so that it
 * does not confirm that a record exists.
 */
@AnonymousAllowed
class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(
                new H2(getTranslation("error.not-found.title")),
                new Paragraph(getTranslation("error.not-found.text")),
                new Anchor("", getTranslation("error.view.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
