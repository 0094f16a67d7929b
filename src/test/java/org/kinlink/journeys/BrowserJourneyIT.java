package org.kinlink.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The main journeys of each role, in a real browser against the packaged application (issue 6). */
class BrowserJourneyIT extends Journeys {

    private static final Pattern CASE_REFERENCE = Pattern.compile("KL-\\d{4}-\\d+");

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @Test
    @DisplayName("caseworker: finds a case by name, logs a call with the keyboard, sees it on the timeline")
    void caseworkerLogsACall() {
        signIn("caseworker");
        String reference = openCaseFromSearch("Zohreh", "Mother looking for her son");

        // keyboard-first: Alt+L opens "Log a call" with the subject focused, Ctrl+Enter saves
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Contacts log"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log a call")))
                .isVisible();
        page.keyboard().press("Alt+l");
        assertThat(openDialog()).hasCount(1);
        String subject = "Journey call " + System.nanoTime();
        page.keyboard().type(subject);
        page.keyboard().press("Control+Enter");
        assertThat(openDialog()).hasCount(0);
        assertThat(page.locator(".kl-entry").filter(new Locator.FilterOptions().setHasText(subject)))
                .isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/cases/" + reference));

        signOut();
    }

    @Test
    @DisplayName("L4 auditor: who accessed a case shows the caseworker; verify integrity passes")
    void auditorSeesWhoAccessedACase() {
        signIn("caseworker");
        String reference = openCaseFromSearch("Zohreh", "Mother looking for her son");
        signOut();

        signIn("auditor");
        open("/audit");
        page.getByLabel("Case reference or person id").fill(reference);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Who accessed this record"))
                .click();
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^caseworker$"))))
                .not()
                .hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify integrity"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Chain intact")))
                .isVisible();
        signOut();
    }

    @Test
    @DisplayName("C3 another team's case by URL: not found, no case data, the refusal is in the audit log")
    void anotherTeamsCaseByUrlIsNotFound() {
        signIn("caseworker");
        String reference = openCaseFromSearch("Zohreh", "Mother looking for her son");
        signOut();

        signIn("caseworker2");
        open("/cases/" + reference);
        assertThat(page.getByText("Page not found")).isVisible();
        String html = page.content();
        assertThat(html).doesNotContain("Mohammad", "Hosseini", "Zohreh", "Mother looking for her son");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the start page"))
                .click();
        signOut();

        signIn("auditor");
        open("/audit");
        page.getByLabel("Action").fill("ACCESS_DENIED");
        page.getByLabel("Record id").fill(reference);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters"))
                .click();
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^caseworker2$"))))
                .not()
                .hasCount(0);
        signOut();
    }

    @Test
    @DisplayName("Persian: the user menu switches to Persian, right to left, and back")
    void persianRightToLeft() {
        signIn("caseworker");
        openUserMenu();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Language"))
                .click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("فارسی"))
                .click();
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.getByText("پرونده‌ها").first()).isVisible();

        page.getByLabel(Pattern.compile("^(User menu of|منوی).*")).first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("زبان"))
                .click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.locator("html")).not().hasAttribute("dir", "rtl");
        assertThat(page.getByText("Cases").first()).isVisible();
        signOut();
    }

    @Test
    @DisplayName("coordinator: opens the letter templates")
    void coordinatorOpensTemplates() {
        signIn("coordinator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Letter templates"))
                .first()
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/templates"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Letter templates")))
                .isVisible();
        assertThat(page.getByText("Tracing request").first()).isVisible();
        signOut();
    }

    @Test
    @DisplayName("S4 step-up: revealing a sought person's location asks for the password first")
    void revealLocationNeedsStepUp() {
        signIn("caseworker");
        openCaseFromSearch("Fatemeh", "Brother seeking his sister");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Fatemeh")))
                .first()
                .click();
        page.waitForURL(Pattern.compile(".*/people/\\d+"));
        waitForVaadin();
        assertThat(page.locator("body")).not().containsText("near the border");
        assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('input, textarea')]"
                        + ".some(e => e.value.includes('near the border'))"))
                .isFalse();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal last known location"))
                .click();
        assertThat(openDialog()).hasCount(1);
        // first the reason (recorded), then the re-confirmation with the password (S4)
        page.getByLabel("Reason").fill("Preparing the tracing letter");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Reveal").setExact(true))
                .click();
        assertThat(page.getByLabel("Your password")).isVisible();
        page.getByLabel("Your password").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))
                .click();
        assertThat(openDialog()).hasCount(0);
        page.waitForFunction("() => [...document.querySelectorAll('input, textarea')]"
                + ".some(e => e.value.includes('near the border'))");
        signOut();
    }

    @Test
    @DisplayName("coordinators: a letter about three cases is approved by another coordinator, sent (PDF),"
            + " acknowledged and answered; the follow-ups show the overdue letter; the caseworker sees the answer")
    void lettersFromApprovalToAnswer() {
        // the follow-ups: the demo's letter sent six weeks ago without an answer is overdue
        signIn("coordinator");
        open("/letters");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Follow-ups"))
                .click();
        waitForVaadin();
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions()
                                .setHasText("درخواست اطلاعات")
                                .setVisible(true))
                        .first())
                .isVisible();

        // the demo's draft about three cases, written by "coordinator": no self-approval
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("All letters"))
                .click();
        waitForVaadin();
        var draft = page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions()
                        .setHasText("Request for tracing assistance")
                        .setVisible(true))
                .first();
        assertThat(draft).isVisible();
        draft.click();
        page.waitForURL(Pattern.compile(".*/letters/KL-L-\\d{4}-\\d+"));
        waitForVaadin();
        var letterMatcher = Pattern.compile("KL-L-\\d{4}-\\d+").matcher(page.url());
        assertThat(letterMatcher.find()).isTrue();
        String letter = letterMatcher.group();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit")))
                .isVisible();
        assertThat(button("Approve")).hasCount(0);
        signOut();

        // another coordinator approves, sends, records the acknowledgement and the answer
        signIn("lead");
        open("/letters/" + letter);
        button("Approve").click();
        waitForVaadin();
        button("Mark as sent").click();
        assertThat(openDialog()).hasCount(1);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Mark as sent").setExact(true))
                .last()
                .click();
        assertThat(openDialog()).hasCount(0);
        // the PDF is stored when the letter is sent: its download link appears
        assertThat(page.locator("a.kl-attachment-link")
                        .filter(new Locator.FilterOptions().setHasText(letter + ".pdf"))
                        .first())
                .isVisible();
        // the letter's first case: its caseworker looks at the timeline below
        var caseMatcher = CASE_REFERENCE.matcher(page.locator("body").innerText());
        assertThat(caseMatcher.find()).isTrue();
        String linkedCase = caseMatcher.group();

        button("Record acknowledgement").click();
        assertThat(openDialog()).hasCount(1);
        page.getByLabel("Their reference").last().fill("CTA-2026-77");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName("Record acknowledgement")
                                .setExact(true))
                .last()
                .click();
        assertThat(openDialog()).hasCount(0);

        button("Record answer").click();
        assertThat(openDialog()).hasCount(1);
        String answer = "Two of the persons were found " + System.nanoTime() + ".";
        page.getByLabel("Summary of the answer").last().fill(answer);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Record answer").setExact(true))
                .last()
                .click();
        assertThat(openDialog()).hasCount(0);

        signOut();

        // the caseworker of a case the letter is about sees the letter and the answer on its timeline
        // the first case of the demo letter is of Team Amber ("caseworker") or Team Cedar ("caseworker2")
        signIn("caseworker");
        open("/cases/" + linkedCase);
        if (page.getByText("Page not found").count() > 0) {
            signIn("caseworker2");
            open("/cases/" + linkedCase);
        }
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Contacts log"))
                .click();
        waitForVaadin();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^" + letter))))
                .not()
                .hasCount(0);
        assertThat(page.getByText(answer).first()).isVisible();
        signOut();
    }

    private Locator button(String name) {
        return page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private Locator openDialog() {
        return page.locator("vaadin-dialog[opened]");
    }

    /**
     * From the cases list search: types {@code name}, opens the case titled {@code title} from the
     * results, returns its reference.
     */
    private String openCaseFromSearch(String name, String title) {
        if (!page.url().endsWith("/cases")) {
            open("/cases");
        }
        var search = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Search cases"));
        search.fill(name);
        var cell = page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(title).setVisible(true))
                .first();
        assertThat(cell).isVisible();
        cell.click();
        page.waitForURL(Pattern.compile(".*/cases/KL-\\d{4}-\\d+"));
        waitForVaadin();
        var matcher = CASE_REFERENCE.matcher(page.url());
        assertThat(matcher.find()).isTrue();
        String reference = matcher.group();
        assertThat(page.getByText(reference).first()).isVisible();
        return reference;
    }
}
