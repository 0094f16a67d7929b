package org.kinlink.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.UserDirectory;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonMatch;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.people.Sex;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and imports a spreadsheet of cases. Only administrators import ("an administrator
 * imports", issue 8); because every record is created through the caseworker services, with their
 * team checks, encryption, blind indexes and audit, the importer must also be a caseworker of each
 * target team (checked in the dry run). Likely duplicates (in the registry and within the file) are
 * warnings: the import always creates new persons, and the warnings name the candidates so that a
 * caseworker can merge them afterwards (merging is audited) — never silently linking two people.
 */
@Service
public class ImportService {

    /** Statuses an import can reach without consent records, and the workflow path from NEW. */
    private static final Map<CaseStatus, List<CaseStatus>> PATHS = Map.of(
            CaseStatus.NEW, List.of(),
            CaseStatus.INTAKE, List.of(CaseStatus.INTAKE),
            CaseStatus.TRACING, List.of(CaseStatus.INTAKE, CaseStatus.TRACING),
            CaseStatus.LOCATED, List.of(CaseStatus.INTAKE, CaseStatus.TRACING, CaseStatus.LOCATED),
            CaseStatus.CONTACT_REQUESTED,
                    List.of(CaseStatus.INTAKE, CaseStatus.TRACING, CaseStatus.LOCATED, CaseStatus.CONTACT_REQUESTED),
            CaseStatus.ON_HOLD, List.of(CaseStatus.ON_HOLD),
            CaseStatus.CLOSED_UNRESOLVED, List.of(CaseStatus.CLOSED_UNRESOLVED));

    static final double DUPLICATE_SCORE = 0.85;

    /** Item type recording the version an import left a case at ({@code "<reference> <version>"}). */
    static final String CASE_VERSION = "CASE_VERSION";

    private final PersonService people;
    private final CaseService cases;
    private final UserDirectory directory;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ImportBatches batches;
    private final Clock clock;

    ImportService(
            PersonService people,
            CaseService cases,
            UserDirectory directory,
            CurrentUser currentUser,
            AuditTrail audit,
            ImportBatches batches,
            Clock clock) {
        this.people = people;
        this.cases = cases;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
        this.batches = batches;
        this.clock = clock;
    }

    /** The teams the caller can import into (their own teams), by id with their names. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "') and hasRole('" + Roles.CASEWORKER + "')")
    public Map<Long, String> teams() {
        Set<Long> own = currentUser.require().teamIds();
        var result = new java.util.TreeMap<Long, String>();
        directory.teamNames().forEach((id, name) -> {
            if (own.contains(id)) {
                result.put(id, name);
            }
        });
        return result;
    }

    /**
     * Checks every row with the mapping and reports its problems; writes nothing (likely duplicates
     * are searched in the registry, which records nothing either). {@code defaultTeam} is used for
     * rows without a team column or value.
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "') and hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public DryRun dryRun(Sheet sheet, ImportMapping mapping, @Nullable Long defaultTeam) {
        return dryRun(sheet, mapping, defaultTeam, ImportProgress.NONE);
    }

    /** {@link #dryRun(Sheet, ImportMapping, Long)}, telling {@code progress} after each row. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "') and hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public DryRun dryRun(Sheet sheet, ImportMapping mapping, @Nullable Long defaultTeam, ImportProgress progress) {
        checkMapping(mapping);
        List<RowCheck> checks = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Long> teamsByName = teamsByName();
        int total = sheet.rows().size();
        for (Sheet.Row row : sheet.rows()) {
            var parsed = parse(row, mapping, defaultTeam, teamsByName);
            List<RowProblem> problems = new ArrayList<>(parsed.problems());
            duplicates(parsed.enquirer(), ImportField.ENQUIRER_GIVEN_LATIN, row.number(), seen, problems);
            duplicates(parsed.sought(), ImportField.SOUGHT_GIVEN_LATIN, row.number(), seen, problems);
            checks.add(new RowCheck(
                    row.number(),
                    parsed.title(),
                    parsed.enquirer() == null ? "" : parsed.enquirer().names().display(),
                    parsed.sought() == null ? "" : parsed.sought().names().display(),
                    problems));
            progress.row(checks.size(), total);
        }
        return new DryRun(checks);
    }

    /**
     * Imports every row except {@code excludedRows}, all or nothing: one transaction, through the
     * person and case services; any failure rolls everything back and names the row. Refused while
     * an included row has errors. Recorded as an import batch and audited as {@code IMPORT_APPLIED}.
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "') and hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public ImportResult apply(
            Sheet sheet, ImportMapping mapping, @Nullable Long defaultTeam, Set<Integer> excludedRows) {
        return apply(sheet, mapping, defaultTeam, excludedRows, ImportProgress.NONE);
    }

    /**
     * {@link #apply(Sheet, ImportMapping, Long, Set)}, telling {@code progress} after each imported
     * row (of the rows included); still one transaction, all or nothing.
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "') and hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public ImportResult apply(
            Sheet sheet,
            ImportMapping mapping,
            @Nullable Long defaultTeam,
            Set<Integer> excludedRows,
            ImportProgress progress) {
        checkMapping(mapping);
        Map<String, Long> teamsByName = teamsByName();
        List<Parsed> rows = new ArrayList<>();
        List<Integer> withErrors = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            if (excludedRows.contains(row.number())) {
                continue;
            }
            var parsed = parse(row, mapping, defaultTeam, teamsByName);
            if (parsed.problems().stream().anyMatch(RowProblem::error)) {
                withErrors.add(row.number());
            }
            rows.add(parsed);
        }
        if (!withErrors.isEmpty()) {
            throw new InvalidInput("rows", "import.has-errors", rowList(withErrors));
        }
        if (rows.isEmpty()) {
            throw new InvalidInput("rows", "import.nothing");
        }
        KinlinkUser user = currentUser.require();
        long batch = batches.create(clock.instant(), user.id(), rows.size(), mapping.describe(sheet.header()));
        List<String> references = new ArrayList<>();
        int persons = 0;
        for (Parsed row : rows) {
            try {
                references.add(importRow(batch, row));
                persons += 2;
                progress.row(references.size(), rows.size());
            } catch (InvalidInput refused) {
                throw new InvalidInput("rows", "import.row-failed", row.number(), refused.field());
            } catch (RuntimeException failure) {
                if (failure instanceof org.springframework.security.access.AccessDeniedException
                        || failure instanceof org.kinlink.RecordNotFound) {
                    throw new InvalidInput("rows", "import.row-refused", row.number());
                }
                throw new ImportFailed(row.number(), failure);
            }
        }
        audit.record(AuditEntry.success("IMPORT_APPLIED", "IMPORT", batch)
                .because(references.size() + " cases, " + persons + " persons"));
        return new ImportResult(batch, references, persons);
    }

    /**
     * Undoes an import: removes every case and person it created, through the case and person
     * services (parties, status history, name variants, documents and match keys go with them),
     * but only if none of them was changed since or is referred to by another record (a contacts
     * log entry, a letter, a new party, a merge); otherwise refused naming the changed records, and
     * nothing is removed. One transaction; audited as {@code IMPORT_UNDONE}; an import is undone
     * once.
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "') and hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public int undo(long batchId) {
        Boolean undone = batches.undoneForUpdate(batchId);
        if (undone == null) {
            throw new org.kinlink.RecordNotFound("Import");
        }
        if (undone) {
            throw new InvalidInput("batch", "import.undo-already", Long.toString(batchId));
        }
        List<ImportBatches.Item> items = batches.items(batchId);
        Map<String, Long> caseVersions = new HashMap<>();
        for (var item : items) {
            if (item.recordType().equals(CASE_VERSION)) {
                String[] parts = item.recordKey().split(" ");
                caseVersions.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        List<String> changed = new ArrayList<>();
        int removed = 0;
        for (var item : items) {
            if (item.recordType().equals("CASE")) {
                try {
                    cases.deleteImported(item.recordKey(), caseVersions.getOrDefault(item.recordKey(), -1L));
                    removed++;
                } catch (org.kinlink.ConcurrentChange | org.kinlink.RecordNotFound change) {
                    changed.add(item.recordKey());
                }
            }
        }
        if (changed.isEmpty()) {
            for (var item : items) {
                if (item.recordType().equals("PERSON")) {
                    try {
                        people.deleteImported(
                                new PersonId(Long.parseLong(item.recordKey())), PersonService.REGISTERED_VERSION);
                        removed++;
                    } catch (org.kinlink.ConcurrentChange | org.kinlink.RecordNotFound change) {
                        changed.add("P-" + item.recordKey());
                    }
                }
            }
        }
        if (!changed.isEmpty()) {
            throw new InvalidInput("batch", "import.undo-refused", Long.toString(batchId), rowList(changed));
        }
        batches.markUndone(batchId, clock.instant());
        audit.record(AuditEntry.success("IMPORT_UNDONE", "IMPORT", batchId).because(removed + " records removed"));
        return removed;
    }

    /** The most recent imports, newest first, for the list on the import page. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "') and hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public List<ImportSummary> recent(int limit) {
        List<ImportSummary> found = batches.recent(Math.max(1, Math.min(limit, 100)));
        Map<Long, String> names = directory.userNames(
                found.stream().map(ImportSummary::createdById).distinct().toList());
        return found.stream()
                .map(s -> s.withCreatedBy(names.getOrDefault(s.createdById(), "#" + s.createdById())))
                .toList();
    }

    /** An unexpected failure while importing a row; the transaction is rolled back. */
    public static final class ImportFailed extends RuntimeException {
        private final int row;

        ImportFailed(int row, Throwable cause) {
            super("import failed at row " + row, cause);
            this.row = row;
        }

        public int row() {
            return row;
        }
    }

    private String importRow(long batch, Parsed row) {
        PersonId enquirer = people.register(java.util.Objects.requireNonNull(row.enquirer()), row.teamId());
        batches.item(batch, row.number(), "PERSON", Long.toString(enquirer.value()));
        PersonId sought = people.register(java.util.Objects.requireNonNull(row.sought()), row.teamId());
        batches.item(batch, row.number(), "PERSON", Long.toString(sought.value()));
        String reference = cases.create(new NewCase(row.title(), row.summary(), Priority.NORMAL, row.teamId(), null));
        batches.item(batch, row.number(), "CASE", reference);
        cases.addParty(reference, enquirer, PartyRole.ENQUIRER, row.relationship());
        CaseDetails details = cases.addParty(reference, sought, PartyRole.SOUGHT, Relationship.SELF);
        for (CaseStatus step : PATHS.getOrDefault(row.status(), List.of())) {
            details = cases.changeStatus(reference, details.version(), step, "imported");
        }
        // the version the import leaves the case at: undo removes it only while it is unchanged
        batches.item(batch, row.number(), CASE_VERSION, reference + " " + details.version());
        return reference;
    }

    // ---------------------------------------------------------------- parsing one row

    private record Parsed(
            int number,
            String title,
            CaseStatus status,
            long teamId,
            @Nullable String summary,
            Relationship relationship,
            @Nullable PersonForm enquirer,
            @Nullable PersonForm sought,
            List<RowProblem> problems) {}

    private Parsed parse(Sheet.Row row, ImportMapping mapping, @Nullable Long defaultTeam, Map<String, Long> teams) {
        List<RowProblem> problems = new ArrayList<>();
        String title = row.cell(mapping.column(ImportField.CASE_TITLE));
        if (title.isEmpty()) {
            problems.add(RowProblem.error(ImportField.CASE_TITLE, "import.problem.required"));
        } else if (title.length() > 200) {
            problems.add(RowProblem.error(ImportField.CASE_TITLE, "import.problem.too-long", "200"));
        }
        CaseStatus status = CaseStatus.NEW;
        String statusText = row.cell(mapping.column(ImportField.STATUS));
        if (!statusText.isEmpty()) {
            Optional<CaseStatus> found = ImportValues.status(statusText);
            if (found.isEmpty()) {
                problems.add(RowProblem.error(ImportField.STATUS, "import.problem.unknown-status", statusText));
            } else if (!PATHS.containsKey(found.get())) {
                problems.add(RowProblem.error(
                        ImportField.STATUS,
                        "import.problem.status-needs-consent",
                        found.get().name()));
            } else {
                status = found.get();
            }
        }
        String opened = row.cell(mapping.column(ImportField.OPENED));
        String openedIso = null;
        if (!opened.isEmpty()) {
            var date = ImportValues.date(opened);
            if (date.isEmpty()) {
                problems.add(RowProblem.error(ImportField.OPENED, "import.problem.bad-date", opened));
            } else {
                openedIso = date.get().toString();
            }
        }
        long teamId = -1;
        String teamText = row.cell(mapping.column(ImportField.TEAM));
        if (!teamText.isEmpty()) {
            Long found = teams.get(ImportMapping.normalise(teamText));
            if (found == null) {
                problems.add(RowProblem.error(ImportField.TEAM, "import.problem.unknown-team", teamText));
            } else {
                teamId = found;
            }
        } else if (defaultTeam != null) {
            teamId = defaultTeam;
        } else {
            problems.add(RowProblem.error(ImportField.TEAM, "import.problem.no-team"));
        }
        if (teamId >= 0 && !currentUser.require().teamIds().contains(teamId)) {
            problems.add(RowProblem.error(ImportField.TEAM, "import.problem.not-member", teamText));
        }
        Relationship relationship = Relationship.OTHER_RELATIVE;
        String relationText = row.cell(mapping.column(ImportField.ENQUIRER_RELATIONSHIP));
        if (!relationText.isEmpty()) {
            var found = ImportValues.relationship(relationText);
            if (found.isEmpty()) {
                problems.add(RowProblem.error(
                        ImportField.ENQUIRER_RELATIONSHIP, "import.problem.unknown-relationship", relationText));
            } else {
                relationship = found.get();
            }
        }
        PersonForm enquirer = person(
                row,
                mapping,
                problems,
                ImportField.ENQUIRER_GIVEN_LATIN,
                ImportField.ENQUIRER_FAMILY_LATIN,
                ImportField.ENQUIRER_GIVEN_NATIVE,
                ImportField.ENQUIRER_FAMILY_NATIVE,
                ImportField.ENQUIRER_BIRTH);
        PersonForm sought = person(
                row,
                mapping,
                problems,
                ImportField.SOUGHT_GIVEN_LATIN,
                ImportField.SOUGHT_FAMILY_LATIN,
                ImportField.SOUGHT_GIVEN_NATIVE,
                ImportField.SOUGHT_FAMILY_NATIVE,
                ImportField.SOUGHT_BIRTH);
        String notes = row.cell(mapping.column(ImportField.NOTES));
        String summary = openedIso == null ? notes : ("Opened " + openedIso + (notes.isEmpty() ? "" : ". " + notes));
        return new Parsed(
                row.number(),
                title,
                status,
                teamId,
                summary.isEmpty() ? null : summary,
                relationship,
                enquirer,
                sought,
                problems);
    }

    private @Nullable PersonForm person(
            Sheet.Row row,
            ImportMapping mapping,
            List<RowProblem> problems,
            ImportField givenLatin,
            ImportField familyLatin,
            ImportField givenNative,
            ImportField familyNative,
            ImportField birth) {
        var names = new PersonNames(
                blankToNull(row.cell(mapping.column(givenLatin))),
                blankToNull(row.cell(mapping.column(familyLatin))),
                null,
                blankToNull(row.cell(mapping.column(givenNative))),
                blankToNull(row.cell(mapping.column(familyNative))),
                null);
        if (names.isEmpty()) {
            problems.add(RowProblem.error(givenLatin, "import.problem.no-name"));
            return null;
        }
        LocalDate date = null;
        Integer year = null;
        String birthText = row.cell(mapping.column(birth));
        if (!birthText.isEmpty()) {
            var parsed = ImportValues.birth(birthText);
            if (parsed.isEmpty()) {
                problems.add(RowProblem.error(birth, "import.problem.bad-date", birthText));
            } else if (parsed.get().year() < 1880
                    || parsed.get().year() > java.time.Year.now(clock).getValue()
                    || (parsed.get().date() != null && parsed.get().date().isAfter(LocalDate.now(clock)))) {
                problems.add(RowProblem.error(
                        birth,
                        "import.problem.birth-out-of-range",
                        Integer.toString(parsed.get().year())));
            } else {
                date = parsed.get().date();
                year = date == null ? parsed.get().year() : null;
            }
        }
        return new PersonForm(
                names, List.of(), Sex.UNKNOWN, date, year, null, null, null, null, null, null, null, List.of(), null);
    }

    private void duplicates(
            @Nullable PersonForm form,
            ImportField field,
            int row,
            Map<String, Integer> seen,
            List<RowProblem> problems) {
        if (form == null) {
            return;
        }
        String key = ImportMapping.normalise(form.names().latin()) + "|"
                + ImportMapping.normalise(form.names().nativeScript()) + "|"
                + (form.birthDate() != null
                        ? Integer.toString(form.birthDate().getYear())
                        : String.valueOf(form.birthYear()));
        Integer earlier = seen.putIfAbsent(key, row);
        if (earlier != null && earlier != row) {
            problems.add(RowProblem.warning(field, "import.problem.duplicate-in-file", Integer.toString(earlier)));
        }
        for (PersonMatch match : people.likelyDuplicates(form, null)) {
            if (match.score() >= DUPLICATE_SCORE) {
                problems.add(RowProblem.warning(
                        field,
                        "import.problem.duplicate-registry",
                        match.person().display(),
                        Long.toString(match.person().id().value())));
                break;
            }
        }
    }

    private Map<String, Long> teamsByName() {
        Map<String, Long> result = new HashMap<>();
        directory.teamNames().forEach((id, name) -> result.put(ImportMapping.normalise(name), id));
        return result;
    }

    private static void checkMapping(ImportMapping mapping) {
        if (mapping.column(ImportField.CASE_TITLE) < 0) {
            throw new InvalidInput("mapping", "import.mapping-missing", ImportField.CASE_TITLE.labelKey());
        }
        boolean enquirer = mapping.column(ImportField.ENQUIRER_GIVEN_LATIN) >= 0
                || mapping.column(ImportField.ENQUIRER_FAMILY_LATIN) >= 0
                || mapping.column(ImportField.ENQUIRER_GIVEN_NATIVE) >= 0
                || mapping.column(ImportField.ENQUIRER_FAMILY_NATIVE) >= 0;
        boolean sought = mapping.column(ImportField.SOUGHT_GIVEN_LATIN) >= 0
                || mapping.column(ImportField.SOUGHT_FAMILY_LATIN) >= 0
                || mapping.column(ImportField.SOUGHT_GIVEN_NATIVE) >= 0
                || mapping.column(ImportField.SOUGHT_FAMILY_NATIVE) >= 0;
        if (!enquirer) {
            throw new InvalidInput("mapping", "import.mapping-missing", ImportField.ENQUIRER_GIVEN_LATIN.labelKey());
        }
        if (!sought) {
            throw new InvalidInput("mapping", "import.mapping-missing", ImportField.SOUGHT_GIVEN_LATIN.labelKey());
        }
    }

    private static String rowList(List<?> rows) {
        var text = new StringBuilder();
        for (int i = 0; i < rows.size() && i < 20; i++) {
            text.append(i == 0 ? "" : ", ").append(rows.get(i));
        }
        return rows.size() > 20 ? text + ", …" : text.toString();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
