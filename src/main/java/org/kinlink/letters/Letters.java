package org.kinlink.letters;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseFacts;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.PartyRole;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.kinlink.documents.FilledTemplate;
import org.kinlink.documents.LetterDocument;
import org.kinlink.documents.LetterPdf;
import org.kinlink.documents.LetterTemplates;
import org.kinlink.documents.Placeholder;
import org.kinlink.documents.TemplateId;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;
import org.kinlink.files.StoredFileId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters to institutions about cases, and their workflow ({@link LetterWorkflow}). Coordinators
 * own letters; caseworkers see the letters about their teams' cases (and only those cases of them)
 * and may propose drafts about their own cases. Every step is recorded in the letter's history and
 * in the audit trail, in the same transaction; viewing a letter is recorded too (L1). A sought
 * person's contact details or location may be registered for a letter only with their
 * AGREED_TO_CONTACT decision (D6), and a letter is approved and sent only with a register.
 */
@Service
public class Letters {

    private static final String LETTER = "LETTER";
    private static final int MAX_BODY = 50_000;

    private final LetterRepository letters;
    private final LetterCaseRepository letterCases;
    private final LetterStatusChangeRepository history;
    private final LetterDisclosureRepository register;
    private final InstitutionRepository institutions;
    private final LetterReferences references;
    private final WorkingDays workingDays;
    private final FollowUpPeriods followUpPeriods;
    private final CaseService cases;
    private final AccessPolicy policy;
    private final CurrentUser currentUser;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;
    private final LetterTemplates templates;
    private final LetterPdf pdf;
    private final FileStore files;
    private final String organisationName;

    Letters(
            LetterRepository letters,
            LetterCaseRepository letterCases,
            LetterStatusChangeRepository history,
            LetterDisclosureRepository register,
            InstitutionRepository institutions,
            LetterReferences references,
            WorkingDays workingDays,
            FollowUpPeriods followUpPeriods,
            CaseService cases,
            AccessPolicy policy,
            CurrentUser currentUser,
            FieldCipher cipher,
            AuditTrail audit,
            EntityManager em,
            Clock clock,
            LetterTemplates templates,
            LetterPdf pdf,
            FileStore files,
            @Value("${kinlink.organisation.name:Family Links Service}") String organisationName) {
        this.letters = letters;
        this.letterCases = letterCases;
        this.history = history;
        this.register = register;
        this.institutions = institutions;
        this.references = references;
        this.workingDays = workingDays;
        this.followUpPeriods = followUpPeriods;
        this.cases = cases;
        this.policy = policy;
        this.currentUser = currentUser;
        this.cipher = cipher;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.templates = templates;
        this.pdf = pdf;
        this.files = files;
        this.organisationName = organisationName;
    }

    // ---------------------------------------------------------------- lists

    /** One page of the letters the caller may see; the follow-up list sorts by due date. */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<LetterSummary> list(LetterFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and 500");
        }
        Visibility visibility = policy.visibility(CaseAction.SEE_LETTER);
        if (visibility.none()) {
            return List.of();
        }
        LocalDate today = workingDays.today();
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (!visibility.all()) {
            where.add("exists (select 1 from LetterCase c where c.letterId = l.id and c.teamId in :teams)");
            params.put("teams", visibility.teamIds());
        }
        if (!filter.statuses().isEmpty()) {
            where.add("l.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.institution() != null) {
            where.add("l.institutionId = :institution");
            params.put("institution", filter.institution().value());
        }
        boolean byDue = filter.awaitingAnswer() || filter.overdue() || filter.dueThisWeek();
        if (byDue) {
            where.add("l.status in :waiting");
            params.put("waiting", Set.of(LetterStatus.SENT, LetterStatus.ACKNOWLEDGED));
        }
        if (filter.overdue()) {
            where.add("l.dueOn < :today");
            params.put("today", today);
        }
        if (filter.dueThisWeek()) {
            where.add("l.dueOn >= :weekFrom and l.dueOn <= :weekTo");
            params.put("weekFrom", today);
            params.put("weekTo", workingDays.endOfThisWeek());
        }
        String jpql = "select l from Letter l" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + (byDue ? " order by l.dueOn asc nulls last, l.id asc" : " order by l.id desc");
        TypedQuery<Letter> query = em.createQuery(jpql, Letter.class);
        params.forEach(query::setParameter);
        List<Letter> page = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<LetterCase>> casesByLetter =
                letterCases.findByLetterIdIn(page.stream().map(Letter::id).toList()).stream()
                        .collect(Collectors.groupingBy(c -> c.letterId));
        Map<Long, String> institutionNames =
                institutions.findAllById(page.stream().map(l -> l.institutionId).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(Institution::id, i -> i.name));
        return page.stream()
                .map(l -> new LetterSummary(
                        l.reference,
                        new InstitutionId(l.institutionId),
                        institutionNames.getOrDefault(l.institutionId, "?"),
                        l.subject,
                        l.status,
                        l.sentOn,
                        l.dueOn,
                        l.overdue(today),
                        casesByLetter.getOrDefault(l.id(), List.of()).stream()
                                .filter(c -> visibility.includes(c.teamId))
                                .map(c -> c.caseReference)
                                .toList(),
                        l.authorName))
                .toList();
    }

