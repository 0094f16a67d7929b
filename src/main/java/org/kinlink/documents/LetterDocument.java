package org.kinlink.documents;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What goes on a letter's PDF: language ({@code en} or {@code fa}), references, date, recipient
 * block, subject, body (plain text; paragraphs separated by blank lines) and sender lines. All of it
 * is text: nothing is interpreted as markup.
 */
public record LetterDocument(
        String language,
        String ourReference,
        @Nullable String theirReference,
        LocalDate date,
        List<String> recipientLines,
        String subject,
        String body,
        List<String> senderLines) {

    public LetterDocument {
        recipientLines = List.copyOf(recipientLines);
        senderLines = List.copyOf(senderLines);
    }
}
