package org.kinlink.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;

/** A visible strip saying that the data is fictional demo data. */
public class DemoBanner extends Composite<Div> {

    public DemoBanner() {
        getContent().addClassName("kl-demo-banner");
        getContent().getElement().setAttribute("role", "status");
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        getContent().setText(getTranslation("demo.banner"));
    }
}