    /** How many letters are overdue, for the coordinators' reminder at sign-in. */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public long overdueCount() {
        return em.createQuery(
                        "select count(l) from Letter l where l.status in :waiting and l.dueOn < :today", Long.class)
                .setParameter("waiting", Set.of(LetterStatus.SENT, LetterStatus.ACKNOWLEDGED))
                .setParameter("today", workingDays.today())
                .getSingleResult();
    }

    /**
     * The letters about a case that the caller may see, for the case's timeline and its letters tab,
     * with the answers' summaries; recorded as a read when there are any.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public List<CaseLetter> aboutCase(String caseReference) {
        List<LetterCase> links = letterCases.findByCaseReference(caseReference.strip());
        if (links.isEmpty()) {
            return List.of();
        }
        long teamId = links.get(0).teamId;
        if (!policy.permits(CaseAction.SEE_LETTER, teamId)) {
            throw notFound(CaseAction.SEE_LETTER, "CASE", caseReference);
        }
        LocalDate today = workingDays.today();
        List<Letter> found =
                letters.findByIdIn(links.stream().map(c -> c.letterId).collect(Collectors.toSet()));
        Map<Long, String> institutionNames =
                institutions
                        .findAllById(found.stream().map(l -> l.institutionId).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(Institution::id, i -> i.name));
        audit.record(AuditEntry.success("CASE_LETTERS_VIEWED", "CASE", caseReference.strip()));
        return found.stream()
                .sorted(Comparator.comparing((Letter l) -> l.id()).reversed())
                .map(l -> new CaseLetter(
                        l.reference,
                        institutionNames.getOrDefault(l.institutionId, "?"),
                        l.subject,
                        l.status,
                        l.sentOn,
                        l.dueOn,
                        l.acknowledgedOn,
                        l.answeredOn,
                        cipher.decrypt(l.answerSummaryEnc, answerBinding(l)),
                        l.overdue(today)))
                .toList();
    }

    /** The disclosure register lines of every letter about a case the caller may see. */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public List<RegisterLine> registerOfCase(String caseReference) {
        List<LetterCase> links = letterCases.findByCaseReference(caseReference.strip());
        if (links.isEmpty()) {
            return List.of();
        }
        if (!policy.permits(CaseAction.SEE_LETTER, links.get(0).teamId)) {
            throw notFound(CaseAction.SEE_LETTER, "CASE", caseReference);
        }
        Map<Long, CaseFacts> facts = facts(List.of(caseReference.strip()));
        var lines = new ArrayList<RegisterLine>();
        for (LetterCase link : links) {
            Letter letter = letters.findById(link.letterId).orElseThrow();
            register.findByLetterIdOrderById(link.letterId).stream()
                    .filter(d -> d.caseId == link.caseId)
                    .map(d -> line(letter.reference, facts, d))
                    .forEach(lines::add);
        }
        return lines;
    }

