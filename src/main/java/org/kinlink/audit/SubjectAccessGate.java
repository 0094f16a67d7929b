package org.kinlink.audit;

/**
 * Decides whether the signed-in user may export what is held about a person (D7). The audit
 * module holds the processing history of every record but knows neither persons nor teams; the
 * people module implements this, so that the audit module does not depend on it.
 */
public interface SubjectAccessGate {

    /**
     * Returns when the caller may export the person's data; otherwise records {@code ACCESS_DENIED}
     * and throws {@link org.kinlink.RecordNotFound} (another team's person is "not found").
     */
    void requireSubjectAccess(long personId);
}
