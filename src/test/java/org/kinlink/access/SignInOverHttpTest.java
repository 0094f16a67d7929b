package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Sign-in as a browser does it: a real server, a form post, cookies, headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInOverHttpTest {

    private static final String SESSION_COOKIE = "JSESSIONID";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    /** Every request here comes from 127.0.0.1: the address's count from other tests must not block this one. */
    @BeforeEach
    void forgetFailuresFromThisAddress() {
        jdbc.update("DELETE FROM sign_in_throttle WHERE kind = 'ADDRESS'");
    }

    /** D4, D5: pages may not be framed, sniffed, cached or leak where the user came from. */
    @Test
    void the_login_page_is_served_with_the_protective_headers() throws Exception {
        var response = new Browser().get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(response, "Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(response, "Cache-Control")).contains("no-store");
    }

    @Test
    void someone_not_signed_in_is_sent_to_the_login_page() throws Exception {
        var response = new Browser().get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(header(response, "Location")).endsWith("/login");
    }

    /** S5: the session cookie is out of reach of scripts and other sites' requests. */
    @Test
    void the_session_cookie_is_http_only_and_same_site() throws Exception {
        var response = new Browser().get("/");

        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(SESSION_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    /** A5: an unknown username and a wrong password get the same answer; L1: both are audited. */
    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_answer_and_are_both_audited() throws Exception {
        String username = TestAccounts.uniqueName("sign");
        var user = TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        String unknown = TestAccounts.uniqueName("nobody");
        long before = AuditEvents.newest(jdbc);

        var wrongPassword = new Browser().signIn(username, "wrong lantern harbour");
        long between = AuditEvents.newest(jdbc);
        var unknownUser = new Browser().signIn(unknown, "wrong lantern harbour");

        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(unknownUser.statusCode()).isEqualTo(wrongPassword.statusCode());
        assertThat(header(wrongPassword, "Location")).endsWith("/login?error");
        assertThat(header(unknownUser, "Location")).isEqualTo(header(wrongPassword, "Location"));
        assertThat(AuditEvents.since(jdbc, before, "SIGN_IN_FAILED"))
                .first()
                .satisfies(event -> assertThat(event)
                        .containsEntry("outcome", "FAILURE")
                        .containsEntry("object_id", Long.toString(user.id()))
                        .containsEntry("actor_name", username));
        assertThat(AuditEvents.since(jdbc, between, "SIGN_IN_FAILED"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event).containsEntry("outcome", "FAILURE");
                    // people type passwords into the username field: the attempted name is never stored
                    assertThat(event.values())
                            .filteredOn(Objects::nonNull)
                            .map(Object::toString)
                            .noneMatch(value -> value.contains(unknown));
                });
    }

    /** S1: a new session id at sign-in, so a session id planted before sign-in is worthless. */
    @Test
    void signing_in_gives_a_new_session_and_is_audited() throws Exception {
        String username = TestAccounts.uniqueName("sign");
        var user = TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        var browser = new Browser();
        browser.get("/");
        browser.get("/login");
        String before = browser.sessionId().orElseThrow();
        long lastEvent = AuditEvents.newest(jdbc);

        var signedIn = browser.signIn(username, "right lantern harbour");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(header(signedIn, "Location")).doesNotContain("error");
        String after = browser.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(new Browser().withSession(before).get("/").statusCode()).isEqualTo(302);
        assertThat(AuditEvents.since(jdbc, lastEvent, "SIGN_IN"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("outcome", "SUCCESS")
                        .containsEntry("actor_id", user.id())
                        .containsEntry("actor_name", username)
                        .containsEntry("session_hash", sessionHash(after)));
    }

    /** A4, A5: after repeated failures even the right password is refused for a while, with the same answer. */
    @Test
    @DisplayName(
            "after four wrong passwords the next attempt is refused unchecked with the same answer and audited (A4, A5)")
    void repeated_failures_are_throttled_with_the_same_answer() throws Exception {
        String username = TestAccounts.uniqueName("guess");
        var user = TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        HttpResponse<String> wrong = null;
        for (int i = 0; i < 4; i++) {
            wrong = new Browser().signIn(username, "wrong lantern harbour " + i);
        }
        long before = AuditEvents.newest(jdbc);

        var throttled = new Browser().signIn(username, "right lantern harbour");

        assertThat(throttled.statusCode()).isEqualTo(wrong.statusCode());
        assertThat(header(throttled, "Location")).isEqualTo(header(wrong, "Location"));
        assertThat(AuditEvents.since(jdbc, before, "SIGN_IN")).isEmpty();
        assertThat(AuditEvents.since(jdbc, before, "SIGN_IN_THROTTLED"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("outcome", "DENIED")
                        .containsEntry("object_id", Long.toString(user.id())));
    }

    @Test
    @DisplayName("a signed-in user who is disabled is signed out at their very next request (S3)")
    void a_disabled_user_is_signed_out_at_once() throws Exception {
        String username = TestAccounts.uniqueName("gone");
        var user = TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        var browser = new Browser();
        browser.signIn(username, "right lantern harbour");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        var administration = context.getBean(UserAdministration.class);
        TestAccounts.asAdministrator(() -> {
            var summary = administration.users().stream()
                    .filter(each -> each.id() == user.id())
                    .findFirst()
                    .orElseThrow();
            return administration.setEnabled(summary.id(), summary.version(), false);
        });

        var next = browser.get("/");

        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(header(next, "Location")).endsWith("/login");
    }

    @Test
    @DisplayName(
            "S3 across nodes: when the user's session stamp changes in the database, the next request is signed out")
    void a_session_stamp_changed_by_another_node_signs_the_session_out() throws Exception {
        String username = TestAccounts.uniqueName("stamp");
        var user = TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        var browser = new Browser();
        browser.signIn(username, "right lantern harbour");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        long before = AuditEvents.newest(jdbc);

        // as another node does when it disables the user or ends their sessions: only the database changes
        jdbc.update("UPDATE app_user SET session_stamp = session_stamp + 1 WHERE id = ?", user.id());
        var next = browser.get("/");

        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(header(next, "Location")).endsWith("/login");
        assertThat(AuditEvents.since(jdbc, before, "SESSION_ENDED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("object_id", Long.toString(user.id())));
    }

    @Test
    @DisplayName("S3: a session whose stamp still matches stays signed in")
    void an_unchanged_session_stamp_keeps_the_session() throws Exception {
        String username = TestAccounts.uniqueName("stamp");
        TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        var browser = new Browser();
        browser.signIn(username, "right lantern harbour");

        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("A4: a throttled account cannot sign in through another spelling of the login path")
    void the_throttle_covers_every_spelling_of_the_login_path() throws Exception {
        String username = TestAccounts.uniqueName("path");
        TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        for (int i = 0; i < 4; i++) {
            new Browser().signIn(username, "wrong lantern harbour " + i);
        }
        for (String path : new String[] {"/login", "/%6Cogin", "/login/", "//login", "/./login", "/LOGIN"}) {
            var browser = new Browser();
            browser.signInAt(path, username, "right lantern harbour");
            assertThat(browser.get("/").statusCode())
                    .as("signed in through %s while throttled", path)
                    .isEqualTo(302);
        }
    }

    /** A2: a hash made with weaker parameters is replaced at the next successful sign-in. */
    @Test
    void a_weak_password_hash_is_upgraded_when_its_owner_signs_in() throws Exception {
        String username = TestAccounts.uniqueName("weak");
        TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        String weak = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("right lantern harbour");
        TestAccounts.setPasswordHash(context, username, weak, false);

        var signedIn = new Browser().signIn(username, "right lantern harbour");

        assertThat(header(signedIn, "Location")).doesNotContain("error");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, username))
                .startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("(no " + name + " header)");
    }

    /** As recorded in audit events: the first 16 bytes of the SHA-256 of the session id. */
    private static String sessionHash(String sessionId) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** One browser: its own cookies, redirects shown rather than followed. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The form post of Vaadin's login form (Spring Security form login; no CSRF token on /login). */
        HttpResponse<String> signIn(String username, String password) throws Exception {
            return signInAt("/login", username, password);
        }

        HttpResponse<String> signInAt(String path, String username, String password) throws Exception {
            String form = form(Map.of("username", username, "password", password));
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        Optional<String> sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
                    .map(HttpCookie::getValue)
                    .findFirst();
        }

        Browser withSession(String sessionId) {
            var cookie = new HttpCookie(SESSION_COOKIE, sessionId);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(uri("/"), cookie);
            return this;
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String form(Map<String, String> fields) {
            return String.join(
                    "&",
                    fields.entrySet().stream()
                            .map(field ->
                                    field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                            .toList());
        }
    }
}