    /** The disclosure register lines about a person, in the letters the caller may see (their cases only). */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public List<RegisterLine> registerOfPerson(org.kinlink.people.PersonId person) {
        Visibility visibility = policy.visibility(CaseAction.SEE_LETTER);
        List<LetterDisclosure> rows = register.findByPersonId(person.value());
        if (rows.isEmpty() || visibility.none()) {
            return List.of();
        }
        var lines = new ArrayList<RegisterLine>();
        Map<Long, List<LetterCase>> casesByLetter =
                letterCases.findByLetterIdIn(rows.stream().map(d -> d.letterId).collect(Collectors.toSet())).stream()
                        .collect(Collectors.groupingBy(c -> c.letterId));
        Map<Long, Letter> byId =
                letters.findByIdIn(casesByLetter.keySet()).stream().collect(Collectors.toMap(Letter::id, l -> l));
        var caseReferences = new LinkedHashSet<String>();
        for (LetterDisclosure row : rows) {
            casesByLetter.getOrDefault(row.letterId, List.of()).stream()
                    .filter(c -> c.caseId == row.caseId && visibility.includes(c.teamId))
                    .forEach(c -> caseReferences.add(c.caseReference));
        }
        if (caseReferences.isEmpty()) {
            return List.of();
        }
        Map<Long, CaseFacts> facts = facts(List.copyOf(caseReferences));
        for (LetterDisclosure row : rows) {
            Letter letter = byId.get(row.letterId);
            if (letter != null && facts.containsKey(row.caseId)) {
                lines.add(line(letter.reference, facts, row));
            }
        }
        audit.record(AuditEntry.success("PERSON_DISCLOSURES_VIEWED", "PERSON", person.value()));
        return lines;
    }

    // ---------------------------------------------------------------- one letter

    /** The letter, if the caller may see it; recorded as a view (L1). */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public LetterDetails open(String reference) {
        Letter letter = load(reference, CaseAction.SEE_LETTER);
        audit.record(AuditEntry.success("LETTER_VIEWED", LETTER, letter.reference));
        return details(letter);
    }

    /**
     * A new draft. Coordinators may write about any case, caseworkers propose drafts about their own
     * teams' cases; the register is checked against the consent rules (D6).
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public String draft(LetterDraft draft) {
        KinlinkUser user = currentUser.require();
        Map<Long, CaseFacts> facts = checkCases(draft.caseReferences());
        Institution institution = institution(draft.institution());
        var letter =
                new Letter(references.next(Year.now(clock).getValue()), user.id(), user.displayName(), clock.instant());
        fill(letter, draft, institution);
        letters.saveAndFlush(letter);
        link(letter, facts);
        putRegister(letter, draft.register(), facts);
        history.save(new LetterStatusChange(
                letter.id(), null, LetterStatus.DRAFT, null, user.id(), user.displayName(), clock.instant()));
        audit.record(AuditEntry.success("LETTER_DRAFTED", LETTER, letter.reference)
                .because("to institution " + institution.id() + " about " + facts.size() + " case(s)"));
        return letter.reference;
    }

    /** Changes a draft, based on the version the user loaded. */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public LetterDetails update(String reference, long version, LetterDraft draft) {
        KinlinkUser user = currentUser.require();
        Letter letter = load(reference, CaseAction.SEE_LETTER);
        if (!user.hasRole(Roles.COORDINATOR) && letter.authorId != user.id()) {
            throw notFound(CaseAction.DRAFT_LETTER, LETTER, reference);
        }
        checkVersion(letter, version);
        if (letter.status != LetterStatus.DRAFT) {
            throw new InvalidInput("status", "letters.only-drafts-editable");
        }
        Map<Long, CaseFacts> facts = checkCases(draft.caseReferences());
        fill(letter, draft, institution(draft.institution()));
        letter.updatedAt = clock.instant();
        save(letter);
        letterCases.deleteAll(letterCases.findByLetterIdOrderById(letter.id()));
        register.deleteByLetterId(letter.id());
        letterCases.flush();
        register.flush();
        link(letter, facts);
        putRegister(letter, draft.register(), facts);
        audit.record(AuditEntry.success("LETTER_UPDATED", LETTER, letter.reference));
        return details(letter);
    }

