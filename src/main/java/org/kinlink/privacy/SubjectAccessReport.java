package org.kinlink.privacy;

import java.time.Instant;
import java.util.List;
import org.kinlink.audit.ProcessingEvent;
import org.kinlink.cases.CaseSubjectRecord;
import org.kinlink.correspondence.SubjectEntry;
import org.kinlink.letters.SubjectDisclosure;
import org.kinlink.people.PersonSubjectRecord;

/**
 * Everything held about one person (D7), as the JSON export writes it: the record components are
 * the JSON field names (structure documented in docs/data-subject-rights.md; {@link #FORMAT} names
 * its version). {@code scope} says that only the exporting caseworker's teams' records are included.
 */
public record SubjectAccessReport(
        String format,
        Instant generatedAt,
        String scope,
        PersonSubjectRecord person,
        List<CaseSubjectRecord> cases,
        List<SubjectEntry> correspondence,
        List<SubjectDisclosure> disclosures,
        List<ProcessingEvent> processingHistory) {

    public static final String FORMAT = "kinlink-subject-access/1";
    public static final String SCOPE = "records of the exporting caseworker's teams";
}
