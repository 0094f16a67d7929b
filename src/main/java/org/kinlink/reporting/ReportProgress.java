package org.kinlink.reporting;

/** Told the number of rows written after each batch of an export; answers false to cancel it. */
@FunctionalInterface
public interface ReportProgress {

    ReportProgress NONE = rows -> true;

    boolean rowsWritten(long rows);
}
