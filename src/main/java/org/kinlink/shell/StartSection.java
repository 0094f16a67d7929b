package org.kinlink.shell;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the start page that another module contributes (the per-role dashboards of {@code
 * reporting}), so that the shell does not depend on it. Implementations are Spring beans and apply
 * their own access rules; a user they have nothing for gets an empty answer.
 */
public interface StartSection {

    /** Position on the page, smallest first. */
    int order();

    /** A new component for the signed-in user (called on every show of the start page), or empty. */
    Optional<Component> create();
}
