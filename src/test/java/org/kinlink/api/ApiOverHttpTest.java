package org.kinlink.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinlink.AuditEvents;
import org.kinlink.Roles;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The REST API as an external script uses it: a real server, bearer tokens, JSON. Each test names
 * the requirement it proves (C2, C3, L1, I3, D4, D5, R1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiOverHttpTest extends ApiOverHttp {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAdministration administration;

    long team;
    long otherTeam;
    String caseworker;
    String otherCaseworker;
    String coordinator;
    String auditor;

    @BeforeAll
    void usersAndTokens() {
        team = newTeam();
        otherTeam = newTeam();
        caseworker = token(newUser(Set.of(Roles.CASEWORKER), Set.of(team)));
        otherCaseworker = token(newUser(Set.of(Roles.CASEWORKER), Set.of(otherTeam)));
        coordinator = token(newUser(Set.of(Roles.COORDINATOR), Set.of()));
        auditor = token(newUser(Set.of(Roles.AUDITOR), Set.of()));
    }

    // ---------------------------------------------------------------- tokens (authentication)

    /** Vaadin is mapped at the root: the API's controllers must still answer /api/v1 with JSON. */
    @Test
    void the_api_answers_with_json_not_with_a_vaadin_page() throws Exception {
        var response = get("/api/v1/cases", caseworker);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).has("items")).isTrue();
    }

    @Test
    void i3_an_unknown_api_path_is_a_problem_404() throws Exception {
        var response = get("/api/v1/no-such-thing", caseworker);

        assertProblem(response, 404);
    }

    /** Nothing under /api falls through to Vaadin (an HTML page and a new session). */
    @Test
    void i3_no_path_under_api_falls_through_to_vaadin() throws Exception {
        for (var response :
                List.of(get("/api/docs/ui/index.html", null), get("/api/other", caseworker), get("/api", caseworker))) {
            assertProblem(response, 404);
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void a_request_without_a_token_is_refused_with_401() throws Exception {
        var response = get("/api/v1/cases", null);

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    /** L1: a refused token is recorded, without the token itself. */
    @Test
    void l1_an_unknown_token_is_refused_with_401_and_recorded() throws Exception {
        long before = AuditEvents.newest(jdbc);
        String forged = "kl_abcdefghij_" + "A".repeat(43);

        var response = get("/api/v1/cases", forged);

        assertProblem(response, 401);
        assertThat(AuditEvents.since(jdbc, before, "API_TOKEN_REJECTED"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event).containsEntry("outcome", "FAILURE");
                    assertThat(event.values())
                            .noneMatch(value -> String.valueOf(value).contains(forged));
                });
    }

    /** The API chain is stateless: a signed-in browser session does not authenticate an API call. */
    @Test
    void a_signed_in_browser_session_does_not_authenticate_an_api_call() throws Exception {
        jdbc.update("DELETE FROM sign_in_throttle WHERE kind = 'ADDRESS'");
        String username = TestAccounts.uniqueName("sess");
        TestAccounts.create(context, username, "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        var browser = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var signedIn = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + username + "&password=right+lantern+harbour"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        var response = browser.send(request("/api/v1/cases", null).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 401);
    }

    /** L1: issuing and revoking are recorded; a revoked token stops working at the next request. */
    @Test
    void l1_a_revoked_token_is_refused_from_the_next_request() throws Exception {
        long user = newUser(Set.of(Roles.CASEWORKER), Set.of(team));
        long before = AuditEvents.newest(jdbc);
        IssuedApiToken issued = issue(user, LocalDate.now().plusDays(30));
        assertThat(get("/api/v1/cases", issued.secret()).statusCode()).isEqualTo(200);

        TestAccounts.asAdministrator(() ->
                tokens.revoke(issued.token().id(), currentVersion(issued.token().id())));

        assertProblem(get("/api/v1/cases", issued.secret()), 401);
        assertThat(AuditEvents.since(jdbc, before, "API_TOKEN_ISSUED")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "API_TOKEN_REVOKED")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "API_TOKEN_REJECTED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("reason", "revoked"));
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        long user = newUser(Set.of(Roles.CASEWORKER), Set.of(team));
        IssuedApiToken issued = issue(user, LocalDate.now().plusDays(1));
        jdbc.update(
                "UPDATE api_token SET expires_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6)) WHERE id = ?",
                issued.token().id());

        assertProblem(get("/api/v1/cases", issued.secret()), 401);
    }

    /** A token acts with the user's roles as they are now: a disabled user's token stops working. */
    @Test
    void a_disabled_users_token_is_refused() throws Exception {
        long user = newUser(Set.of(Roles.CASEWORKER), Set.of(team));
        IssuedApiToken issued = issue(user, LocalDate.now().plusDays(30));
        assertThat(get("/api/v1/cases", issued.secret()).statusCode()).isEqualTo(200);

        TestAccounts.asAdministrator(() -> administration.setEnabled(user, userVersion(user), false));

        assertProblem(get("/api/v1/cases", issued.secret()), 401);
    }

    /**
     * A3: the token is a credential of its own, issued by an administrator who passed the second
     * factor; with the second factor required, a token still reaches the services.
     */
    @Test
    void a3_a_token_works_while_the_second_factor_is_required() throws Exception {
        boolean before = TestAccounts.requireSecondFactor(context, true);
        try {
            assertThat(get("/api/v1/cases", caseworker).statusCode()).isEqualTo(200);
        } finally {
            TestAccounts.requireSecondFactor(context, before);
        }
    }

    @Test
    void the_last_use_of_a_token_is_recorded() throws Exception {
        long user = newUser(Set.of(Roles.COORDINATOR), Set.of());
        IssuedApiToken issued = issue(user, LocalDate.now().plusDays(30));

        get("/api/v1/cases", issued.secret());

        assertThat(jdbc.queryForObject(
                        "SELECT last_used_at FROM api_token WHERE id = ?",
                        Object.class,
                        issued.token().id()))
                .isNotNull();
        assertThat(jdbc.queryForObject(
                        "SELECT token_hash FROM api_token WHERE id = ?",
                        String.class,
                        issued.token().id()))
                .hasSize(64)
                .doesNotContain(issued.secret());
    }

    // ---------------------------------------------------------------- cases

    @Test
    void a_caseworker_creates_reads_updates_and_moves_a_case() throws Exception {
        var created = send("POST", "/api/v1/cases", caseworker, """
                {"title": "API case", "priority": "HIGH", "teamId": %d}""".formatted(team));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        String reference = body.path("reference").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/cases/" + reference);
        String etag = created.headers().firstValue("ETag").orElseThrow();

        var read = get("/api/v1/cases/" + reference, caseworker);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("priority").asString()).isEqualTo("HIGH");

        var updated = http.send(
                request("/api/v1/cases/" + reference, caseworker)
                        .header("If-Match", etag)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"title\": \"API case renamed\", \"priority\": \"LOW\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("title").asString()).isEqualTo("API case renamed");

        long version = json(updated).path("version").asLong();
        var moved = send("POST", "/api/v1/cases/" + reference + "/status", caseworker, """
                {"version": %d, "status": "INTAKE", "reason": "intake interview booked"}""".formatted(version));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(json(moved).path("status").asString()).isEqualTo("INTAKE");
    }

    /** R1: a change based on a version someone else has replaced is refused with 409. */
    @Test
    void r1_a_stale_version_is_refused_with_409() throws Exception {
        String reference = newCase();
        var first = send("PUT", "/api/v1/cases/" + reference, caseworker, """
                {"version": 0, "title": "First edit", "priority": "NORMAL"}""");
        assertThat(first.statusCode()).isEqualTo(200);

        var stale = send("PUT", "/api/v1/cases/" + reference, caseworker, """
                {"version": 0, "title": "Second edit", "priority": "NORMAL"}""");

        assertProblem(stale, 409);
    }

    /** C3, L1: another team's case is "not found" by every path, and the refusal is recorded. */
    @Test
    void c3_another_teams_case_is_not_found_by_reference_and_the_refusal_is_recorded() throws Exception {
        String reference = newCase();
        long before = AuditEvents.newest(jdbc);

        assertProblem(get("/api/v1/cases/" + reference, otherCaseworker), 404);
        assertProblem(send("PUT", "/api/v1/cases/" + reference, otherCaseworker, """
                        {"version": 0, "title": "Taken over", "priority": "NORMAL"}"""), 404);
        assertProblem(get("/api/v1/cases/" + reference + "/correspondence", otherCaseworker), 404);
        assertProblem(send("POST", "/api/v1/cases/" + reference + "/status", otherCaseworker, """
                        {"version": 0, "status": "INTAKE", "reason": "x"}"""), 404);

        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED"))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(event -> assertThat(event).containsEntry("object_id", reference));
        // and it is not in their list either
        assertThat(items(get("/api/v1/cases?q=" + reference, otherCaseworker))).isEmpty();
    }

    @Test
    void c3_a_case_that_does_not_exist_gets_the_same_404() throws Exception {
        var missing = get("/api/v1/cases/KL-1999-999999", caseworker);

        assertProblem(missing, 404);
        assertThat(json(missing).path("detail").asString())
                .isEqualTo(json(get("/api/v1/cases/" + newCase(), otherCaseworker))
                        .path("detail")
                        .asString());
    }

    /** C2: coordinators list case summaries but may not open a case; a role refusal is 403. */
    @Test
    void c2_a_coordinator_lists_cases_but_cannot_open_one() throws Exception {
        String reference = newCase();

        var list = get("/api/v1/cases?q=" + reference, coordinator);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(items(list))
                .extracting(item -> item.path("reference").asString())
                .containsExactly(reference);

        assertProblem(get("/api/v1/cases/" + reference, coordinator), 403);
    }

    @Test
    void c2_an_auditor_reaches_no_case_data() throws Exception {
        assertProblem(get("/api/v1/cases", auditor), 403);
        assertProblem(get("/api/v1/persons?q=Karimi", auditor), 403);
    }

    @Test
    void every_list_is_paged_with_has_next() throws Exception {
        newCase();
        newCase();

        JsonNode page = json(get("/api/v1/cases?size=1&page=0&sort=OPENED", caseworker));

        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("hasNext").asBoolean()).isTrue();
    }

    // ---------------------------------------------------------------- errors (I3)

    @Test
    void i3_bad_input_gets_400_naming_the_field() throws Exception {
        var response = send("POST", "/api/v1/cases", caseworker, """
                {"title": "  ", "teamId": %d}""".formatted(team));

        assertProblem(response, 400);
        assertThat(json(response).path("errors").get(0).path("field").asString())
                .isEqualTo("title");
        assertThat(json(response).path("errors").get(0).path("message").asString())
                .isEqualTo("This field is required.");
    }

    @Test
    void i3_a_message_from_the_service_comes_in_english_from_the_bundle() throws Exception {
        String reference = newCase();

        var response =
                send("POST", "/api/v1/cases/" + reference + "/status", caseworker, """
                {"version": 0, "status": "INTAKE", "reason": "%s"}""".formatted("x".repeat(1001)));

        assertProblem(response, 400);
        assertThat(json(response).path("errors").get(0).path("field").asString())
                .isEqualTo("reason");
        assertThat(json(response).path("errors").get(0).path("message").asString())
                .isEqualTo("This can have at most 1,000 characters.");
    }

    @Test
    void i3_malformed_json_gets_400() throws Exception {
        assertProblem(send("POST", "/api/v1/cases", caseworker, "{\"title\": "), 400);
    }

    @Test
    void i3_an_unknown_enum_value_gets_400_naming_the_field() throws Exception {
        var body = send("POST", "/api/v1/cases", caseworker, """
                {"title": "Enum", "priority": "EXTREME", "teamId": %d}""".formatted(team));
        var query = get("/api/v1/cases?status=LOST", caseworker);

        assertProblem(body, 400);
        assertThat(json(body).path("errors").get(0).path("field").asString()).isEqualTo("priority");
        assertProblem(query, 400);
        assertThat(json(query).path("errors").get(0).path("field").asString()).isEqualTo("status");
    }

    @Test
    void i3_a_page_larger_than_100_gets_400_naming_size() throws Exception {
        var response = get("/api/v1/cases?size=101", caseworker);

        assertProblem(response, 400);
        assertThat(json(response).path("errors").get(0).path("field").asString())
                .isEqualTo("size");
    }

    /** D4, D5: API answers are never cached or sniffed, and no session is created. */
    @Test
    void d4_api_responses_are_not_stored_not_sniffed_and_create_no_session() throws Exception {
        for (var response : List.of(get("/api/v1/cases", caseworker), get("/api/v1/cases", null))) {
            assertThat(response.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- persons, parties, correspondence

    /** C4: a masked value is {"masked": true}, never the stored ciphertext. */
    @Test
    void c4_a_persons_masked_values_stay_masked_and_search_finds_any_script() throws Exception {
        var created = send("POST", "/api/v1/persons", caseworker, """
                {"teamId": %d, "names": {"givenLatin": "Leyla", "familyLatin": "Karimi-Tabar",
                 "givenNative": "لیلا", "familyNative": "کریمی‌تبار"},
                 "sex": "FEMALE", "birthYear": 1979, "phone": "+43 660 1234567",
                 "lastKnownLocation": "Somewhere near the border"}""".formatted(team));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode person = json(created);

        assertThat(person.path("lastKnownLocation").path("masked").asBoolean()).isTrue();
        assertThat(person.path("lastKnownLocation").has("value")).isFalse();
        assertThat(person.path("phone").path("value").asString()).isEqualTo("+43 660 1234567");
        assertThat(person.path("names").path("familyNative").asString()).isEqualTo("کریمی‌تبار");
        assertThat(person.path("names").has("empty")).isFalse();
        assertThat(created.body()).doesNotContain("Somewhere near the border");
        long id = person.path("id").asLong();

        var found = get("/api/v1/persons?q=" + java.net.URLEncoder.encode("لیلا کریمی‌تبار", "UTF-8"), caseworker);
        assertThat(items(found)).extracting(m -> m.path("id").asLong()).contains(id);

        assertProblem(get("/api/v1/persons/" + id, otherCaseworker), 404);
        assertThat(items(get("/api/v1/persons?q=Karimi-Tabar", otherCaseworker)))
                .extracting(m -> m.path("id").asLong())
                .doesNotContain(id);
    }

    /** An update that leaves a masked value out keeps it (nothing the caller could not see is wiped). */
    @Test
    void an_update_without_a_masked_value_keeps_it() throws Exception {
        JsonNode person = json(send("POST", "/api/v1/persons", caseworker, """
                {"teamId": %d, "names": {"givenLatin": "Omid", "familyLatin": "Rahimi"},
                 "lastKnownLocation": "A village"}""".formatted(team)));
        long id = person.path("id").asLong();

        var updated = send("PUT", "/api/v1/persons/" + id, caseworker, """
                {"version": %d, "names": {"givenLatin": "Omid", "familyLatin": "Rahimi"}, "nationality": "AT"}""".formatted(
                        person.path("version").asLong()));

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("lastKnownLocation").path("masked").asBoolean())
                .isTrue();
        var revealed = send("POST", "/api/v1/persons/" + id + "/reveal", caseworker, """
                {"fieldClass": "IDENTITY", "reason": "checking the document number"}""");
        assertThat(revealed.statusCode()).isEqualTo(200);
        // the location is still stored: its ciphertext is there, under the person's row
        assertThat(jdbc.queryForObject("SELECT last_known_location_enc FROM person WHERE id = ?", String.class, id))
                .isNotBlank();
    }

    /** S4: revealing a location needs a re-confirmed second factor, which a token cannot give: 403, nothing shown. */
    @Test
    void s4_a_location_reveal_through_the_api_is_refused_with_a_problem() throws Exception {
        JsonNode person = json(send("POST", "/api/v1/persons", caseworker, """
                {"teamId": %d, "names": {"givenLatin": "Nasrin", "familyLatin": "Jafari"},
                 "lastKnownLocation": "A town by the river"}""".formatted(team)));
        var refused = send("POST", "/api/v1/persons/" + person.path("id").asLong() + "/reveal", caseworker, """
                {"fieldClass": "LOCATION", "reason": "tracing request to the ICRC"}""");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).doesNotContain("A town by the river");
    }

    @Test
    void parties_are_added_changed_and_removed() throws Exception {
        String reference = newCase();
        long personId = json(send("POST", "/api/v1/persons", caseworker, """
                        {"teamId": %d, "names": {"givenLatin": "Sara", "familyLatin": "Ahmadi"}}""".formatted(team)))
                .path("id")
                .asLong();

        var added = send("POST", "/api/v1/cases/" + reference + "/parties", caseworker, """
                {"personId": %d, "role": "ENQUIRER", "relationship": "MOTHER"}""".formatted(personId));
        assertThat(added.statusCode()).isEqualTo(201);
        JsonNode party = json(added).path("parties").get(0);

        var changed = send(
                "PUT",
                "/api/v1/cases/" + reference + "/parties/"
                        + party.path("partyId").asLong(),
                caseworker,
                """
                {"version": %d, "relationship": "SIBLING"}""".formatted(party.path("version").asLong()));
        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode after = json(changed).path("parties").get(0);
        assertThat(after.path("relationship").asString()).isEqualTo("SIBLING");

        var removed = send(
                "DELETE",
                "/api/v1/cases/" + reference + "/parties/"
                        + after.path("partyId").asLong() + "?version="
                        + after.path("version").asLong(),
                caseworker,
                null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(json(removed).path("parties")).isEmpty();
    }

    @Test
    void correspondence_is_logged_and_a_sensitive_summary_comes_masked() throws Exception {
        String reference = newCase();

        var logged = send("POST", "/api/v1/cases/" + reference + "/correspondence", caseworker, """
                {"occurredAt": "2026-11-20T10:15:00Z", "channel": "PHONE", "direction": "INCOMING",
                 "counterpartText": "A cousin", "subject": "Call about the family",
                 "summary": "Gave a new address", "sensitive": true}""");
        assertThat(logged.statusCode()).isEqualTo(201);

        var timeline = get("/api/v1/cases/" + reference + "/correspondence", caseworker);
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(items(timeline)).singleElement().satisfies(entry -> {
            assertThat(entry.path("subject").asString()).isEqualTo("Call about the family");
            assertThat(entry.path("summary").path("masked").asBoolean()).isTrue();
        });
        assertThat(timeline.body()).doesNotContain("Gave a new address");
    }

    /** The OpenAPI description is public: it holds the API's shape, no data. */
    @Test
    void the_openapi_description_is_served_at_api_docs() throws Exception {
        var response = get("/api/docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("paths").has("/api/v1/cases/{reference}"))
                .isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private String newCase() throws Exception {
        var created = send("POST", "/api/v1/cases", caseworker, """
                {"title": "API case", "teamId": %d}""".formatted(team));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).path("reference").asString();
    }

    private long newTeam() {
        return TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
    }

    private long newUser(Set<String> roles, Set<Long> teams) {
        String username = TestAccounts.uniqueName("api");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        return TestAccounts.load(context, username).id();
    }

    private String token(long userId) {
        return issue(userId, LocalDate.now().plusDays(30)).secret();
    }

    private IssuedApiToken issue(long userId, LocalDate expiresOn) {
        return TestAccounts.asAdministrator(() -> tokens.issue(userId, "test token", expiresOn));
    }

    private long currentVersion(long tokenId) {
        Long version = jdbc.queryForObject("SELECT version FROM api_token WHERE id = ?", Long.class, tokenId);
        return version == null ? 0 : version;
    }

    private long userVersion(long id) {
        Long version = jdbc.queryForObject("SELECT version FROM app_user WHERE id = ?", Long.class, id);
        return version == null ? 0 : version;
    }
}
