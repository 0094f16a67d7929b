package org.kinlink.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API tests over real HTTP share: requests with a bearer token to the server on its
 * random port, JSON bodies, paged lists and RFC 9457 problems (I3).
 */
abstract class ApiOverHttp {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpRequest.Builder request(String path, @Nullable String token) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> get(String path, @Nullable String token) throws Exception {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON body when there is one; none otherwise. */
    HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body)
            throws Exception {
        var builder = request(path, token);
        if (body != null) {
            builder.header("Content-Type", "application/json");
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

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static List<JsonNode> items(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        json(response).path("items").forEach(list::add);
        return list;
    }

    /** I3: an RFC 9457 problem with the status, never a stack trace. */
    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
