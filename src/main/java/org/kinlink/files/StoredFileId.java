package org.kinlink.files;

/** The id of a stored file; owner modules keep it beside their own records. */
public record StoredFileId(long value) {}
