package org.kinlink.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.kinlink.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Passwords of 12 to 128 characters, no composition rules, not one of the commonly used or
 * breached passwords of the bundled list (OWASP SecLists, checked offline), not the username.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = loadCommonPasswords();
    }

    /** Throws {@link InvalidInput} naming {@code field} when the password is not acceptable. */
    public void check(String field, String password, String username) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInput(field, "password.too-short", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInput(field, "password.too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new InvalidInput(field, "password.too-common");
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInput(field, "password.contains-username");
        }
    }

    private static Set<String> loadCommonPasswords() {
        var stream = PasswordPolicy.class.getResourceAsStream("common-passwords.txt.gz");
        if (stream == null) {
            throw new IllegalStateException("common-passwords.txt.gz is missing from the classpath");
        }
        var passwords = new HashSet<String>(64_000);
        try (var reader =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(stream), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                passwords.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
