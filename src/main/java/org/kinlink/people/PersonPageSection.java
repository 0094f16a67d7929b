package org.kinlink.people;

import com.vaadin.flow.component.Component;

/**
 * A section that another module adds to a person's page (the letters' disclosure register), so that
 * the people module does not depend on it. Implementations are Spring beans; mirrors {@code
 * cases.CasePageSection}.
 */
public interface PersonPageSection {

    /** Position among the added sections. */
    int order();

    /** Translation key of the section's heading. */
    String titleKey();

    /** A new component showing this section for the person (called on every show of the person). */
    Component create(PersonDetails details);
}
