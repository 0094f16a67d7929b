package org.kinlink.importing;

/**
 * Told after each row of a dry run or an import, so that a page can show "row N of M" while the
 * work runs in the background. Called on the working thread, inside the import's transaction: keep
 * it quick and do not throw.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Nobody is listening. */
    ImportProgress NONE = (done, total) -> {};

    /** {@code done} of {@code total} rows are through (checked, or imported). */
    void row(int done, int total);
}
