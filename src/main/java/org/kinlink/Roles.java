package org.kinlink;

/**
 * The roles of Kinlink users, as used in {@code @RolesAllowed}, {@code @PreAuthorize} and the
 * access policy. A user may hold several.
 */
public final class Roles {

    public static final String CASEWORKER = "CASEWORKER";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    public static final java.util.List<String> ALL = java.util.List.of(CASEWORKER, COORDINATOR, AUDITOR, ADMIN);

    private Roles() {}
}
