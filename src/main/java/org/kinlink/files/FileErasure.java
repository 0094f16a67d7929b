package org.kinlink.files;

import java.util.Collection;
import org.kinlink.Roles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes stored files for an erasure or an anonymisation (D7), after their owner module unlinked
 * them, inside the caller's transaction. Administrators only (an approved erasure or the retention
 * job); the owner module decides which files go.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class FileErasure {

    private final JdbcTemplate jdbc;

    FileErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the files (content and name) and answers how many there were. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int delete(Collection<StoredFileId> files) {
        int deleted = 0;
        for (StoredFileId file : files) {
            deleted += jdbc.update("delete from stored_file where id = ?", file.value());
        }
        return deleted;
    }
}
