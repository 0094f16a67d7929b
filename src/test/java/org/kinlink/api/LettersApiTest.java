package org.kinlink.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinlink.AuditEvents;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.letters.Disclosed;
import org.kinlink.letters.InstitutionId;
import org.kinlink.letters.InstitutionType;
import org.kinlink.letters.LettersTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Letters and institutions through the REST API, over real HTTP with bearer tokens: the same
 * workflow, access (C3), consent and audit (L1) as the letter views. Each test names the
 * requirement it proves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LettersApiTest extends ApiOverHttp {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    String caseworker;
    String otherCaseworker;
    String coordinator;
    String secondCoordinator;
    String caseReference;
    String otherTeamsCase;
    KinlinkUser coordinatorUser;
    List<Disclosed> register;
    InstitutionId institution;

    @BeforeAll
    void usersCaseAndInstitution() {
        long team = LettersTestSupport.team(context);
        long otherTeam = LettersTestSupport.team(context);
        KinlinkUser cw = LettersTestSupport.user(context, Set.of(Roles.CASEWORKER), Set.of(team));
        KinlinkUser co = LettersTestSupport.user(context, Set.of(Roles.COORDINATOR), Set.of());
        caseworker = token(cw);
        KinlinkUser otherCw = LettersTestSupport.user(context, Set.of(Roles.CASEWORKER), Set.of(otherTeam));
        otherCaseworker = token(otherCw);
        otherTeamsCase =
                LettersTestSupport.caseWithParties(context, otherCw, otherTeam, "Other" + TestAccounts.uniqueName(""));
        coordinator = token(co);
        coordinatorUser = co;
        secondCoordinator = token(LettersTestSupport.user(context, Set.of(Roles.COORDINATOR), Set.of()));
        caseReference = LettersTestSupport.caseWithParties(context, cw, team, "Api" + TestAccounts.uniqueName(""));
        register = LettersTestSupport.names(context, List.of(caseReference));
        TestAccounts.signIn(co);
        institution = LettersTestSupport.institution(context, InstitutionType.RED_CROSS_RED_CRESCENT, "en");
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("D6, L1: a caseworker drafts and updates a letter; another coordinator approves, sends, acknowledges,"
            + " records the answer")
    void a_letter_goes_through_its_workflow_over_the_api() throws Exception {
        var created = send("POST", "/api/v1/letters", caseworker, draftJson("Request", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json(created).path("reference").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/letters/" + reference);
        assertThat(json(created).path("register")).hasSize(register.size());

        var read = get("/api/v1/letters/" + reference, caseworker);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("body").asString()).contains(caseReference);
        String etag = read.headers().firstValue("ETag").orElseThrow();

        var updated = http.send(
                request("/api/v1/letters/" + reference, caseworker)
                        .header("If-Match", etag)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(draftJson("Request renamed", null)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).path("subject").asString()).isEqualTo("Request renamed");
        long version = json(updated).path("version").asLong();

        // R1: the version read before the update is stale now
        assertProblem(send("PUT", "/api/v1/letters/" + reference, caseworker, draftJson("Again", 0L)), 409);

        // sending is the coordinators' (method security)
        assertProblem(
                send("POST", "/api/v1/letters/" + reference + "/send", caseworker, """
                        {"version": %d, "sentOn": "%s"}""".formatted(
                                version, LocalDate.now())),
                403);

        var approved =
                send("POST", "/api/v1/letters/" + reference + "/transitions", coordinator, """
                {"version": %d, "status": "APPROVED", "note": "fine"}""".formatted(version));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).path("status").asString()).isEqualTo("APPROVED");

        var sent = send("POST", "/api/v1/letters/" + reference + "/send", coordinator, """
                {"version": %d, "sentOn": "%s"}""".formatted(
                        json(approved).path("version").asLong(), LocalDate.now().minusDays(1)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(json(sent).path("dueOn").isNull()).isFalse();

        var acknowledged = send("POST", "/api/v1/letters/" + reference + "/acknowledge", coordinator, """
                {"version": %d, "acknowledgedOn": "%s", "theirReference": "ICRC/77"}""".formatted(
                        json(sent).path("version").asLong(), LocalDate.now()));
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(json(acknowledged).path("theirReference").asString()).isEqualTo("ICRC/77");

        var answered = send("POST", "/api/v1/letters/" + reference + "/answer", coordinator, """
                {"version": %d, "answeredOn": "%s", "summary": "Registered in a camp."}""".formatted(
                        json(acknowledged).path("version").asLong(), LocalDate.now()));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(json(answered).path("status").asString()).isEqualTo("ANSWERED");
        assertThat(json(answered).path("answerSummary").asString()).isEqualTo("Registered in a camp.");
        // the caseworker of the case sees the answer too (the service shows it to them)
        assertThat(json(get("/api/v1/letters/" + reference, caseworker))
                        .path("answerSummary")
                        .asString())
                .isEqualTo("Registered in a camp.");

        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_event WHERE object_type = 'LETTER' AND object_id = ?",
                        String.class,
                        reference))
                .contains("LETTER_DRAFTED", "LETTER_UPDATED", "LETTER_VIEWED");
    }

    @Test
    @DisplayName("a coordinator may not approve their own letter: 400 naming the status")
    void self_approval_is_refused() throws Exception {
        var created = send("POST", "/api/v1/letters", coordinator, draftJson("Own", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json(created).path("reference").asString();

        var refused = send("POST", "/api/v1/letters/" + reference + "/transitions", coordinator, """
                {"version": %d, "status": "APPROVED"}""".formatted(
                        json(created).path("version").asLong()));

        assertProblem(refused, 400);
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("status");
        assertThat(get("/api/v1/letters/" + reference, coordinator).body()).contains("\"DRAFT\"");
    }

    @Test
    @DisplayName(
            "C3, L1: a caseworker of another team gets 404 for a letter about a Team-A case; the refusal is audited")
    void c3_another_teams_letter_is_not_found() throws Exception {
        var created = send("POST", "/api/v1/letters", caseworker, draftJson("Team A", null));
        String reference = json(created).path("reference").asString();
        long before = AuditEvents.newest(jdbc);

        assertProblem(get("/api/v1/letters/" + reference, otherCaseworker), 404);
        assertProblem(send("PUT", "/api/v1/letters/" + reference, otherCaseworker, draftJson("Taken", 0L)), 404);
        assertProblem(send("POST", "/api/v1/letters/" + reference + "/transitions", otherCaseworker, """
                {"version": 0, "status": "WITHDRAWN"}"""), 404);

        assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(event -> assertThat(event).containsEntry("object_id", reference));
        assertThat(items(get("/api/v1/letters?size=100", otherCaseworker)))
                .noneMatch(item -> item.path("reference").asString().equals(reference));
    }

    @Test
    @DisplayName("C3: a letter also about another team's case is shown to a caseworker without its body")
    void the_body_is_withheld_when_the_letter_covers_a_case_the_caller_may_not_see() throws Exception {
        List<String> both = List.of(caseReference, otherTeamsCase);
        var lines = new StringBuilder();
        TestAccounts.signIn(coordinatorUser);
        for (Disclosed line : LettersTestSupport.names(context, both)) {
            lines.append(lines.isEmpty() ? "" : ", ").append("""
                            {"caseReference": "%s", "personId": %d, "category": "%s", "basis": "%s"}""".formatted(
                            line.caseReference(), line.personId().value(), line.category(), line.basis()));
        }
        SecurityContextHolder.clearContext();
        var created = send("POST", "/api/v1/letters", coordinator, """
                {"institutionId": %d, "caseReferences": ["%s", "%s"], "subject": "Both",
                 "body": "About both cases.", "register": [%s]}""".formatted(
                        institution.value(), caseReference, otherTeamsCase, lines));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json(created).path("reference").asString();
        assertThat(json(created).path("body").asString()).isEqualTo("About both cases.");

        JsonNode seen = json(get("/api/v1/letters/" + reference, caseworker));

        assertThat(seen.path("bodyWithheld").asBoolean()).isTrue();
        assertThat(seen.path("body").isNull() || seen.path("body").isMissingNode())
                .isTrue();
        assertThat(seen.path("caseReferences")).hasSize(1);
        assertThat(seen.toString()).doesNotContain("About both cases.").doesNotContain(otherTeamsCase);
    }

    @Test
    @DisplayName("lists: letters for caseworker and coordinator with filters, pages with hasNext")
    void letters_are_listed_in_pages() throws Exception {
        String first = json(send("POST", "/api/v1/letters", caseworker, draftJson("One", null)))
                .path("reference")
                .asString();
        send("POST", "/api/v1/letters", caseworker, draftJson("Two", null));

        var page = get("/api/v1/letters?status=DRAFT&institutionId=" + institution.value() + "&size=1", coordinator);
        assertThat(items(page)).hasSize(1);
        assertThat(json(page).path("hasNext").asBoolean()).isTrue();
        assertThat(items(get("/api/v1/letters?institutionId=" + institution.value() + "&size=100", caseworker)))
                .anyMatch(item -> item.path("reference").asString().equals(first));
        assertThat(items(get("/api/v1/letters?overdue=true&institutionId=" + institution.value(), coordinator)))
                .isEmpty();
        assertThat(items(get("/api/v1/letters?dueThisWeek=true&status=DRAFT", coordinator)))
                .isEmpty();
    }

    @Test
    @DisplayName("I3: bad input is a 400 naming the field")
    void bad_input_names_the_field() throws Exception {
        var missingSubject =
                send("POST", "/api/v1/letters", caseworker, """
                {"institutionId": %d, "caseReferences": ["%s"]}""".formatted(institution.value(), caseReference));
        assertProblem(missingSubject, 400);
        assertThat(json(missingSubject).path("errors").get(0).path("field").asString())
                .isEqualTo("subject");

        var tooBig = get("/api/v1/letters?size=101", coordinator);
        assertProblem(tooBig, 400);
        assertThat(json(tooBig).path("errors").get(0).path("field").asString()).isEqualTo("size");

        var badStatus = get("/api/v1/letters?status=LOST", coordinator);
        assertProblem(badStatus, 400);
        assertThat(json(badStatus).path("errors").get(0).path("field").asString())
                .isEqualTo("status");
    }

    @Test
    @DisplayName("institutions: listed in pages and opened by id, for caseworker and coordinator")
    void institutions_are_listed_and_opened() throws Exception {
        for (String token : List.of(caseworker, coordinator)) {
            var page = get("/api/v1/institutions?size=1", token);
            assertThat(items(page)).hasSize(1);
            var one = get("/api/v1/institutions/" + institution.value(), token);
            assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
            assertThat(json(one).path("type").asString()).isEqualTo("RED_CROSS_RED_CRESCENT");
            assertThat(json(one).path("address").asString()).contains("Geneva");
        }
        assertProblem(get("/api/v1/institutions/999999999", coordinator), 404);
    }

    @Test
    void the_openapi_description_lists_the_letter_paths() throws Exception {
        JsonNode paths = json(get("/api/docs", null)).path("paths");

        for (String path : List.of(
                "/api/v1/letters",
                "/api/v1/letters/{reference}",
                "/api/v1/letters/{reference}/transitions",
                "/api/v1/letters/{reference}/send",
                "/api/v1/letters/{reference}/acknowledge",
                "/api/v1/letters/{reference}/answer",
                "/api/v1/institutions",
                "/api/v1/institutions/{id}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    // ---------------------------------------------------------------- helpers

    private String draftJson(String subject, @Nullable Long version) {
        var lines = new StringBuilder();
        for (Disclosed line : register) {
            if (!lines.isEmpty()) {
                lines.append(", ");
            }
            lines.append("""
                    {"caseReference": "%s", "personId": %d, "category": "%s", "basis": "%s"}""".formatted(line.caseReference(), line.personId().value(), line.category(), line.basis()));
        }
        return """
                {%s"institutionId": %d, "caseReferences": ["%s"], "subject": "%s",
                 "body": "We write about the persons of our case %s.", "register": [%s]}""".formatted(
                        version == null ? "" : "\"version\": " + version + ", ",
                        institution.value(),
                        caseReference,
                        subject,
                        caseReference,
                        lines);
    }

    private String token(KinlinkUser user) {
        return TestAccounts.asAdministrator(() ->
                        tokens.issue(user.id(), "test token", LocalDate.now().plusDays(30)))
                .secret();
    }
}