    /**
     * A workflow step without data of its own: approve (by a coordinator other than the author),
     * back to draft, close, withdraw. Sending, acknowledgement and answer have their own methods.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public LetterDetails move(String reference, long version, LetterStatus target, @Nullable String note) {
        Letter letter = load(reference, CaseAction.SEE_LETTER);
        LetterWorkflow.Transition step = step(letter, target);
        if (step.rule() == LetterWorkflow.Rule.WITH_DATA) {
            throw new InvalidInput("status", "letters.step-needs-data");
        }
        checkVersion(letter, version);
        String why = Institutions.optional("note", note, 500);
        if (target == LetterStatus.APPROVED) {
            requireRegister(letter);
            KinlinkUser user = currentUser.require();
            letter.approvedBy = user.id();
            letter.approvedByName = user.displayName();
        }
        if (target == LetterStatus.DRAFT) {
            letter.approvedBy = null;
            letter.approvedByName = null;
        }
        return record(letter, target, why, target.name());
    }

    /** Marks an approved letter sent on the day it really went out; its follow-up is due N working days later. */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional
    public LetterDetails send(String reference, long version, LocalDate sentOn) {
        Letter letter = load(reference, CaseAction.SEE_LETTER);
        step(letter, LetterStatus.SENT);
        checkVersion(letter, version);
        if (sentOn.isAfter(workingDays.today())) {
            throw new InvalidInput("sentOn", "letters.date-in-future");
        }
        requireRegister(letter);
        Institution institution = institutions.findById(letter.institutionId).orElseThrow();
        letter.sentOn = sentOn;
        letter.dueOn = workingDays.plusWorkingDays(sentOn, followUpPeriods.workingDaysFor(institution.type));
        renderPdf(letter, institution);
        return record(letter, LetterStatus.SENT, null, "sent " + sentOn + ", due " + letter.dueOn);
    }

    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional
    public LetterDetails acknowledge(
            String reference, long version, LocalDate acknowledgedOn, @Nullable String theirReference) {
        Letter letter = load(reference, CaseAction.SEE_LETTER);
        step(letter, LetterStatus.ACKNOWLEDGED);
        checkVersion(letter, version);
        checkDate("acknowledgedOn", letter, acknowledgedOn);
        letter.acknowledgedOn = acknowledgedOn;
        String theirs = Institutions.optional("theirReference", theirReference, 100);
        if (theirs != null) {
            letter.theirReference = theirs;
        }
        return record(letter, LetterStatus.ACKNOWLEDGED, null, "acknowledged " + acknowledgedOn);
    }

    /** Records the institution's answer; it shows on every linked case's timeline. */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional
    public LetterDetails answer(
            String reference, long version, LocalDate answeredOn, String summary, @Nullable Long attachmentFileId) {
        Letter letter = load(reference, CaseAction.SEE_LETTER);
        step(letter, LetterStatus.ANSWERED);
        checkVersion(letter, version);
        checkDate("answeredOn", letter, answeredOn);
        String text = Institutions.required("answerSummary", summary, 20_000);
        if (attachmentFileId != null) {
            // only a file this user has just uploaded, never someone else's by its id
            files.describeOwnUpload(new StoredFileId(attachmentFileId));
        }
        letter.answeredOn = answeredOn;
        letter.answerSummaryEnc = cipher.encrypt(text, answerBinding(letter));
        letter.answerFileId = attachmentFileId;
        return record(
                letter,
                LetterStatus.ANSWERED,
                null,
                "answered " + answeredOn + (attachmentFileId == null ? "" : ", file " + attachmentFileId));
    }

