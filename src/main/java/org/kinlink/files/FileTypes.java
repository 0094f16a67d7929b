package org.kinlink.files;

import java.util.List;
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

    /** The folder of the main part each Office Open XML type must have (file names are stored in clear in a zip). */
    private static final java.util.Map<String, String> OOXML_PARTS = java.util.Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/");

    /** The stream one of which each OLE2 type must hold (directory names are UTF-16LE in the container). */
    private static final java.util.Map<String, List<String>> OLE_STREAMS = java.util.Map.of(
            "application/msword", List.of("WordDocument"),
            "application/vnd.ms-excel", List.of("Workbook", "Book"),
            "application/vnd.ms-powerpoint", List.of("PowerPoint Document"),
            "application/vnd.ms-outlook", List.of("__substg1.0_"));

    private final Tika tika = new Tika();

    String detect(byte[] content, String name) {
        // Tika reads only the first bytes it needs for the magic numbers
        String detected = tika.detect(content, name);
        int parameters = detected.indexOf(';');
        String type = (parameters < 0 ? detected : detected.substring(0, parameters)).strip();
        String part = OOXML_PARTS.get(type);
        if (part != null && !(contains(content, ascii("[Content_Types].xml")) && contains(content, ascii(part)))) {
            // Tika believes the name of any zip called .docx: require the parts of a real document
            return "application/zip";
        }
        List<String> streams = OLE_STREAMS.get(type);
        if (streams != null && streams.stream().noneMatch(stream -> contains(content, utf16(stream)))) {
            // any OLE2 container (an installer, say) named .doc: require the document's own stream
            return "application/x-tika-msoffice";
        }
        return type;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    }

    private static boolean contains(byte[] content, byte[] needle) {
        outer:
        for (int i = 0; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
