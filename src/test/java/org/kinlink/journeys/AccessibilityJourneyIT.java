package org.kinlink.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * axe-core (src/test/resources/axe, MPL-2.0) on every main view: no {@code serious} or {@code
 * critical} violation.
 */
class AccessibilityJourneyIT extends Journeys {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static String axeSource;

    /**
     * Rule → element (last part of axe's target) where a violation is Vaadin's, not ours, and cannot
     * be fixed in the application. Keep this list short and say why.
     */
    private static final Map<String, Set<String>> VAADIN_EXEMPTIONS = Map.of(
            // vaadin-tabs (TabSheet) has role="tablist" and its vaadin-tab children role="tab", but
            // they are slotted through a plain <div part="tabs"> of its shadow root, which axe counts
            // as an intervening child; the accessibility tree (and screen readers) see the tabs.
            "aria-required-children", Set.of("vaadin-tabs"));

    @BeforeAll
    static void loadAxe() throws IOException {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        try (InputStream in = AccessibilityJourneyIT.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/axe/axe.min.js is missing");
            }
            axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("accessibility: sign-in page")
    void login() {
        newBrowser();
        page.navigate(app.url("/login"));
        page.locator("input[name='username']").waitFor();
        check("login");
    }

    @Test
    @DisplayName("accessibility: caseworker views (dashboard, cases, case, people, person, change password)")
    void caseworkerViews() {
        signIn("caseworker");
        waitForVaadin();
        check("caseworker dashboard");
        open("/cases");
        check("cases list");
        var row = page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("KL-\\d{4}-\\d+")))
                .first();
        String reference = row.innerText().trim();
        open("/cases/" + reference);
        check("case detail");
        open("/people");
        check("people");
        var person = page.locator("a[href*='people/']").first();
        if (person.count() > 0) {
            open("/" + person.getAttribute("href").replaceFirst("^/", ""));
        } else {
            open("/cases/" + reference);
            page.locator("a[href*='people/']").first().click();
            page.waitForURL(Pattern.compile(".*/people/\\d+"));
            waitForVaadin();
        }
        check("person");
        open("/account/password");
        check("change password");
    }

    @Test
    @DisplayName("accessibility: coordinator views (dashboard, templates, letters, follow-ups, a letter, institutions)")
    void coordinatorViews() {
        signIn("coordinator");
        waitForVaadin();
        check("coordinator dashboard");
        open("/templates");
        check("templates");
        open("/letters");
        check("letters list");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Follow-ups"))
                .click();
        check("letters follow-ups");
        open("/letters");
        var letter = page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions()
                        .setHasText(Pattern.compile("^KL-L-\\d{4}-\\d+$"))
                        .setVisible(true))
                .first();
        open("/letters/" + letter.innerText().trim());
        check("letter");
        open("/institutions");
        check("institutions");
    }

    @Test
    @DisplayName("accessibility: auditor views (dashboard, audit log)")
    void auditorViews() {
        signIn("auditor");
        waitForVaadin();
        check("auditor dashboard");
        open("/audit");
        check("audit log");
    }

    @Test
    @DisplayName("accessibility: administrator views (dashboard, users, keys, API tokens, import)")
    void adminViews() {
        signIn("admin");
        waitForVaadin();
        check("administrator dashboard");
        open("/admin/users");
        check("users");
        open("/admin/keys");
        check("keys");
        open("/admin/api-tokens");
        check("API tokens");
        open("/admin/import");
        check("import");
    }

    /** Runs axe on the current page and fails with every serious or critical violation listed. */
    private void check(String view) {
        waitForVaadin();
        page.waitForTimeout(300);
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource));
        }
        Object raw = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return JSON.stringify(r.violations); }");
        JsonArray violations = new Gson().fromJson((String) raw, JsonArray.class);
        List<String> blocking = new ArrayList<>();
        for (JsonElement element : violations) {
            JsonObject violation = element.getAsJsonObject();
            String impact = violation.get("impact").isJsonNull()
                    ? ""
                    : violation.get("impact").getAsString();
            if (!BLOCKING.contains(impact)) {
                continue;
            }
            StringBuilder line = new StringBuilder(
                    view + ": " + impact + " " + violation.get("id").getAsString() + " ("
                            + violation.get("help").getAsString() + ")");
            String rule = violation.get("id").getAsString();
            int nodes = 0;
            for (JsonElement node : violation.getAsJsonArray("nodes")) {
                JsonArray target = node.getAsJsonObject().getAsJsonArray("target");
                String last = target.get(target.size() - 1).toString().replace("\"", "");
                if (VAADIN_EXEMPTIONS.getOrDefault(rule, Set.of()).contains(last)) {
                    continue;
                }
                nodes++;
                line.append("\n    ")
                        .append(target)
                        .append(' ')
                        .append(node.getAsJsonObject().get("failureSummary"));
            }
            if (nodes > 0) {
                blocking.add(line.toString());
            }
        }
        assertThat(blocking).as("axe violations on " + view).isEmpty();
    }
}