    /**
     * One follow-up draft to an institution covering all its overdue letters: their references and
     * dates in the body, their cases and register lines carried over.
     */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional
    public String draftFollowUp(InstitutionId institutionId) {
        Institution institution = institution(institutionId);
        LocalDate today = workingDays.today();
        List<Letter> overdue = em.createQuery(
                        "select l from Letter l where l.institutionId = :institution and l.status in :waiting"
                                + " and l.dueOn < :today order by l.sentOn, l.id",
                        Letter.class)
                .setParameter("institution", institution.id())
                .setParameter("waiting", Set.of(LetterStatus.SENT, LetterStatus.ACKNOWLEDGED))
                .setParameter("today", today)
                .getResultList();
        if (overdue.isEmpty()) {
            throw new InvalidInput("institution", "letters.no-overdue-letters");
        }
        var caseRefs = new LinkedHashSet<String>();
        var lines = new LinkedHashMap<String, Disclosed>();
        var body = new StringBuilder();
        boolean persian = "fa".equals(institution.preferredLanguage);
        body.append(persian ? FollowUpText.FA_OPENING : FollowUpText.EN_OPENING).append("\n\n");
        for (Letter letter : overdue) {
            List<LetterCase> links = letterCases.findByLetterIdOrderById(letter.id());
            links.forEach(c -> caseRefs.add(c.caseReference));
            Map<Long, String> refOfCase =
                    links.stream().collect(Collectors.toMap(c -> c.caseId, c -> c.caseReference, (a, b) -> a));
            for (LetterDisclosure d : register.findByLetterIdOrderById(letter.id())) {
                var line = new Disclosed(
                        refOfCase.getOrDefault(d.caseId, ""),
                        new org.kinlink.people.PersonId(d.personId),
                        d.category,
                        d.basis);
                lines.putIfAbsent(line.caseReference() + "/" + d.personId + "/" + d.category, line);
            }
            body.append("- ")
                    .append(letter.reference)
                    .append(letter.theirReference == null ? "" : " (" + letter.theirReference + ")")
                    .append(persian ? FollowUpText.FA_SENT : FollowUpText.EN_SENT)
                    .append(letter.sentOn)
                    .append(persian ? FollowUpText.FA_DUE : FollowUpText.EN_DUE)
                    .append(letter.dueOn)
                    .append(": ")
                    .append(letter.subject)
                    .append('\n');
        }
        body.append('\n').append(persian ? FollowUpText.FA_CLOSING : FollowUpText.EN_CLOSING);
        String subject = (persian ? FollowUpText.FA_SUBJECT : FollowUpText.EN_SUBJECT)
                + overdue.stream().map(l -> l.reference).collect(Collectors.joining(", "));
        String text = body.toString();
        // the coordinators' follow-up template in the institution's language, one whose text lists the letters
        var template = templates.list(persian ? "fa" : "en").stream()
                .filter(t -> t.name().toLowerCase(java.util.Locale.ROOT).startsWith("follow"))
                .filter(t -> {
                    var details = templates.open(t.id());
                    // the body must list the letters: that is what the institution is asked about
                    return details.body().contains(Placeholder.OVERDUE_LETTERS.token());
                })
                .findFirst();
        if (template.isPresent()) {
            var values = new java.util.EnumMap<Placeholder, String>(Placeholder.class);
            values.put(
                    Placeholder.OVERDUE_LETTERS,
                    overdue.stream()
                            .map(l -> l.reference + " (" + l.sentOn + ")")
                            .collect(Collectors.joining(", ")));
            values.put(Placeholder.LETTER_DATE, today.toString());
            values.put(Placeholder.INSTITUTION_NAME, institution.name);
            values.put(Placeholder.INSTITUTION_ADDRESS, institution.address == null ? "" : institution.address);
            values.put(Placeholder.CASE_REFERENCES, String.join(", ", caseRefs));
            values.put(Placeholder.SENDER_NAME, currentUser.require().displayName());
            values.put(Placeholder.ORGANISATION_NAME, organisationName);
            FilledTemplate filled = templates.fill(template.get().id(), values);
            subject = filled.subject();
            text = filled.body();
        }
        String reference = draft(new LetterDraft(
                institutionId,
                List.copyOf(caseRefs),
                persian ? "fa" : "en",
                LetterChannel.POST,
                subject.length() > 300 ? subject.substring(0, 300) : subject,
                text,
                null,
                List.copyOf(lines.values())));
        audit.record(AuditEntry.success("LETTER_FOLLOW_UP_DRAFTED", LETTER, reference)
                .because("covers " + overdue.size() + " overdue letter(s)"));
        return reference;
    }

    /** Renders the letter's PDF again (for an approved letter, before it goes out) and stores it with the letter. */
    @PreAuthorize("hasRole('" + Roles.COORDINATOR + "')")
    @Transactional
    public LetterDetails generatePdf(String reference, long version) {
        Letter letter = load(reference, CaseAction.SEE_LETTER);
        checkVersion(letter, version);
        if (letter.status != LetterStatus.APPROVED) {
            throw new InvalidInput("status", "letters.pdf-when-approved");
        }
        renderPdf(letter, institutions.findById(letter.institutionId).orElseThrow());
        letter.updatedAt = clock.instant();
        save(letter);
        return details(letter);
    }

