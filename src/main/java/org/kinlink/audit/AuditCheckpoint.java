package org.kinlink.audit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A signed statement of the audit chain's head at a moment (L3): which event was newest, its hash,
 * how many events there were, when, and under which key. Kept outside the application, it shows
 * whether events were later cut off the end of the chain, even together with the chain-head row.
 *
 * @param signature hex HMAC (Tink, audit keyset) over {@link #canonical()}
 */
public record AuditCheckpoint(
        String format,
        long headSequence,
        String headHash,
        long eventCount,
        Instant createdAt,
        long keyId,
        String signature) {

    public static final String FORMAT = "kinlink-audit-checkpoint-v1";

    /** The exact bytes the signature covers: every other field, length-prefixed, in order. */
    byte[] canonical() {
        var text = new StringBuilder();
        for (Object field : new Object[] {
            format, headSequence, headHash, eventCount, DateTimeFormatter.ISO_INSTANT.format(createdAt), keyId
        }) {
            String value = field.toString();
            text.append(value.length()).append(':').append(value).append(';');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public String toJson() {
        var json = new JsonObject();
        json.addProperty("format", format);
        json.addProperty("headSequence", headSequence);
        json.addProperty("headHash", headHash);
        json.addProperty("eventCount", eventCount);
        json.addProperty("createdAt", DateTimeFormatter.ISO_INSTANT.format(createdAt));
        json.addProperty("keyId", keyId);
        json.addProperty("signature", signature);
        return json.toString();
    }

    /** Reads a checkpoint; throws IllegalArgumentException when the text is not one. */
    public static AuditCheckpoint parse(String text) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            return new AuditCheckpoint(
                    json.get("format").getAsString(),
                    json.get("headSequence").getAsLong(),
                    json.get("headHash").getAsString(),
                    json.get("eventCount").getAsLong(),
                    Instant.parse(json.get("createdAt").getAsString()),
                    json.get("keyId").getAsLong(),
                    json.get("signature").getAsString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a Kinlink audit checkpoint", e);
        }
    }
}
