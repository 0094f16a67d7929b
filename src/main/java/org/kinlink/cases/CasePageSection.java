package org.kinlink.cases;

import com.vaadin.flow.component.Component;

/**
 * A tab that another module adds to the case page (the correspondence log, later letters), so that
 * the cases module does not depend on them. Implementations are Spring beans.
 */
public interface CasePageSection {

    /** Position among the tabs; the case's own tabs are Parties 10, Consent 30, History 40. */
    int order();

    /** Translation key of the tab's title. */
    String titleKey();

    /** A new component showing this section for the case (called on every show of the case). */
    Component create(CaseDetails details);
}