    /**
     * The content of a file of the letter (its PDF or the answer's attachment), for a caller who may
     * see the whole letter; the files module records the download (L1).
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public byte[] readFile(String reference, long fileId) {
        Letter letter = load(reference, CaseAction.SEE_LETTER);
        Visibility visibility = policy.visibility(CaseAction.SEE_LETTER);
        boolean whole =
                letterCases.findByLetterIdOrderById(letter.id()).stream().allMatch(c -> visibility.includes(c.teamId));
        boolean ofLetter = Long.valueOf(fileId).equals(letter.pdfFileId)
                || Long.valueOf(fileId).equals(letter.answerFileId);
        if (!whole || !ofLetter) {
            throw notFound(CaseAction.SEE_LETTER, LETTER, reference);
        }
        return files.read(new StoredFileId(fileId), LETTER, letter.reference);
    }

    /**
     * A template filled for an institution and cases: names of the parties (which the consent rules
     * allow in any letter), references, the institution's address, the sender. Never contact details
     * or whereabouts of a sought person.
     */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional
    public FilledTemplate fillTemplate(TemplateId template, InstitutionId institutionId, List<String> caseReferences) {
        Institution institution = institution(institutionId);
        Map<Long, CaseFacts> facts = checkCases(caseReferences);
        var values = new java.util.EnumMap<Placeholder, String>(Placeholder.class);
        values.put(Placeholder.LETTER_DATE, workingDays.today().toString());
        values.put(Placeholder.INSTITUTION_NAME, institution.name);
        values.put(Placeholder.INSTITUTION_ADDRESS, institution.address == null ? "" : institution.address);
        values.put(Placeholder.INSTITUTION_CONTACT, institution.email == null ? "" : institution.email);
        values.put(
                Placeholder.CASE_REFERENCES,
                facts.values().stream().map(CaseFacts::reference).collect(Collectors.joining(", ")));
        values.put(Placeholder.SOUGHT_PERSONS, names(facts, PartyRole.SOUGHT));
        values.put(Placeholder.ENQUIRERS, names(facts, PartyRole.ENQUIRER));
        values.put(Placeholder.SENDER_NAME, currentUser.require().displayName());
        values.put(Placeholder.ORGANISATION_NAME, organisationName);
        return templates.fill(template, values);
    }

