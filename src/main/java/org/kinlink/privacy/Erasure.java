package org.kinlink.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.KinlinkUser;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a person with two-person approval (D7). A caseworker who may open the person (a
 * caseworker of a team that registered them or owns a case they are party to) requests it with a
 * reason; an administrator other than the requester approves or rejects it. Request and approval
 * need a recent step-up (S4). On approval {@link ErasureExecution} removes the person's data from
 * every module in the same transaction, and the request keeps only the person's numeric id, who
 * asked and decided, and the counts of what went. Audited: {@code ERASURE_REQUESTED},
 * {@code ERASURE_APPROVED}, {@code ERASURE_REJECTED} and {@code PERSON_ERASED} (object {@code
 * PERSON} with the numeric id; request id, requester and approver in the reason; never a value).
 */
@Service
public class Erasure {

    public static final String STEP_UP_REQUEST = "erasure-request";
    public static final String STEP_UP_APPROVE = "erasure-approve";

    private static final String COLUMNS = "id, version, person_ref, status, reason, requested_by_name, requested_at,"
            + " decided_by_name, decided_at, decision_reason, outcome";

    private final JdbcTemplate jdbc;
    private final PersonService people;
    private final ErasureExecution execution;
    private final CurrentUser currentUser;
    private final StepUpCheck stepUp;
    private final AuditTrail audit;
    private final Clock clock;

