package org.kinlink.importing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An earlier import for the list on the import page: when, by whom (display name), how many rows,
 * cases and persons it created, and when it was undone (null while it stands).
 */
public record ImportSummary(
        long id,
        Instant createdAt,
        long createdById,
        String createdBy,
        int rows,
        int cases,
        int persons,
        @Nullable Instant undoneAt) {

    ImportSummary withCreatedBy(String name) {
        return new ImportSummary(id, createdAt, createdById, name, rows, cases, persons, undoneAt);
    }
}
