package org.kinlink.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kinlink.Roles;
import org.kinlink.audit.AuditOutcome;

/**
 * Every text of the UI exists in English, Persian and Albanian, every key the code asks for exists, and no
 * view puts a hard-coded text on screen (issue 7 item 3).
 */
class TranslationsTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java/org/kinlink");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MENU_TITLE = Pattern.compile("@Menu\\([^)]*title\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern KEY_VARIABLE = Pattern.compile("\\bkey\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern REFUSAL = Pattern.compile("new InvalidInput\\(\\s*[^,]+,\\s*\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

    private static final Map<String, String> ENGLISH = load("vaadin-i18n/translations.properties");

    /** The translations, by language tag; every language offered in the UI must be here. */
    private static final Map<String, Map<String, String>> TRANSLATIONS = Map.of(
            "fa", load("vaadin-i18n/translations_fa.properties"),
            "sq", load("vaadin-i18n/translations_sq.properties"));

    /**
     * A call that puts a text on screen, with a string literal as its (first) argument: component
     * constructors (not Anchor, whose first argument is an address), setters of labels and texts, menu items, notifications, and accessible names.
     */
    private static final Pattern TEXT_ON_SCREEN = Pattern.compile("(?:(?:new\\s+(?:Button|Span|H[1-6]|Paragraph|Div"
            + "|NativeLabel|Text|TextField|TextArea|PasswordField|EmailField|IntegerField|NumberField|BigDecimalField"
            + "|Checkbox|ComboBox|MultiSelectComboBox|Select|RadioButtonGroup|CheckboxGroup|DatePicker|DateTimePicker"
            + "|TimePicker|Tab|Details|RouterLink|Dialog|ConfirmDialog|ListItem|Pre|Emphasis|Strong|Code|Html"
            + "|Notification|MenuBar|SideNavItem|Image|Avatar)(?:<[^>]*>)?"
            + "|\\.(?:setText|setLabel|setPlaceholder|setHelperText|setHeaderTitle|setTitle|setErrorMessage|setHeader"
            + "|setAriaLabel|setTooltipText|addItem|show|setConfirmText|setCancelText|setRejectText|setSummaryText"
            + "|setPageTitle|add|setAlt|setName))\\("
            + "|setAttribute\\(\\s*\"(?:aria-label|title|placeholder|alt|label)\"\\s*,)"
            + "\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    /** Literals the scan finds that are not shown to users, each with the reason. */
    private static final Map<String, String> NOT_SHOWN = Map.of(
            "files/ui/FileDownloads.java: X-Content-Type-Options", "an HTTP response header name",
            "files/ui/FileDownloads.java: Cache-Control", "an HTTP response header name");

    @Test
    void every_language_offered_has_a_bundle() {
        Languages.SUPPORTED.stream()
                .filter(locale -> !locale.equals(Languages.ENGLISH))
                .forEach(
                        locale -> assertThat(TRANSLATIONS).as(locale.toString()).containsKey(locale.toLanguageTag()));
    }

    @Test
    void every_english_text_has_a_translation_in_every_language() {
        TRANSLATIONS.forEach(
                (language, texts) -> assertThat(texts.keySet()).as(language).containsAll(ENGLISH.keySet()));
    }

    @Test
    void every_translated_text_has_an_english_original() {
        TRANSLATIONS.forEach(
                (language, texts) -> assertThat(ENGLISH.keySet()).as(language).containsAll(texts.keySet()));
    }

    @Test
    void no_text_is_empty() {
        assertThat(ENGLISH).allSatisfy((key, value) -> assertThat(value).as(key).isNotBlank());
        TRANSLATIONS.forEach((language, texts) -> assertThat(texts)
                .allSatisfy((key, value) ->
                        assertThat(value).as(language + " " + key).isNotBlank()));
    }

    @Test
    void every_language_fills_in_the_same_values() {
        TRANSLATIONS.forEach((language, texts) ->
                ENGLISH.forEach((key, english) -> assertThat(placeholders(texts.getOrDefault(key, "")))
                        .as(language + " " + key)
                        .isEqualTo(placeholders(english))));
    }

    /** Issue 7: a text put on screen as a literal would bypass the bundles and stay English. */
    @Test
    void no_view_puts_a_hard_coded_text_on_screen() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path source : viewSources()) {
            String file = MAIN_SOURCES.relativize(source).toString().replace('\\', '/');
            String code = COMMENT.matcher(Files.readString(source)).replaceAll(" ");
            Matcher call = TEXT_ON_SCREEN.matcher(code);
            while (call.find()) {
                String literal = call.group(1);
                boolean styling = code.substring(Math.max(0, call.start() - 12), call.start())
                        .matches(".*(?:ThemeList|ClassList)\\(\\)\\s*");
                if (LETTER.matcher(literal).find() && !styling && !NOT_SHOWN.containsKey(file + ": " + literal)) {
                    found.add(file + ": " + call.group());
                }
            }
        }
        assertThat(found).as("texts that bypass the translation bundles").isEmpty();
    }

    @Test
    void the_scan_recognises_hard_coded_texts() {
        for (String code : List.of(
                "new Button(\"Save\", click -> save())",
                "title.setText(\"Cases\")",
                "field.setLabel(\"Name\")",
                "Notification.show(\"Saved\")",
                "new H2(\"Audit log\")",
                "new Span(\"nicht übersetzt\")",
                "close.getElement().setAttribute(\"aria-label\", \"close\")")) {
            assertThat(TEXT_ON_SCREEN.matcher(code).find()).as(code).isTrue();
        }
        for (String code :
                List.of("new Button(getTranslation(\"common.save\"))", "new Span(\" · \")", "new Span(\"42%\")")) {
            Matcher call = TEXT_ON_SCREEN.matcher(code);
            assertThat(call.find() && LETTER.matcher(call.group(1)).find())
                    .as(code)
                    .isFalse();
        }
    }

    @Test
    void every_key_the_views_ask_for_exists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path source : viewSources()) {
            String text = Files.readString(source);
            used.addAll(keysPassedToGetTranslation(text));
            used.addAll(matches(MENU_TITLE, text));
            used.addAll(matches(KEY_VARIABLE, text));
        }

        // the scan sees literal keys, both branches of conditionals, menu titles and error keys
        assertThat(used).contains("nav.start", "nav.audit", "users.disabled", "password.rules", "error.unexpected");
        assertThat(ENGLISH.keySet()).containsAll(used);
    }

    /** I3: every refusal a service can give is explained to the user in words. */
    @Test
    void every_refusal_a_service_can_give_has_a_message() throws IOException {
        Set<String> refusals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path source :
                    files.filter(file -> file.toString().endsWith(".java")).toList()) {
                refusals.addAll(matches(REFUSAL, Files.readString(source)));
            }
        }

        assertThat(refusals).contains("password.too-short", "user.username-taken");
        assertThat(ENGLISH.keySet()).containsAll(refusals);
    }

    @Test
    void every_role_and_every_audit_outcome_has_a_name() {
        Roles.ALL.forEach(role -> assertThat(ENGLISH).containsKey("role." + role));
        for (AuditOutcome outcome : AuditOutcome.values()) {
            assertThat(ENGLISH).containsKey("audit.outcome." + outcome.name());
        }
    }

    /** The Java sources of views: every feature's ui package and the shell. */
    private static List<Path> viewSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        String path = MAIN_SOURCES.relativize(file).toString().replace('\\', '/');
                        return path.startsWith("shell/") || path.startsWith("ui/") || path.contains("/ui/");
                    })
                    .toList();
            assertThat(sources).isNotEmpty();
            return sources;
        }
    }

    /**
     * The literal keys in the first argument of each getTranslation call, including both branches of
     * a conditional ({@code getTranslation(ok ? "a" : "b")}); a literal ending in a dot is the prefix of a
     * key built at run time and is covered by its own test.
     */
    private static List<String> keysPassedToGetTranslation(String source) {
        List<String> keys = new ArrayList<>();
        int at = source.indexOf("getTranslation(");
        while (at >= 0) {
            int start = at + "getTranslation(".length();
            int depth = 0;
            int end = start;
            boolean inString = false;
            for (; end < source.length(); end++) {
                char c = source.charAt(end);
                if (inString) {
                    if (c == '\\') {
                        end++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && depth-- == 0 || c == ',' && depth == 0) {
                    break;
                }
            }
            Matcher literal = STRING_LITERAL.matcher(source.substring(start, end));
            while (literal.find()) {
                if (!literal.group(1).endsWith(".")) {
                    keys.add(literal.group(1));
                }
            }
            at = source.indexOf("getTranslation(", end);
        }
        return keys;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Map<String, String> load(String resource) {
        var properties = new Properties();
        try (var stream = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(stream).as(resource).isNotNull();
            properties.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var map = new TreeMap<String, String>();
        properties.forEach((key, value) -> map.put((String) key, (String) value));
        return map;
    }
}
