package org.kinlink.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.AccessPolicy.Visibility;
import org.kinlink.access.CaseAction;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.UserDirectory;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonService;
import org.kinlink.people.PersonSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only entry to cases. Every operation asks the {@link AccessPolicy} (role and team), scopes
 * its queries by it, and records its audit event in the same transaction. A case of another team
 * is "not found", whatever the path (reference, id, search).
 */
@Service
public class CaseService {

    private static final Pattern REFERENCE_LIKE = Pattern.compile("(?i)^\\s*KL-[0-9-]*\\s*$");
    private static final int MAX_TITLE = 200;
    private static final int MAX_REASON = 1000;

    private final CaseFileRepository cases;
    private final PartyRepository parties;
    private final StatusChangeRepository history;
    private final ConsentRepository consents;
    private final ConsentRecordRepository consentRecords;
    private final DisclosureRepository disclosures;
    private final CaseReferences references;
    private final CaseQueries queries;
    private final PersonService people;
    private final UserDirectory directory;
    private final AccessPolicy policy;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ImportedCaseRemoval importedRemoval;

    CaseService(
            CaseFileRepository cases,
            PartyRepository parties,
            StatusChangeRepository history,
            ConsentRepository consents,
            ConsentRecordRepository consentRecords,
            DisclosureRepository disclosures,
            CaseReferences references,
            CaseQueries queries,
            PersonService people,
            UserDirectory directory,
            AccessPolicy policy,
            CurrentUser currentUser,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            ImportedCaseRemoval importedRemoval) {
        this.importedRemoval = importedRemoval;
        this.cases = cases;
        this.parties = parties;
        this.history = history;
        this.consents = consents;
        this.consentRecords = consentRecords;
        this.disclosures = disclosures;
        this.references = references;
        this.queries = queries;
        this.people = people;
        this.directory = directory;
        this.policy = policy;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lists

    /**
     * One page of the cases the caller may see, newest change first by default. The first page of
     * each query is recorded (without the search text, which may be a name).
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public List<CaseListItem> list(CaseFilter filter, CaseSort sort, int offset, int limit) {
        return page(filter, sort, null, offset, limit);
    }

    private List<CaseListItem> page(
            CaseFilter filter, CaseSort sort, @Nullable CaseCursor after, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and 500");
        }
        Visibility visibility = policy.visibility(CaseAction.SEE_CASE_SUMMARY);
        if (visibility.none()) {
            return List.of();
        }
        String referencePrefix = null;
        Collection<Long> personIds = null;
        String text = filter.text() == null ? "" : filter.text().strip();
        if (!text.isEmpty()) {
            if (REFERENCE_LIKE.matcher(text).matches()) {
                referencePrefix = text.toUpperCase(java.util.Locale.ROOT);
            } else {
                personIds = people.matchingIds(text, 50);
                if (personIds.isEmpty()) {
                    return List.of();
                }
            }
        }
        List<CaseQueries.Row> rows =
                queries.page(visibility, filter, referencePrefix, personIds, sort, after, offset, limit);
        if (offset == 0 && after == null) {
            audit.record(AuditEntry.success("CASES_LISTED", "CASE", null).because(describe(filter, sort)));
        }
        return items(rows);
    }

    /**
     * The page after {@code after} (the last row of the previous page) in the same filter and sort:
     * keyset paging, as cheap deep in the list as at its start. Scrolling on continues the query
     * whose first page was recorded, so a continuation is not recorded again.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public List<CaseListItem> listAfter(CaseFilter filter, CaseSort sort, CaseCursor after, int limit) {
        return page(filter, sort, java.util.Objects.requireNonNull(after, "after"), 0, limit);
    }

    /** Open cases assigned to the signed-in caseworker, for "My cases". */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public List<CaseListItem> myCases(CaseSort sort, int offset, int limit) {
        var mine = new CaseFilter(
                java.util.EnumSet.allOf(CaseStatus.class).stream()
                        .filter(CaseStatus::isOpen)
                        .collect(Collectors.toSet()),
                null,
                currentUser.require().id(),
                Set.of(),
                null);
        return list(mine, sort, offset, limit);
    }

    // ---------------------------------------------------------------- one case

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public String create(NewCase request) {
        policy.require(CaseAction.CREATE_CASE, request.teamId(), "TEAM", request.teamId());
        String title = title(request.title());
        checkAssignee(request.assigneeId(), request.teamId());
        String reference = references.next(Year.now(clock).getValue());
        var file = new CaseFile(reference, title, request.priority(), request.teamId(), clock.instant());
        file.summary = blank(request.summary());
        file.assigneeId = request.assigneeId();
        cases.saveAndFlush(file);
        KinlinkUser user = currentUser.require();
        history.save(new StatusChange(
                file.id(), null, CaseStatus.NEW, "opened", user.id(), user.displayName(), clock.instant()));
        audit.record(AuditEntry.success("CASE_CREATED", "CASE", reference));
        events.publishEvent(new CaseStatusChanged(new CaseId(file.id()), reference, null, CaseStatus.NEW));
        return reference;
    }

    /** The whole case, for a caseworker of its team; recorded as a read of the case. */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails open(String reference) {
        CaseFile file = load(reference, CaseAction.READ_CASE);
        audit.record(AuditEntry.success("CASE_VIEWED", "CASE", reference));
        return details(file);
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails update(CaseEdit edit) {
        CaseFile file = load(edit.reference(), CaseAction.EDIT_CASE);
        checkVersion(file, edit.version());
        file.title = title(edit.title());
        file.summary = blank(edit.summary());
        file.priority = edit.priority();
        checkAssignee(edit.assigneeId(), file.teamId);
        file.assigneeId = edit.assigneeId();
        touch(file);
        audit.record(AuditEntry.success("CASE_UPDATED", "CASE", file.reference()));
        return details(file);
    }

    /**
     * Removes a case that a spreadsheet import created, for undoing that import: only while it is
     * exactly as the import left it ({@code importedVersion}, the version at the end of the import)
     * and no other record refers to it (contacts log, letters, consents, disclosures); otherwise
     * {@link ConcurrentChange} and nothing is removed. Its parties and status history go with it.
     * Audited as {@code CASE_DELETED_IMPORTED}.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public void deleteImported(String reference, long importedVersion) {
        CaseFile file = load(reference, CaseAction.EDIT_CASE);
        checkVersion(file, importedVersion);
        if (importedRemoval.referencedElsewhere(file.id())) {
            throw new ConcurrentChange("Case " + file.reference());
        }
        cases.flush();
        importedRemoval.remove(file.id());
        audit.record(AuditEntry.success("CASE_DELETED_IMPORTED", "CASE", file.reference()));
    }

    /**
     * Moves the case along its workflow. Only the transitions of {@link CaseWorkflow} for the
     * caller's roles are accepted, each with its precondition and a reason.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails changeStatus(String reference, long version, CaseStatus target, String reason) {
        CaseFile file = load(reference, CaseAction.CHANGE_CASE_STATUS);
        checkVersion(file, version);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "common.reason-required");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInput("reason", "common.too-long", MAX_REASON);
        }
        KinlinkUser user = currentUser.require();
        CaseWorkflow.Transition transition =
                CaseWorkflow.find(file.status, target, file.statusBeforeHold, user.roles());
        if (transition == null) {
            audit.recordIndependently(AuditEntry.denied("CASE_STATUS_CHANGE", "CASE", reference)
                    .because(file.status + " -> " + target + " not allowed"));
            throw new InvalidInput("status", "case.transition-not-allowed");
        }
        checkRequirement(file, transition.requirement());
        CaseStatus from = file.status;
        if (target == CaseStatus.ON_HOLD) {
            file.statusBeforeHold = from;
        } else if (from == CaseStatus.ON_HOLD) {
            file.statusBeforeHold = null;
        }
        file.status = target;
        file.closedAt = target.isOpen() ? null : clock.instant();
        touch(file);
        history.save(new StatusChange(file.id(), from, target, why, user.id(), user.displayName(), clock.instant()));
        audit.record(
                AuditEntry.success("CASE_STATUS_CHANGED", "CASE", reference).because(from + " -> " + target));
        events.publishEvent(new CaseStatusChanged(new CaseId(file.id()), reference, from, target));
        return details(file);
    }

    /**
     * For other modules that keep records on a case (the correspondence log): the case if the
     * caller may take the action on it, else "not found" (refusal recorded), as for the case itself.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public CaseRef access(String reference, CaseAction action) {
        CaseFile file = load(reference, action);
        return new CaseRef(new CaseId(file.id()), file.reference(), file.teamId);
    }

    /**
     * For letters: reference, team, party names and roles and each sought person's disclosure
     * decision, for cases the caller may see the summary of (coordinators any case, caseworkers their
     * teams'); any other reference is "not found" (refusal recorded). Recorded as a read per case.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public List<CaseFacts> letterFacts(Collection<String> references) {
        var facts = new ArrayList<CaseFacts>();
        for (String reference : new java.util.LinkedHashSet<>(references)) {
            CaseFile file = load(reference, CaseAction.SEE_CASE_SUMMARY);
            List<Party> caseParties = parties.findByCaseIdOrderById(file.id());
            Map<PersonId, PersonSummary> persons = people.summaries(
                    caseParties.stream().map(p -> new PersonId(p.personId)).toList());
            Map<Long, DisclosureDecision> decisions = consents.findByCaseId(file.id()).stream()
                    .collect(Collectors.toMap(c -> c.soughtPartyId, c -> c.disclosure, (a, b) -> a));
            facts.add(new CaseFacts(
                    new CaseId(file.id()),
                    file.reference(),
                    file.teamId,
                    caseParties.stream()
                            .map(p -> new CaseFacts.Party(
                                    new PersonId(p.personId),
                                    name(persons, p.personId),
                                    p.role,
                                    p.role == PartyRole.SOUGHT
                                            ? decisions.getOrDefault(p.id(), DisclosureDecision.NOT_ASKED)
                                            : null))
                            .toList()));
            audit.record(AuditEntry.success("CASE_FACTS_READ", "CASE", file.reference())
                    .because("for a letter"));
        }
        return facts;
    }

    // ---------------------------------------------------------------- parties

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails addParty(String reference, PersonId personId, PartyRole role, Relationship relationship) {
        CaseFile file = load(reference, CaseAction.EDIT_CASE);
        // the caller must be able to see the person too (their team's, or in their team's cases)
        people.checkVisible(personId);
        PersonId current = people.current(personId);
        if (parties.findByCaseIdOrderById(file.id()).stream().anyMatch(p -> p.personId == current.value())) {
            throw new InvalidInput("person", "case.party-already-added");
        }
        var party = parties.saveAndFlush(new Party(
                file.id(),
                current.value(),
                role,
                role == PartyRole.SOUGHT ? Relationship.SELF : relationship,
                clock.instant()));
        if (role == PartyRole.SOUGHT) {
            consents.save(new Consent(file.id(), party.id()));
        }
        touch(file);
        audit.record(AuditEntry.success("CASE_PARTY_ADDED", "CASE", reference).because(role + " person " + current));
        return details(file);
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails changeParty(String reference, long partyId, long partyVersion, Relationship relationship) {
        CaseFile file = load(reference, CaseAction.EDIT_CASE);
        Party party = party(file, partyId);
        if (party.version() != partyVersion) {
            throw new ConcurrentChange("Party");
        }
        if (party.role == PartyRole.SOUGHT) {
            throw new InvalidInput("relationship", "case.sought-relationship-fixed");
        }
        party.relationship = relationship;
        flush(() -> parties.saveAndFlush(party), "Party");
        touch(file);
        audit.record(AuditEntry.success("CASE_PARTY_CHANGED", "CASE", reference).because("party " + partyId));
        return details(file);
    }

    /** Removes a party added by mistake; a sought person with recorded consent decisions stays. */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails removeParty(String reference, long partyId, long partyVersion) {
        CaseFile file = load(reference, CaseAction.EDIT_CASE);
        Party party = party(file, partyId);
        if (party.version() != partyVersion) {
            throw new ConcurrentChange("Party");
        }
        var consent = consents.findBySoughtPartyId(party.id());
        if (consent.isPresent()) {
            if (!consentRecords
                    .findByConsentIdInOrderByRecordedAtDescIdDesc(
                            List.of(consent.get().id()))
                    .isEmpty()) {
                throw new InvalidInput("party", "case.party-has-consent");
            }
            consents.delete(consent.get());
        }
        boolean disclosed = disclosures.findByCaseIdOrderByRecordedAtDesc(file.id()).stream()
                .anyMatch(d -> d.soughtPartyId == partyId || d.enquirerPartyId == partyId);
        if (disclosed) {
            throw new InvalidInput("party", "case.party-has-consent");
        }
        parties.delete(party);
        parties.flush();
        touch(file);
        audit.record(AuditEntry.success("CASE_PARTY_REMOVED", "CASE", reference).because("party " + partyId));
        return details(file);
    }

    // ---------------------------------------------------------------- consent

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails recordTracingConsent(
            String reference,
            long soughtPartyId,
            long consentVersion,
            TracingConsent decision,
            LocalDate decidedOn,
            String obtainedHow) {
        return recordDecision(
                reference,
                soughtPartyId,
                consentVersion,
                "TRACING",
                decision,
                decision == TracingConsent.NOT_RECORDED,
                decidedOn,
                obtainedHow,
                consent -> {
                    consent.tracingConsent = decision;
                    consent.tracingConsentAt = clock.instant();
                },
                "tracing consent");
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails recordDisclosureDecision(
            String reference,
            long soughtPartyId,
            long consentVersion,
            DisclosureDecision decision,
            LocalDate decidedOn,
            String obtainedHow) {
        return recordDecision(
                reference,
                soughtPartyId,
                consentVersion,
                "DISCLOSURE",
                decision,
                decision == DisclosureDecision.NOT_ASKED,
                decidedOn,
                obtainedHow,
                consent -> {
                    consent.disclosure = decision;
                    consent.disclosureAt = clock.instant();
                },
                "disclosure decision");
    }

    /** Records one consent or decision: checked, stored with its history row, audited. */
    private CaseDetails recordDecision(
            String reference,
            long soughtPartyId,
            long consentVersion,
            String subject,
            Enum<?> decision,
            boolean noDecision,
            LocalDate decidedOn,
            String obtainedHow,
            java.util.function.Consumer<Consent> apply,
            String what) {
        CaseFile file = load(reference, CaseAction.RECORD_CONSENT);
        Consent consent = consent(file, soughtPartyId, consentVersion);
        if (noDecision) {
            throw new InvalidInput("decision", "consent.decision-required");
        }
        String how = obtainedHow(obtainedHow, decidedOn);
        apply.accept(consent);
        flush(() -> consents.saveAndFlush(consent), "Consent");
        addRecord(consent, subject, decision.name(), decidedOn, how);
        touch(file);
        audit.record(AuditEntry.success("CONSENT_RECORDED", "CASE", reference)
                .because(what + " " + decision + " for party " + soughtPartyId));
        return details(file);
    }

    /**
     * Records that something of the sought person was passed to an enquirer. Contact details and
     * whereabouts only with AGREED_TO_CONTACT; messages also with AGREED_TO_MESSAGES_ONLY; nothing
     * otherwise (reunification only by mutual consent).
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public CaseDetails recordDisclosure(
            String reference, long soughtPartyId, long enquirerPartyId, DisclosureKind kind, @Nullable String note) {
        CaseFile file = load(reference, CaseAction.RECORD_CONSENT);
        Party sought = party(file, soughtPartyId);
        Party enquirer = party(file, enquirerPartyId);
        if (sought.role != PartyRole.SOUGHT || enquirer.role != PartyRole.ENQUIRER) {
            throw new InvalidInput("party", "consent.disclosure-parties");
        }
        Consent consent = consents.findBySoughtPartyId(soughtPartyId)
                .orElseThrow(() -> new InvalidInput("party", "consent.disclosure-parties"));
        if (note != null && note.strip().length() > MAX_REASON) {
            throw new InvalidInput("note", "common.too-long", MAX_REASON);
        }
        boolean allowed = kind == DisclosureKind.CONTACT_DETAILS
                ? consent.disclosure.allowsContactDetails()
                : consent.disclosure.allowsMessages();
        if (!allowed) {
            audit.recordIndependently(AuditEntry.denied("DISCLOSURE_REFUSED", "CASE", reference)
                    .because(kind + " with decision " + consent.disclosure));
            throw new InvalidInput(
                    "kind",
                    kind == DisclosureKind.CONTACT_DETAILS
                            ? "consent.contact-details-need-agreement"
                            : "consent.messages-need-agreement");
        }
        disclosures.save(new Disclosure(
                file.id(),
                soughtPartyId,
                enquirerPartyId,
                kind,
                blank(note),
                currentUser.require().id(),
                clock.instant()));
        touch(file);
        audit.record(AuditEntry.success("DISCLOSURE_RECORDED", "CASE", reference)
                .because(kind + " from party " + soughtPartyId + " to party " + enquirerPartyId));
        return details(file);
    }

    // ---------------------------------------------------------------- helpers

    private CaseFile load(String reference, CaseAction action) {
        CaseFile file = cases.findByReference(reference.strip()).orElseThrow(() -> new RecordNotFound("Case"));
        if (!policy.permits(action, file.teamId)) {
            try {
                policy.deny(action, "CASE", reference);
            } catch (AccessDeniedException denied) {
                throw new RecordNotFound("Case");
            }
        }
        return file;
    }

    private void checkVersion(CaseFile file, long version) {
        if (file.version() != version) {
            throw new ConcurrentChange("Case " + file.reference());
        }
    }

    private void checkRequirement(CaseFile file, CaseWorkflow.Requirement requirement) {
        List<Consent> all = consents.findByCaseId(file.id());
        switch (requirement) {
            case NONE -> {}
            case SOUGHT_AGREED_TO_CONTACT -> {
                if (all.stream().noneMatch(c -> c.disclosure == DisclosureDecision.AGREED_TO_CONTACT)) {
                    throw new InvalidInput("status", "case.contact-needs-agreement");
                }
            }
            case SOUGHT_REFUSED -> {
                if (all.stream()
                        .noneMatch(c -> c.disclosure == DisclosureDecision.REFUSED
                                || c.disclosure == DisclosureDecision.WITHDRAWN)) {
                    throw new InvalidInput("status", "case.declined-needs-refusal");
                }
            }
        }
    }

    private void checkAssignee(@Nullable Long assigneeId, long teamId) {
        if (assigneeId != null && directory.caseworkersOf(teamId).stream().noneMatch(u -> u.id() == assigneeId)) {
            throw new InvalidInput("assignee", "case.assignee-not-in-team");
        }
    }

    private Party party(CaseFile file, long partyId) {
        return parties.findById(partyId)
                .filter(p -> p.caseId() == file.id())
                .orElseThrow(() -> new InvalidInput("party", "case.party-not-found"));
    }

    private Consent consent(CaseFile file, long soughtPartyId, long version) {
        Party sought = party(file, soughtPartyId);
        Consent consent = consents.findBySoughtPartyId(sought.id())
                .orElseThrow(() -> new InvalidInput("party", "consent.not-sought"));
        if (consent.version() != version) {
            throw new ConcurrentChange("Consent");
        }
        return consent;
    }

    private String obtainedHow(String obtainedHow, LocalDate decidedOn) {
        String how = obtainedHow == null ? "" : obtainedHow.strip();
        if (how.isEmpty()) {
            throw new InvalidInput("obtainedHow", "consent.how-required");
        }
        if (how.length() > 500) {
            throw new InvalidInput("obtainedHow", "common.too-long", 500);
        }
        if (decidedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput("decidedOn", "consent.date-in-future");
        }
        return how;
    }

    private void addRecord(Consent consent, String subject, String decision, LocalDate decidedOn, String how) {
        KinlinkUser user = currentUser.require();
        consentRecords.save(new ConsentRecord(
                consent.id(), subject, decision, decidedOn, how, user.id(), user.displayName(), clock.instant()));
    }

    private static void flush(Runnable save, String what) {
        try {
            save.run();
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConcurrentChange(what);
        }
    }

    /** Marks the case changed; a concurrent save that got in first makes this one fail as a {@link ConcurrentChange}. */
    private void touch(CaseFile file) {
        file.updatedAt = clock.instant();
        try {
            cases.saveAndFlush(file);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConcurrentChange("Case " + file.reference());
        }
    }

    private static String title(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInput("title", "case.title-required");
        }
        if (trimmed.length() > MAX_TITLE) {
            throw new InvalidInput("title", "common.too-long", MAX_TITLE);
        }
        return trimmed;
    }

    private CaseDetails details(CaseFile file) {
        List<Party> caseParties = parties.findByCaseIdOrderById(file.id());
        Map<PersonId, PersonSummary> persons = people.summaries(
                caseParties.stream().map(p -> new PersonId(p.personId)).toList());
        var partyViews = caseParties.stream()
                .map(p -> new PartyView(
                        p.id(),
                        p.version(),
                        new PersonId(p.personId),
                        name(persons, p.personId),
                        p.role,
                        p.relationship))
                .toList();
        List<Consent> caseConsents = consents.findByCaseId(file.id());
        Map<Long, List<ConsentRecord>> recordsByConsent =
                consentRecords
                        .findByConsentIdInOrderByRecordedAtDescIdDesc(
                                caseConsents.stream().map(Consent::id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(r -> r.consentId));
        Map<Long, Long> personOfParty = caseParties.stream().collect(Collectors.toMap(Party::id, p -> p.personId));
        var consentViews = caseConsents.stream()
                .map(c -> new ConsentView(
                        c.soughtPartyId,
                        name(persons, personOfParty.getOrDefault(c.soughtPartyId, -1L)),
                        c.version(),
                        c.tracingConsent,
                        c.disclosure,
                        recordsByConsent.getOrDefault(c.id(), List.of()).stream()
                                .map(r -> new ConsentView.Entry(
                                        r.subject,
                                        r.decision,
                                        r.decidedOn,
                                        r.obtainedHow,
                                        r.recordedByName,
                                        r.recordedAt))
                                .toList()))
                .toList();
        var historyEntries = history.findByCaseIdOrderByChangedAtDescIdDesc(file.id()).stream()
                .map(h -> new HistoryEntry(h.from, h.to, h.reason, h.changedByName, h.changedAt))
                .toList();
        Map<Long, String> names = file.assigneeId == null ? Map.of() : directory.userNames(List.of(file.assigneeId));
        return new CaseDetails(
                new CaseId(file.id()),
                file.reference(),
                file.version(),
                file.title,
                file.summary,
                file.priority,
                file.status,
                file.statusBeforeHold,
                file.teamId,
                directory.teamNames().getOrDefault(file.teamId, "?"),
                file.assigneeId,
                file.assigneeId == null ? null : names.get(file.assigneeId),
                file.openedAt(),
                file.closedAt,
                partyViews,
                consentViews,
                historyEntries,
                CaseWorkflow.allowed(
                        file.status,
                        file.statusBeforeHold,
                        currentUser.require().roles()),
                otherCasesAboutSought(file, caseParties));
    }

    /** Other cases (that the caller may see) in which one of this case's sought persons is sought too. */
    private List<CaseListItem> otherCasesAboutSought(CaseFile file, List<Party> caseParties) {
        Set<Long> caseIds = new HashSet<>();
        for (Party party : caseParties) {
            if (party.role == PartyRole.SOUGHT) {
                parties.findByPersonIdAndRole(party.personId, PartyRole.SOUGHT).stream()
                        .map(Party::caseId)
                        .filter(id -> id != file.id())
                        .forEach(caseIds::add);
            }
        }
        if (caseIds.isEmpty()) {
            return List.of();
        }
        Visibility visibility = policy.visibility(CaseAction.SEE_CASE_SUMMARY);
        var rows = cases.findAllById(caseIds).stream()
                .filter(c -> visibility.includes(c.teamId))
                .map(c -> new CaseQueries.Row(
                        c.id(),
                        c.reference(),
                        c.title,
                        c.status,
                        c.priority,
                        c.teamId,
                        c.assigneeId,
                        c.openedAt(),
                        c.updatedAt))
                .toList();
        return items(rows);
    }

    /** Adds team, assignee and party names to a page of rows: a fixed number of queries per page. */
    private List<CaseListItem> items(List<CaseQueries.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(CaseQueries.Row::id).toList();
        Map<Long, List<Party>> partiesByCase =
                parties.findByCaseIdIn(ids).stream().collect(Collectors.groupingBy(Party::caseId));
        Map<PersonId, PersonSummary> persons = people.summaries(partiesByCase.values().stream()
                .flatMap(List::stream)
                .map(p -> new PersonId(p.personId))
                .collect(Collectors.toSet()));
        Map<Long, String> teamNames = directory.teamNames();
        Map<Long, String> userNames = directory.userNames(rows.stream()
                .map(CaseQueries.Row::assigneeId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        var items = new ArrayList<CaseListItem>(rows.size());
        for (CaseQueries.Row row : rows) {
            List<Party> ps = partiesByCase.getOrDefault(row.id(), List.of());
            items.add(new CaseListItem(
                    new CaseId(row.id()),
                    row.reference(),
                    row.title(),
                    row.status(),
                    row.priority(),
                    row.teamId(),
                    teamNames.getOrDefault(row.teamId(), "?"),
                    row.assigneeId(),
                    row.assigneeId() == null ? null : userNames.get(row.assigneeId()),
                    names(ps, PartyRole.SOUGHT, persons),
                    names(ps, PartyRole.ENQUIRER, persons),
                    row.openedAt(),
                    row.updatedAt()));
        }
        return items;
    }

    private static List<String> names(List<Party> ps, PartyRole role, Map<PersonId, PersonSummary> persons) {
        return ps.stream()
                .filter(p -> p.role == role)
                .map(p -> name(persons, p.personId))
                .toList();
    }

    private static String name(Map<PersonId, PersonSummary> persons, long personId) {
        PersonSummary summary = persons.get(new PersonId(personId));
        return summary == null ? "?" : summary.display();
    }

    private static String describe(CaseFilter filter, CaseSort sort) {
        var parts = new HashMap<String, Object>();
        if (!filter.statuses().isEmpty()) {
            parts.put("statuses", filter.statuses());
        }
        if (filter.teamId() != null) {
            parts.put("team", filter.teamId());
        }
        if (filter.assigneeId() != null) {
            parts.put("assignee", filter.assigneeId());
        }
        if (!filter.priorities().isEmpty()) {
            parts.put("priorities", filter.priorities());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            parts.put("text", "(given)");
        }
        return "filter " + parts + ", sort " + sort;
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
