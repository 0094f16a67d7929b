package org.kinlink.documents;

import org.kinlink.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Renders a letter as an A4 PDF with its font embedded; Persian letters are shaped right-to-left. */
@Service
public class LetterPdf {

    @PreAuthorize("hasAnyRole('" + Roles.COORDINATOR + "', '" + Roles.CASEWORKER + "')")
    public byte[] render(LetterDocument document) {
        throw new UnsupportedOperationException("not yet");
    }
}
