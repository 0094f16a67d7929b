package org.kinlink.files;

import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The type of a file as its content shows it (Apache Tika's magic-number detection). The name only
 * refines what the content already proves (a zip container named .docx is a Word document; an
 * executable named .pdf stays an executable), so a harmless extension never lets a file through.
 */
@Component
class FileTypes {

    /** What may be uploaded: PDF, images, office documents, plain text and e-mail messages. */
    static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/tiff",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/rtf",
            "text/plain",
            "message/rfc822",
            "application/vnd.ms-outlook");

    private final Tika tika = new Tika();

    String detect(byte[] content, String name) {
        // Tika reads only the first bytes it needs for the magic numbers
        return tika.detect(content, name);
    }
}
