package org.kinlink.privacy;

/** A generated subject access export; the name holds the person's id and the date, never a name. */
public record SubjectAccessFile(String fileName, String mediaType, byte[] content) {}
