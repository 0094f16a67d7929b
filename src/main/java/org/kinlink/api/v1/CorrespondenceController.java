package org.kinlink.api.v1;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.correspondence.Channel;
import org.kinlink.correspondence.CorrespondenceLog;
import org.kinlink.correspondence.Direction;
import org.kinlink.correspondence.EntryView;
import org.kinlink.correspondence.TimelineFilter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The correspondence log of a case, through {@link CorrespondenceLog}: the timeline (latest
 * revision of each entry, newest first), logging an entry, correcting one (a new revision against
 * the revision the caller read), revealing a sensitive summary with a reason. Caseworkers of the
 * case's team.
 */
@RestController
@RequestMapping(path = "/api/v1/cases/{reference}/correspondence", produces = "application/json")
class CorrespondenceController {

    private final CorrespondenceLog log;

    CorrespondenceController(CorrespondenceLog log) {
        this.log = log;
    }

    @GetMapping
    PageJson<EntryJson> timeline(
            @PathVariable String reference,
            @RequestParam(required = false) @Nullable Set<Channel> channel,
            @RequestParam(required = false) @Nullable Set<Direction> direction,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        var filter = new TimelineFilter(channel == null ? Set.of() : channel, direction == null ? Set.of() : direction);
        return PageJson.slice(
                log.timeline(reference, filter).stream().map(EntryJson::of).toList(), paging);
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<EntryJson> logEntry(@PathVariable String reference, @RequestBody EntryRequests.EntryBody body) {
        EntryView entry = log.log(reference, body.toForm());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + reference + "/correspondence/" + entry.entryKey()))
                .body(EntryJson.of(entry));
    }

    /** Every revision of an entry, newest first. */
    @GetMapping("/{entryKey}")
    PageJson<EntryJson> revisions(
            @PathVariable String reference,
            @PathVariable String entryKey,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        return PageJson.slice(
                log.revisions(reference, entryKey).stream().map(EntryJson::of).toList(), paging);
    }

    /** Corrects an entry: {@code basedOnRevision} (the revision read) and {@code reason} are required. */
    @PutMapping(path = "/{entryKey}", consumes = "application/json")
    EntryJson correct(
            @PathVariable String reference, @PathVariable String entryKey, @RequestBody EntryRequests.EntryBody body) {
        return EntryJson.of(log.correct(
                reference,
                entryKey,
                Fields.required(body.basedOnRevision(), "basedOnRevision"),
                body.toForm(),
                Fields.required(body.reason(), "reason")));
    }

    @PostMapping(path = "/{entryKey}/revisions/{revision}/reveal", consumes = "application/json")
    EntryJson reveal(
            @PathVariable String reference,
            @PathVariable String entryKey,
            @PathVariable int revision,
            @RequestBody EntryRequests.RevealBody body) {
        return EntryJson.of(log.reveal(reference, entryKey, revision, Fields.required(body.reason(), "reason")));
    }
}
