package org.kinlink.privacy;

import java.util.List;

/**
 * What an erasure of a person would remove, in counts and references only, so that the approver
 * can judge its reach without seeing the person's data.
 *
 * @param records the person's records (the person and those merged into them)
 * @param caseReferences the cases the person is party to (the cases stay; the parties go)
 * @param letterReferences the letters whose disclosure register names the person
 */
public record ErasurePreview(
        int records,
        int nameVariants,
        int documents,
        int matchKeys,
        List<String> caseReferences,
        int parties,
        int consentRecords,
        int caseDisclosures,
        int correspondenceEntries,
        int attachments,
        int letterRegisterRows,
        List<String> letterReferences,
        int importItems) {

    /** One line of counts, kept with the decided request and in the audit event (no personal data). */
    String outcomeLine() {
        return "records " + records + ", name variants " + nameVariants + ", documents " + documents
                + ", match keys " + matchKeys + ", parties " + parties + " (cases " + String.join(" ", caseReferences)
                + "), consent records " + consentRecords + ", case disclosures " + caseDisclosures
                + ", contacts-log entries " + correspondenceEntries + ", attachments " + attachments
                + ", letter register rows " + letterRegisterRows + " (letters " + String.join(" ", letterReferences)
                + "), import items " + importItems;
    }
}
