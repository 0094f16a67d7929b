package org.kinlink.importing;

import java.util.List;

/** What an import created: its batch id, the case references and the number of persons. */
public record ImportResult(long batchId, List<String> caseReferences, int persons) {

    public ImportResult {
        caseReferences = List.copyOf(caseReferences);
    }
}
