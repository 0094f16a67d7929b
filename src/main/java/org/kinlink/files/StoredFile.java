package org.kinlink.files;

import java.time.Instant;

/**
 * What is known about a stored file without its content. {@code originalName} is the sanitised name
 * the user uploaded, for display and as the download name only; {@code mediaType} is the type found
 * in the content.
 */
public record StoredFile(StoredFileId id, String originalName, String mediaType, long size, Instant storedAt) {}