    Erasure(
            JdbcTemplate jdbc,
            PersonService people,
            ErasureExecution execution,
            CurrentUser currentUser,
            StepUpCheck stepUp,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.execution = execution;
        this.currentUser = currentUser;
        this.stepUp = stepUp;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Asks for the person's erasure. Another team's person: "not found" (and {@code ACCESS_DENIED});
     * a reason is required; one pending request per person.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public long request(PersonId person, String reason) {
        people.checkVisible(person);
        String why = reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "erasure.reason-required");
        }
        if (why.length() > 1000) {
            throw new InvalidInput("reason", "erasure.reason-too-long");
        }
        if (pendingId(person).isPresent()) {
            throw new InvalidInput("person", "erasure.already-requested");
        }
        stepUp.require(STEP_UP_REQUEST);
        KinlinkUser user = currentUser.require();
        jdbc.update(
                "insert into erasure_request (person_ref, status, reason, requested_by, requested_by_name, requested_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                person.value(),
                ErasureStatus.PENDING.name(),
                why,
                user.id(),
                user.displayName(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        long id = pendingId(person).orElseThrow();
        audit.record(AuditEntry.success("ERASURE_REQUESTED", "PERSON", person.value())
                .because("erasure request " + id));
        return id;
    }

    /** The pending request for the person, if any (for the person's page). */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public Optional<ErasureRequestSummary> pendingFor(PersonId person) {
        people.checkVisible(person);
        return pendingId(person).map(this::load);
    }

    /** Requests, pending first, then the decided ones newest first; a page for a lazy grid. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<ErasureRequestSummary> list(int offset, int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from erasure_request order by status = 'PENDING' desc,"
                        + " coalesce(decided_at, requested_at) desc, id desc limit ? offset ?",
                ROWS,
                Math.max(0, Math.min(limit, 500)),
                Math.max(0, offset));
    }

    /** What approving the request would remove (counts and references only); empty once it is decided. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional(readOnly = true)
    public Optional<ErasurePreview> preview(long requestId) {
        ErasureRequestSummary request = load(requestId);
        if (request.status() != ErasureStatus.PENDING) {
            return Optional.empty();
        }
        return Optional.of(execution.preview(new PersonId(request.personRef())));
    }

    /**
     * Approves and carries out the erasure. Refused when the caller asked for it themselves, when
     * it is no longer pending, or when the request changed since it was loaded.
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public ErasureRequestSummary approve(long requestId, long version) {
        ErasureRequestSummary request = decidable(requestId, version);
        stepUp.require(STEP_UP_APPROVE);
        KinlinkUser approver = currentUser.require();
        PersonId person = new PersonId(request.personRef());
        Instant now = clock.instant();
        ErasureExecution.Result result = execution.execute(person, "[erased person E" + requestId + "]", now);
        String outcome = result.removed().outcomeLine() + "; files " + result.filesDeleted()
                + (result.anonymisedCases().isEmpty()
                        ? ""
                        : "; cases anonymised " + String.join(" ", result.anonymisedCases()));
        // the requester's words may have named the person
        jdbc.update(
                "update erasure_request set reason = ? where id = ?",
                result.names().scrub(request.reason()),
                requestId);
        decide(request, approver, ErasureStatus.ERASED, null, outcome, now);
        audit.record(AuditEntry.success("ERASURE_APPROVED", "ERASURE_REQUEST", requestId)
                .because("person " + person.value()));
        audit.record(AuditEntry.success("PERSON_ERASED", "PERSON", person.value())
                .because(truncate("request " + requestId + ", requested by " + request.requestedByName()
                        + ", approved by " + approver.displayName() + "; " + outcome)));
        return load(requestId);
    }

    /** Rejects the request with a reason; nothing is removed. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public ErasureRequestSummary reject(long requestId, long version, String reason) {
        String why = reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "erasure.rejection-reason-required");
        }
        if (why.length() > 1000) {
            throw new InvalidInput("reason", "erasure.reason-too-long");
        }
        ErasureRequestSummary request = decidable(requestId, version);
        decide(request, currentUser.require(), ErasureStatus.REJECTED, why, null, clock.instant());
        audit.record(AuditEntry.success("ERASURE_REJECTED", "ERASURE_REQUEST", requestId)
                .because("person " + request.personRef()));
        return load(requestId);
    }

    private ErasureRequestSummary decidable(long requestId, long version) {
        ErasureRequestSummary request = load(requestId);
        if (request.version() != version) {
            throw new ConcurrentChange("Erasure request");
        }
        if (request.status() != ErasureStatus.PENDING) {
            throw new InvalidInput("request", "erasure.already-decided");
        }
        Long requester =
                jdbc.queryForObject("select requested_by from erasure_request where id = ?", Long.class, requestId);
        if (requester != null && requester == currentUser.require().id()) {
            throw new InvalidInput("request", "erasure.not-own-request");
        }
        return request;
    }

    private void decide(
            ErasureRequestSummary request,
            KinlinkUser decider,
            ErasureStatus status,
            @Nullable String reason,
            @Nullable String outcome,
            Instant now) {
        int updated = jdbc.update(
                "update erasure_request set status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?,"
                        + " decision_reason = ?, outcome = ?, version = version + 1 where id = ? and version = ?",
                status.name(),
                decider.id(),
                decider.displayName(),
                LocalDateTime.ofInstant(now, ZoneOffset.UTC),
                reason,
                outcome == null ? null : truncate(outcome),
                request.id(),
                request.version());
        if (updated != 1) {
            throw new ConcurrentChange("Erasure request");
        }
    }

    private Optional<Long> pendingId(PersonId person) {
        return jdbc
                .queryForList(
                        "select id from erasure_request where person_ref = ? and status = 'PENDING' order by id",
                        Long.class,
                        person.value())
                .stream()
                .findFirst();
    }

    private ErasureRequestSummary load(long requestId) {
        return jdbc.query("select " + COLUMNS + " from erasure_request where id = ?", ROWS, requestId).stream()
                .findFirst()
                .orElseThrow(() -> new RecordNotFound("Erasure request"));
    }

    private static String truncate(String text) {
        return text.length() <= 480 ? text : text.substring(0, 477) + "...";
    }

    private static final RowMapper<ErasureRequestSummary> ROWS = (rs, n) -> new ErasureRequestSummary(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            ErasureStatus.valueOf(rs.getString(4)),
            rs.getString(5),
            rs.getString(6),
            rs.getObject(7, LocalDateTime.class).toInstant(ZoneOffset.UTC),
            rs.getString(8),
            instant(rs.getObject(9, LocalDateTime.class)),
            rs.getString(10),
            rs.getString(11));

    private static @Nullable Instant instant(@Nullable LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
