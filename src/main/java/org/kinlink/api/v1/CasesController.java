package org.kinlink.api.v1;

import static org.kinlink.api.v1.Fields.required;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseEdit;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseSort;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.people.PersonId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Cases, their parties and status transitions, through {@link CaseService} (the same access
 * policy and audit as the case views). Lists: caseworkers (their teams' cases) and coordinators
 * (every case's summary); everything else: caseworkers of the case's team.
 */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = "application/json")
class CasesController {

    private final CaseService cases;

    CasesController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping
    PageJson<CaseJson.ListItem> list(
            @RequestParam(required = false) @Nullable Set<CaseStatus> status,
            @RequestParam(required = false) @Nullable Set<Priority> priority,
            @RequestParam(required = false) @Nullable Long teamId,
            @RequestParam(required = false) @Nullable Long assigneeId,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable CaseSort sort,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        var filter = new CaseFilter(
                status == null ? Set.of() : status, teamId, assigneeId, priority == null ? Set.of() : priority, q);
        return PageJson.of(
                cases
                        .list(
                                filter,
                                sort == null ? CaseSort.RECENTLY_CHANGED : sort,
                                paging.offset(),
                                paging.size() + 1)
                        .stream()
                        .map(CaseJson.ListItem::of)
                        .toList(),
                paging);
    }

    @GetMapping("/{reference}")
    ResponseEntity<CaseJson> open(@PathVariable String reference) {
        return ok(cases.open(reference));
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<CaseJson> create(@RequestBody CaseRequests.NewCaseJson body) {
        String reference = cases.create(new NewCase(
                required(body.title(), "title"),
                body.summary(),
                body.priority() == null ? Priority.NORMAL : body.priority(),
                required(body.teamId(), "teamId"),
                body.assigneeId()));
        CaseDetails created = cases.open(reference);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + reference))
                .eTag(Versions.etag(created.version()))
                .body(CaseJson.of(created));
    }

    @PutMapping(path = "/{reference}", consumes = "application/json")
    ResponseEntity<CaseJson> update(
            @PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody CaseRequests.CaseEditJson body) {
        return ok(cases.update(new CaseEdit(
                reference,
                Versions.required(ifMatch, body.version()),
                required(body.title(), "title"),
                body.summary(),
                required(body.priority(), "priority"),
                body.assigneeId())));
    }

    /** Moves the case along its workflow (only the transitions the workflow allows the caller, with a reason). */
    @PostMapping(path = "/{reference}/status", consumes = "application/json")
    ResponseEntity<CaseJson> changeStatus(
            @PathVariable String reference,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody CaseRequests.StatusChangeJson body) {
        return ok(cases.changeStatus(
                reference,
                Versions.required(ifMatch, body.version()),
                required(body.status(), "status"),
                required(body.reason(), "reason")));
    }

    @PostMapping(path = "/{reference}/parties", consumes = "application/json")
    ResponseEntity<CaseJson> addParty(@PathVariable String reference, @RequestBody CaseRequests.NewPartyJson body) {
        CaseDetails details = cases.addParty(
                reference,
                new PersonId(required(body.personId(), "personId")),
                required(body.role(), "role"),
                body.relationship() == null ? Relationship.OTHER_RELATIVE : body.relationship());
        return ResponseEntity.status(201).eTag(Versions.etag(details.version())).body(CaseJson.of(details));
    }

    /** Changes a party's relationship; the version is the party's (If-Match or body). */
    @PutMapping(path = "/{reference}/parties/{partyId}", consumes = "application/json")
    ResponseEntity<CaseJson> changeParty(
            @PathVariable String reference,
            @PathVariable long partyId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody CaseRequests.PartyChangeJson body) {
        return ok(cases.changeParty(
                reference,
                partyId,
                Versions.required(ifMatch, body.version()),
                required(body.relationship(), "relationship")));
    }

    /** Removes a party added by mistake; the version is the party's (If-Match or {@code ?version=}). */
    @DeleteMapping("/{reference}/parties/{partyId}")
    ResponseEntity<CaseJson> removeParty(
            @PathVariable String reference,
            @PathVariable long partyId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestParam(required = false) @Nullable Long version) {
        return ok(cases.removeParty(reference, partyId, Versions.required(ifMatch, version)));
    }

    private static ResponseEntity<CaseJson> ok(CaseDetails details) {
        return ResponseEntity.ok().eTag(Versions.etag(details.version())).body(CaseJson.of(details));
    }
}
