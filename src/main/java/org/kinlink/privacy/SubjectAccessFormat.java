package org.kinlink.privacy;

/** The file formats of a subject access export. */
public enum SubjectAccessFormat {
    JSON("application/json", "json"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    SubjectAccessFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
