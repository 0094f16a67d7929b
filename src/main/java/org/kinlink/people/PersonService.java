package org.kinlink.people;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.kinlink.access.FieldPolicy;
import org.kinlink.access.FieldPolicy.Exposure;
import org.kinlink.access.SensitiveFieldClass;
import org.kinlink.access.StepUp;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.crypto.BlindIndex;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only entry to the person registry. Every operation is checked by the {@link AccessPolicy}
 * and recorded in the audit trail in the same transaction; sensitive values are encrypted here on
 * the way in and decrypted here only for callers who may see them.
 */
@Service
public class PersonService {

    static final String TABLE = "person";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,30}$");
    private static final int MAX_NAME = 200;

    private final PersonRepository persons;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final AccessPolicy policy;
    private final FieldPolicy fieldPolicy;
    private final AuditTrail audit;
    private final NameIndex nameIndex;
    private final PersonCaseLinks caseLinks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StepUp stepUp;

    /**
     * The version of a person just registered and not changed since: {@link #register} inserts the
     * row, then writes its values (one update). Used to undo an import.
     */
    public static final long REGISTERED_VERSION = 1;

    private final ImportedPersonRemoval importedRemoval;

    PersonService(
            PersonRepository persons,
            FieldCipher cipher,
            BlindIndex blindIndex,
            AccessPolicy policy,
            FieldPolicy fieldPolicy,
            AuditTrail audit,
            NameIndex nameIndex,
            PersonCaseLinks caseLinks,
            ApplicationEventPublisher events,
            Clock clock,
            StepUp stepUp,
            ImportedPersonRemoval importedRemoval) {
        this.importedRemoval = importedRemoval;
        this.stepUp = stepUp;
        this.persons = persons;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.policy = policy;
        this.fieldPolicy = fieldPolicy;
        this.audit = audit;
        this.nameIndex = nameIndex;
        this.caseLinks = caseLinks;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public PersonId register(PersonForm form, long teamId) {
        policy.require(CaseAction.REGISTER_PERSON, teamId, "TEAM", teamId);
        validate(form);
        var person = persons.save(new Person(teamId, clock.instant()));
        apply(person, form, Set.of());
        persons.flush();
        nameIndex.index(person.id(), person.names(), form.otherNames(), birthYear(form));
        audit.record(AuditEntry.success("PERSON_CREATED", "PERSON", person.id()));
        return new PersonId(person.id());
    }

    /** The person with every detail the caller may see; recorded as a read of personal data. */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public PersonDetails open(PersonId id) {
        Person person = readable(id, CaseAction.READ_PERSON);
        audit.record(AuditEntry.success("PERSON_VIEWED", "PERSON", id));
        return details(person);
    }

    /**
     * The person with the values of one masked field class in clear, for a caller whose field
     * policy lets them reveal it; recorded as {@code REVEAL_<CLASS>} with the reason. The caller
     * keeps the values in the one view that asked for them.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public PersonDetails reveal(PersonId id, SensitiveFieldClass fieldClass, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "common.reason-required");
        }
        Person person = readable(id, CaseAction.REVEAL_PERSON_FIELD);
        Exposure exposure = exposures(person).get(fieldClass);
        if (exposure == Exposure.HIDDEN) {
            policy.deny(CaseAction.REVEAL_PERSON_FIELD, "PERSON", id);
        }
        if (fieldClass == SensitiveFieldClass.LOCATION) {
            // S4: whereabouts only after re-confirming the second factor, checked after the access rules
            stepUp.require(StepUp.REVEAL_LOCATION);
        }
        audit.record(
                AuditEntry.success("REVEAL_" + fieldClass.name(), "PERSON", id).because(reason.strip()));
        return details(person, Set.of(fieldClass));
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public PersonDetails update(PersonId id, long version, PersonForm form) {
        Person person = readable(id, CaseAction.EDIT_PERSON);
        if (person.version() != version) {
            throw new ConcurrentChange("Person " + id);
        }
        validate(form);
        apply(person, form, untouchable(person, form));
        try {
            persons.saveAndFlush(person);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConcurrentChange("Person " + id);
        }
        nameIndex.index(person.id(), person.names(), form.otherNames(), storedBirthYear(person));
        audit.record(AuditEntry.success("PERSON_UPDATED", "PERSON", id));
        return details(person);
    }

    /**
     * Removes a person that a spreadsheet import registered, for undoing that import: only while
     * they are exactly as registered ({@code importedVersion}), not merged, and no other record
     * refers to them (a case party, a person merged into them); otherwise {@link ConcurrentChange}
     * and nothing is removed. Their name variants, documents and match keys go with them. Audited
     * as {@code PERSON_DELETED_IMPORTED}.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public void deleteImported(PersonId id, long importedVersion) {
        Person person = visibleOrNotFound(id, CaseAction.EDIT_PERSON);
        if (person.version() != importedVersion || person.merged() || importedRemoval.referencedElsewhere(id.value())) {
            throw new ConcurrentChange("Person " + id.value());
        }
        persons.flush();
        importedRemoval.remove(id.value());
        audit.record(AuditEntry.success("PERSON_DELETED_IMPORTED", "PERSON", id));
    }

    /**
     * Persons whose names match the free-text query in any spelling or script, best first, among
     * those the caller may see. Recorded as a search (never the query text, which is a name).
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public List<PersonMatch> search(String query, int limit) {
        if (query.isBlank()) {
            return List.of();
        }
        List<PersonMatch> matches = rankVisible(nameIndex.parse(query), limit, CaseAction.READ_PERSON);
        audit.record(AuditEntry.success("PERSON_SEARCHED", "PERSON", null).because(matches.size() + " results"));
        return matches;
    }

    /** Ids of the persons the caller may see whose names match the query, best first (for case search). */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public List<Long> matchingIds(String query, int limit) {
        if (query.isBlank()) {
            return List.of();
        }
        return rankVisible(nameIndex.parse(query), limit, CaseAction.SEE_CASE_SUMMARY).stream()
                .map(match -> match.person().id().value())
                .toList();
    }

    /** Answers "not found" unless the caller may act on the person (used before linking them to a case). */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public void checkVisible(PersonId id) {
        readable(id, CaseAction.READ_PERSON);
    }

    /** Persons already registered who are likely the one being entered, to be shown before saving. */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public List<PersonMatch> likelyDuplicates(PersonForm form, @Nullable PersonId self) {
        if (form.names().isEmpty()) {
            return List.of();
        }
        return rankVisible(
                        nameIndex.queryFor(form.names(), form.otherNames(), birthYear(form)),
                        10,
                        CaseAction.READ_PERSON)
                .stream()
                .filter(match -> self == null || match.person().id().value() != self.value())
                .toList();
    }

    /**
     * Merges {@code absorbed} into {@code kept}: every name and spelling of both is kept (the
     * absorbed record's names become other spellings), documents and missing details move over,
     * every reference follows (through {@link PersonsMerged}), and the absorbed record remains only
     * as a pointer to the kept one.
     */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public PersonDetails merge(PersonId kept, long keptVersion, PersonId absorbed, String reason) {
        if (kept.value() == absorbed.value()) {
            throw new InvalidInput("absorbed", "person.merge-self");
        }
        if (reason.isBlank()) {
            throw new InvalidInput("reason", "common.reason-required");
        }
        Person keep = readable(kept, CaseAction.MERGE_PERSONS);
        Person gone = readable(absorbed, CaseAction.MERGE_PERSONS);
        if (keep.version() != keptVersion) {
            throw new ConcurrentChange("Person " + kept);
        }
        checkMergeReachesOnlyOwnTeams(keep, gone);
        var spellings = new LinkedHashMap<String, NameVariant>();
        keep.otherNames.forEach(v -> spellings.put(v.toRecord().text(), v.toRecord()));
        addSpelling(spellings, gone.names().latin(), NameVariantKind.SPELLING);
        addSpelling(spellings, gone.names().nativeScript(), NameVariantKind.SPELLING);
        PersonNames keptNames = keep.names();
        keep.rename(new PersonNames(
                keptNames.givenLatin(),
                keptNames.familyLatin(),
                keptNames.fatherLatin() != null
                        ? keptNames.fatherLatin()
                        : gone.names().fatherLatin(),
                keptNames.givenNative(),
                keptNames.familyNative(),
                keptNames.fatherNative() != null
                        ? keptNames.fatherNative()
                        : gone.names().fatherNative()));
        gone.otherNames.forEach(
                v -> addSpelling(spellings, v.toRecord().text(), v.toRecord().kind()));
        spellings.remove(keep.names().latin());
        spellings.remove(keep.names().nativeScript());
        keep.otherNames.clear();
        spellings.values().forEach(v -> keep.otherNames.add(new PersonNameVariant(v.kind(), v.text())));
        moveMissingDetails(gone, keep);
        keep.updatedAt = clock.instant();
        gone.mergedIntoId = keep.id();
        gone.updatedAt = clock.instant();
        persons.saveAndFlush(keep);
        persons.saveAndFlush(gone);
        nameIndex.remove(gone.id());
        nameIndex.index(keep.id(), keep.names(), List.copyOf(spellings.values()), storedBirthYear(keep));
        events.publishEvent(new PersonsMerged(kept, absorbed));
        audit.record(AuditEntry.success("PERSONS_MERGED", "PERSON", kept)
                .because("absorbed person " + absorbed + ": " + reason));
        return details(keep);
    }

    /** Names of persons for lists (case parties); no sensitive field. The caller has checked access to the case. */
    @PreAuthorize("hasAnyRole('" + Roles.CASEWORKER + "', '" + Roles.COORDINATOR + "')")
    @Transactional(readOnly = true)
    public Map<PersonId, PersonSummary> summaries(Collection<PersonId> ids) {
        var result = new LinkedHashMap<PersonId, PersonSummary>();
        List<Person> loaded =
                persons.findAllById(ids.stream().map(PersonId::value).toList());
        Set<Long> visible = visibleIds(loaded, policy.visibility(CaseAction.SEE_CASE_SUMMARY));
        loaded.stream()
                .filter(p -> visible.contains(p.id()))
                .forEach(p -> result.put(new PersonId(p.id()), summary(p)));
        return result;
    }

    /** The person a merged record now points to, or the same id. */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public PersonId current(PersonId id) {
        Person person = visibleOrNotFound(id, CaseAction.READ_PERSON);
        return person.mergedIntoId == null ? id : new PersonId(person.mergedIntoId);
    }

    /**
     * Ranks the candidates the caller may see for the action. A candidate's year of birth (a
     * sensitive value) takes part only where the caller may read that person, so a search cannot
     * be used to guess it.
     */
    private List<PersonMatch> rankVisible(NameIndex.Query query, int limit, CaseAction action) {
        Visibility visibility = policy.visibility(action);
        if (visibility.none()) {
            return List.of();
        }
        Set<Long> candidates = nameIndex.candidates(query, visibility.all() ? Set.of() : visibility.teamIds());
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Person> loaded = persons.findAllById(candidates).stream()
                .filter(p -> !p.merged())
                .toList();
        Set<Long> visible = visibleIds(loaded, visibility);
        Set<Long> readable = action == CaseAction.READ_PERSON
                ? visible
                : visibleIds(loaded, policy.visibility(CaseAction.READ_PERSON));
        var ranked = nameIndex.rank(
                query,
                loaded.stream()
                        .filter(p -> visible.contains(p.id()))
                        .map(p -> new NameIndex.Candidate(
                                p.id(), p.names(), variants(p), readable.contains(p.id()) ? storedBirthYear(p) : null))
                        .toList(),
                limit);
        Map<Long, Person> byId = loaded.stream().collect(Collectors.toMap(Person::id, p -> p));
        return ranked.stream()
                .map(r -> new PersonMatch(summary(byId.get(r.personId())), r.score(), r.reasons()))
                .toList();
    }

    /**
     * Of the loaded persons, those the visibility reaches: registered by one of its teams, or party
     * to one of its teams' cases. "All" reaches only persons who are party to some case (the
     * coordinators' case summaries), never the whole registry.
     */
    private Set<Long> visibleIds(List<Person> loaded, Visibility visibility) {
        if (visibility.none() || loaded.isEmpty()) {
            return Set.of();
        }
        var visible = new HashSet<Long>();
        var others = new ArrayList<Long>();
        for (Person p : loaded) {
            if (!visibility.all() && visibility.teamIds().contains(p.teamId())) {
                visible.add(p.id());
            } else {
                others.add(p.id());
            }
        }
        if (!others.isEmpty()) {
            visible.addAll(caseLinks.linkedPersons(others, visibility.teamIds(), visibility.all()));
        }
        return visible;
    }

    /** Loads a person the caller may act on, or answers "not found" after recording the refusal. */
    private Person readable(PersonId id, CaseAction action) {
        Person person = visibleOrNotFound(id, action);
        if (person.merged()) {
            throw new InvalidInput("person", "person.was-merged", person.mergedIntoId);
        }
        return person;
    }

    private Person visibleOrNotFound(PersonId id, CaseAction action) {
        Person person = persons.findById(id.value()).orElseThrow(() -> new RecordNotFound("Person"));
        if (visibleIds(List.of(person), policy.visibility(action)).isEmpty()) {
            try {
                policy.deny(action, "PERSON", id);
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                throw new RecordNotFound("Person");
            }
        }
        return person;
    }

    /**
     * A merge changes what every team that uses either record sees, so the caller must work for
     * every team whose cases (or registry) hold either person.
     */
    private void checkMergeReachesOnlyOwnTeams(Person keep, Person gone) {
        Visibility visibility = policy.visibility(CaseAction.MERGE_PERSONS);
        for (Person p : List.of(keep, gone)) {
            var teams = new HashSet<>(caseLinks.teamsOfCasesWith(p.id()));
            teams.add(p.teamId());
            if (!visibility.all() && !visibility.teamIds().containsAll(teams)) {
                try {
                    policy.deny(CaseAction.MERGE_PERSONS, "PERSON", p.id());
                } catch (org.springframework.security.access.AccessDeniedException denied) {
                    throw new InvalidInput("absorbed", "person.merge-not-allowed");
                }
            }
        }
    }

    private void validate(PersonForm form) {
        PersonNames n = form.names();
        if (n.isEmpty()) {
            throw new InvalidInput("givenLatin", "person.name-required");
        }
        checkLength("givenLatin", n.givenLatin());
        checkLength("familyLatin", n.familyLatin());
        checkLength("fatherLatin", n.fatherLatin());
        checkLength("givenNative", n.givenNative());
        checkLength("familyNative", n.familyNative());
        checkLength("fatherNative", n.fatherNative());
        int thisYear = Year.now(clock).getValue();
        if (form.birthDate() != null
                && (form.birthDate().isAfter(LocalDate.now(clock))
                        || form.birthDate().getYear() < 1880)) {
            throw new InvalidInput("birthDate", "person.birth-date-invalid");
        }
        if (form.birthYear() != null && (form.birthYear() < 1880 || form.birthYear() > thisYear)) {
            throw new InvalidInput("birthYear", "person.birth-year-invalid", thisYear);
        }
        if (blank(form.email()) != null
                && (form.email().strip().length() > 254
                        || !EMAIL.matcher(form.email().strip()).matches())) {
            throw new InvalidInput("email", "person.email-invalid");
        }
        checkLength("messagingHandle", form.messagingHandle(), 200);
        checkLength("placeOfBirth", form.placeOfBirth(), 200);
        checkLength("nationality", form.nationality(), 100);
        checkLength("lastKnownLocation", form.lastKnownLocation(), 4000);
        checkLength("postalAddress", form.postalAddress(), 4000);
        checkLength("notes", form.notes(), 8000);
        if (blank(form.phone()) != null && !PHONE.matcher(form.phone().strip()).matches()) {
            throw new InvalidInput("phone", "person.phone-invalid");
        }
        for (NameVariant variant : form.otherNames()) {
            if (variant.text().isBlank() || variant.text().length() > 300) {
                throw new InvalidInput("otherNames", "person.other-name-invalid");
            }
        }
        for (PersonForm.DocumentEntry document : form.documents()) {
            if (document.number().isBlank() || document.number().length() > 100) {
                throw new InvalidInput("documents", "person.document-number-invalid");
            }
            checkLength("documents", document.issuingCountry(), 100);
        }
    }

    private static void checkLength(String field, @Nullable String value) {
        if (value != null && value.length() > MAX_NAME) {
            throw new InvalidInput(field, "person.name-too-long", MAX_NAME);
        }
    }

    private static void checkLength(String field, @Nullable String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidInput(field, "common.too-long", max);
        }
    }

    /**
     * The field classes an update must leave as stored: those the form keeps (masked, not
     * revealed) and those the caller may not see at all, whatever the form holds for them.
     */
    private Set<SensitiveFieldClass> untouchable(Person person, PersonForm form) {
        var kept = java.util.EnumSet.noneOf(SensitiveFieldClass.class);
        kept.addAll(form.keep());
        exposures(person).forEach((fieldClass, exposure) -> {
            if (exposure == Exposure.HIDDEN) {
                kept.add(fieldClass);
            }
        });
        return kept;
    }

    private void apply(Person p, PersonForm form, Set<SensitiveFieldClass> kept) {
        p.rename(trimmed(form.names()));
        p.sex = form.sex();
        if (!kept.contains(SensitiveFieldClass.BIRTH)) {
            String birth = form.birthDate() != null
                    ? form.birthDate().toString()
                    : form.birthYear() != null ? form.birthYear().toString() : null;
            p.birthDateEnc = encrypt(p, "birth_date_enc", birth);
        }
        p.placeOfBirth = blank(form.placeOfBirth());
        p.nationality = blank(form.nationality());
        if (!kept.contains(SensitiveFieldClass.LOCATION)) {
            p.lastKnownLocationEnc = encrypt(p, "last_known_location_enc", blank(form.lastKnownLocation()));
        }
        if (!kept.contains(SensitiveFieldClass.CONTACT)) {
            String phone = blank(form.phone());
            p.phoneEnc = encrypt(p, "phone_enc", phone);
            p.phoneIndex = phone == null ? null : blindIndex.of("person.phone", phone.replaceAll("[^0-9+]", ""));
            String email = blank(form.email());
            p.emailEnc = encrypt(p, "email_enc", email);
            p.emailIndex = email == null ? null : blindIndex.of("person.email", email);
            p.postalAddressEnc = encrypt(p, "postal_address_enc", blank(form.postalAddress()));
            p.messagingHandleEnc = encrypt(p, "messaging_handle_enc", blank(form.messagingHandle()));
        }
        if (!kept.contains(SensitiveFieldClass.NOTES)) {
            p.notesEnc = encrypt(p, "notes_enc", blank(form.notes()));
        }
        p.otherNames.clear();
        form.otherNames()
                .forEach(v -> p.otherNames.add(
                        new PersonNameVariant(v.kind(), v.text().strip())));
        if (!kept.contains(SensitiveFieldClass.IDENTITY)) {
            p.documents.clear();
            for (PersonForm.DocumentEntry entry : form.documents()) {
                var document = new PersonDocument(entry.type(), blank(entry.issuingCountry()));
                document.numberEnc = cipher.encrypt(
                        entry.number().strip(), new FieldBinding("person_document", "number_enc", document.rowKey()));
                document.numberIndex = blindIndex.of("person_document.number", entry.number());
                p.documents.add(document);
            }
        }
        p.updatedAt = clock.instant();
    }

    private void moveMissingDetails(Person from, Person to) {
        if (to.birthDateEnc == null && from.birthDateEnc != null) {
            to.birthDateEnc = encrypt(to, "birth_date_enc", decrypt(from, "birth_date_enc", from.birthDateEnc));
        }
        if (to.lastKnownLocationEnc == null && from.lastKnownLocationEnc != null) {
            to.lastKnownLocationEnc = encrypt(
                    to, "last_known_location_enc", decrypt(from, "last_known_location_enc", from.lastKnownLocationEnc));
        }
        if (to.phoneEnc == null && from.phoneEnc != null) {
            to.phoneEnc = encrypt(to, "phone_enc", decrypt(from, "phone_enc", from.phoneEnc));
            to.phoneIndex = from.phoneIndex;
        }
        if (to.emailEnc == null && from.emailEnc != null) {
            to.emailEnc = encrypt(to, "email_enc", decrypt(from, "email_enc", from.emailEnc));
            to.emailIndex = from.emailIndex;
        }
        if (to.postalAddressEnc == null && from.postalAddressEnc != null) {
            to.postalAddressEnc =
                    encrypt(to, "postal_address_enc", decrypt(from, "postal_address_enc", from.postalAddressEnc));
        }
        if (to.messagingHandleEnc == null && from.messagingHandleEnc != null) {
            to.messagingHandleEnc =
                    encrypt(to, "messaging_handle_enc", decrypt(from, "messaging_handle_enc", from.messagingHandleEnc));
        }
        if (from.notesEnc != null) {
            String theirs = decrypt(from, "notes_enc", from.notesEnc);
            String ours = decrypt(to, "notes_enc", to.notesEnc);
            to.notesEnc = encrypt(to, "notes_enc", ours == null ? theirs : ours + "\n\n" + theirs);
        }
        if (to.sex == Sex.UNKNOWN) {
            to.sex = from.sex;
        }
        if (to.placeOfBirth == null) {
            to.placeOfBirth = from.placeOfBirth;
        }
        if (to.nationality == null) {
            to.nationality = from.nationality;
        }
        // documents are re-encrypted under the kept person's new rows: the binding names the row
        for (PersonDocument document : from.documents) {
            String number = cipher.decrypt(
                    document.numberEnc, new FieldBinding("person_document", "number_enc", document.rowKey()));
            var copy = new PersonDocument(document.type, document.issuingCountry);
            copy.numberEnc = cipher.encrypt(number, new FieldBinding("person_document", "number_enc", copy.rowKey()));
            copy.numberIndex = document.numberIndex;
            to.documents.add(copy);
        }
        from.documents.clear();
    }

    private PersonDetails details(Person p) {
        return details(p, Set.of());
    }

    /** What the field policy shows of each class; the classes in {@code revealed} are shown in clear. */
    private Map<SensitiveFieldClass, Exposure> exposures(Person p) {
        // every caller reaching here passed the access policy for this person, so a caseworker's
        // relation to the person is their own team's (C4: relation rule in docs/architecture.md)
        return fieldPolicy.exposures(!visibleIds(List.of(p), policy.visibility(CaseAction.READ_PERSON))
                .isEmpty());
    }

    private PersonDetails details(Person p, Set<SensitiveFieldClass> revealed) {
        Map<SensitiveFieldClass, Exposure> exposures = exposures(p);
        var revealable = java.util.EnumSet.noneOf(SensitiveFieldClass.class);
        var shown = java.util.EnumSet.noneOf(SensitiveFieldClass.class);
        exposures.forEach((fieldClass, exposure) -> {
            if (exposure == Exposure.SHOW
                    || (exposure == Exposure.REVEAL_WITH_REASON && revealed.contains(fieldClass))) {
                shown.add(fieldClass);
            } else if (exposure == Exposure.REVEAL_WITH_REASON) {
                revealable.add(fieldClass);
            }
        });
        return new PersonDetails(
                new PersonId(p.id()),
                p.version(),
                p.teamId(),
                p.names(),
                variants(p),
                p.sex,
                sensitive(p, shown, SensitiveFieldClass.BIRTH, "birth_date_enc", p.birthDateEnc),
                p.placeOfBirth,
                p.nationality,
                sensitive(p, shown, SensitiveFieldClass.LOCATION, "last_known_location_enc", p.lastKnownLocationEnc),
                sensitive(p, shown, SensitiveFieldClass.CONTACT, "phone_enc", p.phoneEnc),
                sensitive(p, shown, SensitiveFieldClass.CONTACT, "email_enc", p.emailEnc),
                sensitive(p, shown, SensitiveFieldClass.CONTACT, "postal_address_enc", p.postalAddressEnc),
                sensitive(p, shown, SensitiveFieldClass.CONTACT, "messaging_handle_enc", p.messagingHandleEnc),
                p.documents.stream()
                        .map(d -> new IdentityDocument(
                                d.type,
                                shown.contains(SensitiveFieldClass.IDENTITY)
                                        ? SensitiveValue.shown(cipher.decrypt(
                                                d.numberEnc,
                                                new FieldBinding("person_document", "number_enc", d.rowKey())))
                                        : SensitiveValue.masked(d.numberEnc != null),
                                d.issuingCountry))
                        .toList(),
                sensitive(p, shown, SensitiveFieldClass.NOTES, "notes_enc", p.notesEnc),
                java.util.Collections.unmodifiableSet(revealable));
    }

    /** Decrypts a value only where the caller may see its class; otherwise says only whether there is one. */
    private SensitiveValue sensitive(
            Person p,
            Set<SensitiveFieldClass> shown,
            SensitiveFieldClass fieldClass,
            String column,
            @Nullable String stored) {
        return shown.contains(fieldClass)
                ? SensitiveValue.shown(decrypt(p, column, stored))
                : SensitiveValue.masked(stored != null);
    }

    private static PersonSummary summary(Person p) {
        return new PersonSummary(new PersonId(p.id()), p.names(), p.sex);
    }

    private static List<NameVariant> variants(Person p) {
        return p.otherNames.stream().map(PersonNameVariant::toRecord).toList();
    }

    private @Nullable Integer storedBirthYear(Person p) {
        String birth = decrypt(p, "birth_date_enc", p.birthDateEnc);
        return birth == null ? null : Integer.valueOf(birth.substring(0, 4));
    }

    private static @Nullable Integer birthYear(PersonForm form) {
        return form.birthDate() != null ? Integer.valueOf(form.birthDate().getYear()) : form.birthYear();
    }

    private @Nullable String encrypt(Person p, String column, @Nullable String value) {
        return cipher.encrypt(value, new FieldBinding(TABLE, column, p.rowKey()));
    }

    private @Nullable String decrypt(Person p, String column, @Nullable String stored) {
        return cipher.decrypt(stored, new FieldBinding(TABLE, column, p.rowKey()));
    }

    private static void addSpelling(Map<String, NameVariant> spellings, String text, NameVariantKind kind) {
        if (!text.isBlank()) {
            spellings.putIfAbsent(text, new NameVariant(kind, text));
        }
    }

    private static PersonNames trimmed(PersonNames n) {
        return new PersonNames(
                blank(n.givenLatin()),
                blank(n.familyLatin()),
                blank(n.fatherLatin()),
                blank(n.givenNative()),
                blank(n.familyNative()),
                blank(n.fatherNative()));
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
