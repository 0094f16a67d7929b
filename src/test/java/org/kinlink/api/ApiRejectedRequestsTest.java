package org.kinlink.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinlink.Roles;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests under /api that are refused before a controller answers them (the firewall, the
 * container, Spring MVC's own refusals) still get an RFC 9457 problem over real HTTP, never the UI
 * chain's redirect to /login or an HTML page (I3, found by the sqlmap scan).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRejectedRequestsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAdministration administration;

    private final HttpClient http = HttpClient.newHttpClient();

    String caseworker;

    @BeforeAll
    void token() {
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        String username = TestAccounts.uniqueName("rej");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        long id = TestAccounts.load(context, username).id();
        caseworker = TestAccounts.asAdministrator(
                        () -> tokens.issue(id, "test token", LocalDate.now().plusDays(30)))
                .secret();
    }

    @Test
    @DisplayName("I3: quotes in a numeric path value get a problem 400, with or without a token")
    void quotes_in_a_path_value() throws Exception {
        assertProblem(get("/api/v1/persons/1%27%22", caseworker), 400);
        assertProblem(get("/api/v1/persons/1%27%22", null), 401);
    }

    @Test
    @DisplayName("I3: an encoded slash in the path gets a problem 400, with or without a token")
    void an_encoded_slash() throws Exception {
        for (String token : new String[] {caseworker, null}) {
            assertProblem(get("/api/v1/cases/KL%2F1", token), 400);
            assertProblem(get("/api/v1/persons/..%2f", token), 400);
            assertProblem(get("/api/v1/persons/..%2F..%2Fcases", token), 400);
        }
    }

    @Test
    @DisplayName("I3: a firewall-rejected path (matrix parameter, double encoding, ..) gets a problem 400")
    void a_path_the_firewall_rejects() throws Exception {
        for (String token : new String[] {caseworker, null}) {
            assertProblem(get("/api/v1/cases;x=1", token), 400);
            assertProblem(get("/api/v1/cases;jsessionid=ABC", token), 400);
            assertProblem(get("/api/v1/persons/%252e%252e", token), 400);
            assertProblem(get("/api/v1/persons/%2e%2e/cases", token), 400);
            assertProblem(get("/api/v1/cases/%00", token), 400);
            assertProblem(get("//api/v1/cases", token), 400);
        }
    }

    @Test
    @DisplayName("I3: an over-long query string gets a problem 400, never a page")
    void an_over_long_query_string() throws Exception {
        String longValue = "a".repeat(20_000);
        for (String token : new String[] {caseworker, null}) {
            assertProblem(get("/api/v1/cases?page=0&q=" + longValue, token), 400);
            assertProblem(get("/api/v1/persons/" + longValue, token), 400);
        }
        assertProblem(get("/api/v1/cases?page=" + "9".repeat(5_000), caseworker), 400);
    }

    @Test
    @DisplayName("I3: a malformed JSON body gets 400 with a token and 401 without one")
    void a_malformed_json_body() throws Exception {
        assertProblem(send("POST", "/api/v1/cases", caseworker, "application/json", "{\"title\": '"), 400);
        assertProblem(send("POST", "/api/v1/cases", caseworker, "application/json", "\u0000\u0001"), 400);
        assertProblem(send("POST", "/api/v1/cases", null, "application/json", "{\"title\": '"), 401);
    }

    @Test
    @DisplayName("I3: a body that is not JSON gets a problem 415")
    void a_wrong_content_type() throws Exception {
        assertProblem(send("POST", "/api/v1/cases", caseworker, "text/plain", "title=x"), 415);
        assertProblem(send("POST", "/api/v1/cases", caseworker, "application/x-www-form-urlencoded", "title=x"), 415);
        assertProblem(send("POST", "/api/v1/cases", caseworker, "application/xml", "<case/>"), 415);
    }

    @Test
    @DisplayName("I3: a bad or missing token gets a problem 401, never a redirect")
    void a_bad_token() throws Exception {
        assertProblem(get("/api/v1/cases", null), 401);
        assertProblem(get("/api/v1/cases", "kl_abcdefghij_" + "A".repeat(43)), 401);
        assertProblem(get("/api/v1/cases", "not a token"), 401);
    }

    @Test
    @DisplayName("I3: a method the endpoint does not have gets a problem 405 naming the allowed ones")
    void a_wrong_method() throws Exception {
        var response = send("DELETE", "/api/v1/cases", caseworker, null, null);
        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET").contains("POST"));
        assertProblem(send("DELETE", "/api/v1/no-such-thing", caseworker, null, null), 404);
    }

    @Test
    @DisplayName("I3: the container's error page is a problem for an API request even when HTML is asked for")
    void html_is_never_answered() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases;x=1"))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 400);
    }

    @Test
    @DisplayName("UI paths keep their handling: a rejected UI path is not answered with a problem")
    void ui_paths_keep_their_handling() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases;x=1"))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .doesNotStartWith("application/problem+json");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
        return send("GET", path, token, null, null);
    }

    private HttpResponse<String> send(
            String method, String path, @Nullable String token, @Nullable String contentType, @Nullable String body)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return http.send(
                builder.method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A problem with the status, never a redirect, a page or a stack trace. */
    private static void assertProblem(HttpResponse<String> response, int status) {
        String where = response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                + response.headers().map() + " " + response.body();
        assertThat(response.statusCode()).as(where).isEqualTo(status);
        assertThat(response.headers().firstValue("Location")).as(where).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .as(where)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("status").asInt())
                .as(where)
                .isEqualTo(status);
        assertThat(response.body()).as(where).doesNotContain("Exception").doesNotContain("<html");
        assertThat(response.headers().allValues("Set-Cookie")).as(where).isEmpty();
    }
}
