package org.kinlink.correspondence;

import java.util.List;
import org.kinlink.cases.CaseRef;

/**
 * Adds items of another module (letters sent and answered) to a case's timeline, so that the
 * correspondence module does not depend on it. Implementations are Spring beans; they apply their own
 * access rules and return only what the signed-in user may see of the case.
 */
public interface TimelineContributor {

    /** The contributed items of the case (any order; the timeline sorts them with the log entries). */
    List<TimelineItem> itemsOf(CaseRef caseRef);
}
