package org.kinlink.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Base of the browser journeys: Playwright for Java driving Debian's Chromium against the packaged
 * application ({@link PackagedApp}). Playwright never downloads a browser ({@code
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}). Without {@code /usr/bin/chromium} the journeys are skipped
 * with one line — except in CI ({@code CI=true}), where that is a failure. On a failure the page's
 * screenshot and HTML are saved under {@code target/journeys/}.
 */
@ExtendWith(Journeys.SaveOnFailure.class)
abstract class Journeys {

    /** Debian's Chromium; {@code -Dkinlink.journeys.chromium=...} for another place (or to try the skip). */
    static final Path CHROMIUM = Path.of(System.getProperty("kinlink.journeys.chromium", "/usr/bin/chromium"));

    static final String DEMO_PASSWORD = "kinlink-demo-2026";

    private static Playwright playwright;
    private static Browser browser;
    static PackagedApp app;

    private final List<BrowserContext> contexts = new ArrayList<>();
    /** The page of the user a journey currently acts as (saved on failure). */
    Page page;

    private String testName = "journey";

    static Path outputDir() {
        return Path.of(System.getProperty("kinlink.journeys.dir", "target/journeys"));
    }

    @BeforeAll
    static void startBrowserAndApp() {
        if (!Files.isExecutable(CHROMIUM)) {
            String line = "Browser journeys skipped: " + CHROMIUM + " is missing (apt-get install chromium).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(line.replace("skipped", "cannot run in CI"));
            }
            if (!skipReported) {
                skipReported = true;
                System.err.println(line);
            }
            Assumptions.abort(line);
        }
        if (playwright == null) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--no-first-run",
                                    "--disable-quic",
                                    "--disable-sync")));
        }
        app = PackagedApp.get();
    }

    @AfterAll
    static void closeBrowser() {
        // the browser is kept for the next journey class of this JVM; closed with it
        if (playwright != null && !shutdownHookAdded) {
            shutdownHookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> playwright.close(), "close-playwright"));
        }
    }

    private static boolean shutdownHookAdded;
    private static boolean skipReported;

    @BeforeEach
    void name(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("journey");
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A new browser (own cookies) signed in as {@code username}; becomes {@link #page}. */
    Page signIn(String username) {
        newBrowser();
        submitSignIn(username);
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        return page;
    }

    private void submitSignIn(String username) {
        page.navigate(app.url("/login"));
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(DEMO_PASSWORD);
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        page.waitForLoadState();
        try {
            page.locator("vaadin-app-layout").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            // checked by the caller
        }
    }

    /** A new browser context (no cookies, not signed in); its page becomes {@link #page}. */
    Page newBrowser() {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        page = context.newPage();
        return page;
    }

    /** Opens a view by URL path and waits until Vaadin has rendered it. */
    void open(String path) {
        page.navigate(app.url(path));
        page.waitForLoadState();
        waitForVaadin();
    }

    void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    void openUserMenu() {
        page.getByLabel(Pattern.compile("^User menu of ")).click();
    }

    void signOut() {
        openUserMenu();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("input[name='username']")).isVisible();
    }

    /** Saves a screenshot and the HTML of the current page when a journey fails. */
    static final class SaveOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) {
                return;
            }
            Object instance = context.getTestInstance().orElse(null);
            if (!(instance instanceof Journeys journey) || journey.page == null || journey.page.isClosed()) {
                return;
            }
            String base = context.getRequiredTestClass().getSimpleName() + "-" + journey.testName;
            try {
                Files.createDirectories(outputDir());
                journey.page.screenshot(new Page.ScreenshotOptions()
                        .setPath(outputDir().resolve(base + ".png"))
                        .setFullPage(true));
                Files.writeString(outputDir().resolve(base + ".html"), journey.page.content(), StandardCharsets.UTF_8);
                System.err.println("Journey failed; saved " + outputDir().resolve(base + ".png") + " and .html");
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not save the failed page: " + e.getMessage());
            }
        }
    }
}
