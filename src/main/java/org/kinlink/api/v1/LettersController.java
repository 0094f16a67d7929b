package org.kinlink.api.v1;

import static org.kinlink.api.v1.Fields.required;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.letters.Disclosed;
import org.kinlink.letters.InstitutionId;
import org.kinlink.letters.Institutions;
import org.kinlink.letters.LetterChannel;
import org.kinlink.letters.LetterDetails;
import org.kinlink.letters.LetterDraft;
import org.kinlink.letters.LetterFilter;
import org.kinlink.letters.LetterStatus;
import org.kinlink.letters.Letters;
import org.kinlink.people.PersonId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Letters to institutions and their workflow, and the institutions, through {@link Letters} and
 * {@link Institutions} (the same access policy, consent checks of the register (D6) and audit as the
 * letter views). A caseworker sees letters about their teams' cases only; sending, acknowledgement
 * and answer are the coordinators'. Files (the PDF, a scanned answer) stay in the application.
 */
@RestController
class LettersController {

    private final Letters letters;
    private final Institutions institutions;

    LettersController(Letters letters, Institutions institutions) {
        this.letters = letters;
        this.institutions = institutions;
    }

    @GetMapping(path = "/api/v1/letters", produces = "application/json")
    PageJson<LetterJson.ListItem> list(
            @RequestParam(required = false) @Nullable Set<LetterStatus> status,
            @RequestParam(required = false) @Nullable Long institutionId,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(required = false) @Nullable Boolean dueThisWeek,
            @RequestParam(required = false) @Nullable Boolean awaitingAnswer,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        var filter = new LetterFilter(
                status == null ? Set.of() : status,
                institutionId == null ? null : new InstitutionId(institutionId),
                Boolean.TRUE.equals(overdue),
                Boolean.TRUE.equals(dueThisWeek),
                Boolean.TRUE.equals(awaitingAnswer));
        return PageJson.of(
                letters.list(filter, paging.offset(), paging.size() + 1).stream()
                        .map(LetterJson.ListItem::of)
                        .toList(),
                paging);
    }

    @GetMapping(path = "/api/v1/letters/{reference}", produces = "application/json")
    ResponseEntity<LetterJson> open(@PathVariable String reference) {
        return ok(letters.open(reference));
    }

    @PostMapping(path = "/api/v1/letters", consumes = "application/json", produces = "application/json")
    ResponseEntity<LetterJson> draft(@RequestBody LetterRequests.DraftJson body) {
        String reference = letters.draft(toDraft(body));
        LetterDetails created = letters.open(reference);
        return ResponseEntity.created(URI.create("/api/v1/letters/" + reference))
                .eTag(Versions.etag(created.version()))
                .body(LetterJson.of(created));
    }

    /** Replaces a draft's content; the version is If-Match or the body's. */
    @PutMapping(path = "/api/v1/letters/{reference}", consumes = "application/json", produces = "application/json")
    ResponseEntity<LetterJson> update(
            @PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody LetterRequests.DraftJson body) {
        long version = Versions.required(ifMatch, body.version());
        return ok(letters.update(reference, version, toDraft(body)));
    }

    /** A workflow step without data: APPROVED (by a coordinator other than the author), DRAFT, CLOSED, WITHDRAWN. */
    @PostMapping(
            path = "/api/v1/letters/{reference}/transitions",
            consumes = "application/json",
            produces = "application/json")
    ResponseEntity<LetterJson> move(
            @PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody LetterRequests.TransitionJson body) {
        return ok(letters.move(
                reference, Versions.required(ifMatch, body.version()), required(body.status(), "status"), body.note()));
    }

    @PostMapping(
            path = "/api/v1/letters/{reference}/send",
            consumes = "application/json",
            produces = "application/json")
    ResponseEntity<LetterJson> send(
            @PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody LetterRequests.SendJson body) {
        return ok(
                letters.send(reference, Versions.required(ifMatch, body.version()), required(body.sentOn(), "sentOn")));
    }

    @PostMapping(
            path = "/api/v1/letters/{reference}/acknowledge",
            consumes = "application/json",
            produces = "application/json")
    ResponseEntity<LetterJson> acknowledge(
            @PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody LetterRequests.AcknowledgeJson body) {
        return ok(letters.acknowledge(
                reference,
                Versions.required(ifMatch, body.version()),
                required(body.acknowledgedOn(), "acknowledgedOn"),
                body.theirReference()));
    }

    /** Records the institution's answer (date and summary); attaching a scanned answer is in the application only. */
    @PostMapping(
            path = "/api/v1/letters/{reference}/answer",
            consumes = "application/json",
            produces = "application/json")
    ResponseEntity<LetterJson> answer(
            @PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody LetterRequests.AnswerJson body) {
        return ok(letters.answer(
                reference,
                Versions.required(ifMatch, body.version()),
                required(body.answeredOn(), "answeredOn"),
                required(body.summary(), "summary"),
                null));
    }

    @GetMapping(path = "/api/v1/institutions", produces = "application/json")
    PageJson<InstitutionJson.ListItem> institutions(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        return PageJson.of(
                institutions.list(q, paging.offset(), paging.size() + 1).stream()
                        .map(InstitutionJson.ListItem::of)
                        .toList(),
                paging);
    }

    @GetMapping(path = "/api/v1/institutions/{id}", produces = "application/json")
    InstitutionJson institution(@PathVariable long id) {
        return InstitutionJson.of(institutions.open(new InstitutionId(id)));
    }

    private static LetterDraft toDraft(LetterRequests.DraftJson body) {
        List<String> cases = required(body.caseReferences(), "caseReferences");
        var register = new ArrayList<Disclosed>();
        if (body.register() != null) {
            for (LetterRequests.DisclosedJson line : body.register()) {
                register.add(new Disclosed(
                        required(line.caseReference(), "register.caseReference"),
                        new PersonId(required(line.personId(), "register.personId")),
                        required(line.category(), "register.category"),
                        required(line.basis(), "register.basis")));
            }
        }
        return new LetterDraft(
                new InstitutionId(required(body.institutionId(), "institutionId")),
                cases,
                body.language() == null ? "en" : body.language(),
                body.channel() == null ? LetterChannel.POST : body.channel(),
                required(body.subject(), "subject"),
                body.body() == null ? "" : body.body(),
                body.theirReference(),
                register);
    }

    private static ResponseEntity<LetterJson> ok(LetterDetails details) {
        return ResponseEntity.ok().eTag(Versions.etag(details.version())).body(LetterJson.of(details));
    }
}