    private static String names(Map<Long, CaseFacts> facts, PartyRole role) {
        return facts.values().stream()
                .flatMap(f -> f.parties().stream())
                .filter(p -> p.role() == role)
                .map(CaseFacts.Party::name)
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private void renderPdf(Letter letter, Institution institution) {
        var recipient = new ArrayList<String>();
        recipient.add(institution.name);
        if (institution.address != null) {
            recipient.addAll(institution.address.lines().toList());
        }
        if (institution.country != null) {
            recipient.add(institution.country);
        }
        var document = new LetterDocument(
                letter.language,
                letter.reference,
                letter.theirReference,
                letter.sentOn == null ? workingDays.today() : letter.sentOn,
                recipient,
                letter.subject,
                cipher.decrypt(letter.bodyEnc, bodyBinding(letter)),
                List.of(currentUser.require().displayName(), organisationName));
        StoredFile stored = files.storeGenerated(letter.reference + ".pdf", "application/pdf", pdf.render(document));
        letter.pdfFileId = stored.id().value();
        audit.record(AuditEntry.success("LETTER_PDF_GENERATED", LETTER, letter.reference)
                .because("file " + stored.id().value()));
    }

    // ---------------------------------------------------------------- helpers

    private Letter load(String reference, CaseAction action) {
        Letter letter = letters.findByReference(reference == null ? "" : reference.strip())
                .orElseThrow(() -> new RecordNotFound("Letter"));
        Visibility visibility = policy.visibility(action);
        boolean visible =
                letterCases.findByLetterIdOrderById(letter.id()).stream().anyMatch(c -> visibility.includes(c.teamId));
        if (!visible) {
            throw notFound(action, LETTER, reference);
        }
        return letter;
    }

    private RecordNotFound notFound(CaseAction action, String type, @Nullable String id) {
        try {
            policy.deny(action, type, id);
        } catch (AccessDeniedException denied) {
            // the caller is told "not found", the same as for a letter that does not exist
        }
        return new RecordNotFound("Letter");
    }

    /** The workflow step, if it exists and the caller may take it; otherwise refused with a reason. */
    private LetterWorkflow.Transition step(Letter letter, LetterStatus target) {
        KinlinkUser user = currentUser.require();
        LetterWorkflow.Transition step = LetterWorkflow.find(letter.status, target);
        if (step == null) {
            throw new InvalidInput("status", "letters.step-not-possible");
        }
        boolean author = letter.authorId == user.id();
        if (step.roles().stream().noneMatch(user::hasRole) || !LetterWorkflow.permitted(step, user.roles(), author)) {
            audit.recordIndependently(AuditEntry.denied("LETTER_STEP_REFUSED", LETTER, letter.reference)
                    .because(letter.status + " -> " + target));
            throw new InvalidInput(
                    "status",
                    step.rule() == LetterWorkflow.Rule.NOT_THE_AUTHOR
                            ? "letters.approval-by-another"
                            : "letters.step-not-yours");
        }
        return step;
    }

    private LetterDetails record(Letter letter, LetterStatus target, @Nullable String note, String reason) {
        KinlinkUser user = currentUser.require();
        LetterStatus from = letter.status;
        letter.status = target;
        letter.updatedAt = clock.instant();
        save(letter);
        history.save(new LetterStatusChange(
                letter.id(), from, target, note, user.id(), user.displayName(), clock.instant()));
        audit.record(AuditEntry.success("LETTER_" + target.name(), LETTER, letter.reference)
                .because(from + " -> " + target + "; " + reason));
        return details(letter);
    }

    private void save(Letter letter) {
        try {
            letters.saveAndFlush(letter);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConcurrentChange("Letter " + letter.reference);
        }
    }

    private void checkVersion(Letter letter, long version) {
        if (letter.version() != version) {
            throw new ConcurrentChange("Letter " + letter.reference);
        }
    }

    private void checkDate(String field, Letter letter, LocalDate date) {
        if (date.isAfter(workingDays.today())) {
            throw new InvalidInput(field, "letters.date-in-future");
        }
        if (letter.sentOn != null && date.isBefore(letter.sentOn)) {
            throw new InvalidInput(field, "letters.date-before-sent");
        }
    }

    private void requireRegister(Letter letter) {
        List<LetterDisclosure> lines = register.findByLetterIdOrderById(letter.id());
        if (lines.isEmpty()) {
            throw new InvalidInput("register", "letters.register-required");
        }
        // the sought person may have withdrawn since the draft: check D6 again
        checkConsent(
                lines,
                facts(letterCases.findByLetterIdOrderById(letter.id()).stream()
                        .map(c -> c.caseReference)
                        .toList()));
    }

    private Institution institution(InstitutionId id) {
        return institutions
                .findById(id.value())
                .orElseThrow(() -> new InvalidInput("institution", "letters.institution-required"));
    }

    /** The cases of a draft, each one the caller may write about; caseworkers only their own teams'. */
    private Map<Long, CaseFacts> checkCases(List<String> references) {
        if (references.isEmpty()) {
            throw new InvalidInput("cases", "letters.cases-required");
        }
        if (references.size() > 50) {
            throw new InvalidInput("cases", "letters.too-many-cases", 50);
        }
        Map<Long, CaseFacts> facts = facts(references);
        for (CaseFacts f : facts.values()) {
            if (!policy.permits(CaseAction.DRAFT_LETTER, f.teamId())) {
                throw notFound(CaseAction.DRAFT_LETTER, "CASE", f.reference());
            }
        }
        return facts;
    }

    private Map<Long, CaseFacts> facts(List<String> references) {
        var byId = new LinkedHashMap<Long, CaseFacts>();
        for (CaseFacts f : cases.letterFacts(references)) {
            byId.put(f.id().value(), f);
        }
        return byId;
    }

    private void fill(Letter letter, LetterDraft draft, Institution institution) {
        letter.institutionId = institution.id();
        letter.subject = Institutions.required("subject", draft.subject(), 300);
        String body = draft.body() == null ? "" : draft.body().strip();
        if (body.isEmpty()) {
            throw new InvalidInput("body", "letters.required");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInput("body", "common.too-long", MAX_BODY);
        }
        if (!Set.of("en", "fa").contains(draft.language())) {
            throw new InvalidInput("language", "letters.institution.language-invalid");
        }
        letter.language = draft.language();
        letter.channel = draft.channel();
        letter.theirReference = Institutions.optional("theirReference", draft.theirReference(), 100);
        letter.bodyEnc = cipher.encrypt(body, bodyBinding(letter));
    }

    private void link(Letter letter, Map<Long, CaseFacts> facts) {
        facts.values()
                .forEach(f -> letterCases.save(new LetterCase(letter.id(), f.id().value(), f.reference(), f.teamId())));
    }

    private void putRegister(Letter letter, List<Disclosed> lines, Map<Long, CaseFacts> facts) {
        Map<String, CaseFacts> byReference =
                facts.values().stream().collect(Collectors.toMap(CaseFacts::reference, f -> f));
        var seen = new HashSet<String>();
        var rows = new ArrayList<LetterDisclosure>();
        for (Disclosed line : lines) {
            CaseFacts f = byReference.get(line.caseReference());
            if (f == null) {
                throw new InvalidInput("register", "letters.register-case-not-in-letter", line.caseReference());
            }
            if (f.parties().stream().noneMatch(p -> p.personId().equals(line.personId()))) {
                throw new InvalidInput("register", "letters.register-person-not-party", line.caseReference());
            }
            if (seen.add(f.id().value() + "/" + line.personId().value() + "/" + line.category())) {
                rows.add(new LetterDisclosure(
                        letter.id(), f.id().value(), line.personId().value(), line.category(), line.basis()));
            }
        }
        checkConsent(rows, facts);
        register.saveAll(rows);
    }

    /**
     * D6: contact details or location of a sought person only with their AGREED_TO_CONTACT decision,
     * and contact details or location of anyone only on the basis of consent.
     */
    private void checkConsent(List<LetterDisclosure> rows, Map<Long, CaseFacts> facts) {
        for (LetterDisclosure row : rows) {
            if (!row.category.needsConsent()) {
                continue;
            }
            CaseFacts f = facts.get(row.caseId);
            CaseFacts.Party party = f == null
                    ? null
                    : f.parties().stream()
                            .filter(p -> p.personId().value() == row.personId)
                            .findFirst()
                            .orElse(null);
            if (party == null || !party.mayDiscloseContact()) {
                throw new InvalidInput(
                        "register", "letters.register-needs-agreement", party == null ? "?" : party.name());
            }
            if (row.basis != LegalBasis.CONSENT) {
                throw new InvalidInput("register", "letters.register-contact-needs-consent", party.name());
            }
        }
    }

    private LetterDetails details(Letter letter) {
        KinlinkUser user = currentUser.require();
        Visibility visibility = policy.visibility(CaseAction.SEE_LETTER);
        List<LetterCase> links = letterCases.findByLetterIdOrderById(letter.id());
        List<LetterCase> visible =
                links.stream().filter(c -> visibility.includes(c.teamId)).toList();
        boolean withheld = visible.size() < links.size();
        Map<Long, CaseFacts> facts =
                facts(visible.stream().map(c -> c.caseReference).toList());
        Set<Long> visibleCaseIds = visible.stream().map(c -> c.caseId).collect(Collectors.toSet());
        Map<Long, String> refOfCase =
                visible.stream().collect(Collectors.toMap(c -> c.caseId, c -> c.caseReference, (a, b) -> a));
        List<RegisterLine> lines = register.findByLetterIdOrderById(letter.id()).stream()
                .filter(d -> visibleCaseIds.contains(d.caseId))
                .map(d -> line(letter.reference, facts, d))
                .toList();
        Institution institution = institutions.findById(letter.institutionId).orElseThrow();
        boolean author = letter.authorId == user.id();
        return new LetterDetails(
                letter.reference,
                letter.version(),
                institution.summary(),
                letter.theirReference,
                letter.subject,
                withheld ? null : cipher.decrypt(letter.bodyEnc, bodyBinding(letter)),
                withheld,
                letter.language,
                letter.channel,
                letter.status,
                letter.authorId,
                letter.authorName,
                letter.approvedByName,
                letter.sentOn,
                letter.dueOn,
                letter.acknowledgedOn,
                letter.answeredOn,
                cipher.decrypt(letter.answerSummaryEnc, answerBinding(letter)),
                letter.answerFileId,
                letter.pdfFileId,
                withheld || letter.pdfFileId == null ? null : files.describe(new StoredFileId(letter.pdfFileId)),
                withheld || letter.answerFileId == null ? null : files.describe(new StoredFileId(letter.answerFileId)),
                letter.overdue(workingDays.today()),
                visible.stream().map(c -> c.caseReference).toList(),
                lines,
                history.findByLetterIdOrderByChangedAtDescIdDesc(letter.id()).stream()
                        .map(h -> new LetterHistoryEntry(h.from, h.to, h.note, h.changedByName, h.changedAt))
                        .toList(),
                LetterWorkflow.allowed(letter.status, user.roles(), author));
    }

    private static RegisterLine line(String letterReference, Map<Long, CaseFacts> facts, LetterDisclosure d) {
        CaseFacts f = facts.get(d.caseId);
        CaseFacts.Party party = f == null
                ? null
                : f.parties().stream()
                        .filter(p -> p.personId().value() == d.personId)
                        .findFirst()
                        .orElse(null);
        return new RegisterLine(
                letterReference,
                f == null ? "?" : f.reference(),
                new org.kinlink.people.PersonId(d.personId),
                party == null ? "?" : party.name(),
                party == null ? PartyRole.OTHER : party.role(),
                d.category,
                d.basis);
    }

    private static FieldBinding bodyBinding(Letter letter) {
        return new FieldBinding("letter", "body_enc", letter.rowKey);
    }

    private static FieldBinding answerBinding(Letter letter) {
        return new FieldBinding("letter", "answer_summary_enc", letter.rowKey);
    }
}
