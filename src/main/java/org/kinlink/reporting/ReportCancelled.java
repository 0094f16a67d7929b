package org.kinlink.reporting;

/** The user cancelled an export while it was being written; the file is incomplete. */
public class ReportCancelled extends RuntimeException {

    public ReportCancelled(long rows) {
        super("Export cancelled after " + rows + " rows");
    }
}
