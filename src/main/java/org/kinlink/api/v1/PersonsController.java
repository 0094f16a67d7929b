package org.kinlink.api.v1;

import static org.kinlink.api.v1.Fields.required;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Persons, through {@link PersonService}: name search with the matcher (any spelling or script),
 * reading with sensitive values masked by the field policy, registering, updating, revealing a
 * masked class with a reason. Caseworkers only, for the persons of their teams.
 */
@RestController
@RequestMapping(path = "/api/v1/persons", produces = "application/json")
class PersonsController {

    private final PersonService people;

    PersonsController(PersonService people) {
        this.people = people;
    }

    /** Persons whose names match {@code q}, best first (ranked lists are paged to 500 results). */
    @GetMapping
    PageJson<PersonJson.MatchJson> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        if (q == null || q.isBlank()) {
            throw new InvalidInput("q", "api.field-required");
        }
        var matches = people.search(q, paging.limitThroughThisPage()).stream()
                .map(PersonJson.MatchJson::of)
                .toList();
        return PageJson.slice(matches, paging);
    }

    @GetMapping("/{id}")
    ResponseEntity<PersonJson> open(@PathVariable long id) {
        return ok(people.open(new PersonId(id)));
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<PersonJson> register(@RequestBody PersonRequests.PersonBody body) {
        PersonId id = people.register(body.toForm(), required(body.teamId(), "teamId"));
        PersonDetails created = people.open(id);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id.value()))
                .eTag(Versions.etag(created.version()))
                .body(PersonJson.of(created));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    ResponseEntity<PersonJson> update(
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody PersonRequests.PersonBody body) {
        return ok(people.update(new PersonId(id), Versions.required(ifMatch, body.version()), body.toForm()));
    }

    /** The person with one masked class in clear, for a stated reason (recorded, never the value). */
    @PostMapping(path = "/{id}/reveal", consumes = "application/json")
    ResponseEntity<PersonJson> reveal(@PathVariable long id, @RequestBody PersonRequests.RevealBody body) {
        return ok(people.reveal(
                new PersonId(id), required(body.fieldClass(), "fieldClass"), required(body.reason(), "reason")));
    }

    private static ResponseEntity<PersonJson> ok(PersonDetails details) {
        return ResponseEntity.ok().eTag(Versions.etag(details.version())).body(PersonJson.of(details));
    }
}
