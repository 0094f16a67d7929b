package org.kinlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.kinlink.access.AccountService;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.SensitiveFieldClass;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.access.UserChanges;
import org.kinlink.api.ApiTokens;
import org.kinlink.audit.AuditChainVerifier;
import org.kinlink.audit.AuditFilter;
import org.kinlink.audit.AuditLog;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseEdit;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseSort;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.DisclosureDecision;
import org.kinlink.cases.DisclosureKind;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.PartyView;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.cases.TracingConsent;
import org.kinlink.documents.LetterDocument;
import org.kinlink.documents.LetterPdf;
import org.kinlink.documents.LetterTemplates;
import org.kinlink.documents.TemplateForm;
import org.kinlink.documents.TemplateId;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFileId;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.people.Sex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * C6 (and C2, C3, L1): the authorisation matrix in {@code authorisation-matrix.csv} drives this
 * test. Each row names an operation (a public method of a protected service), the caller's role,
 * the caller's scope relative to the fixture records ({@code own}: a caseworker of the records'
 * team, {@code other}: a caseworker of another team, {@code any}: a role not scoped by team),
 * whether the call is allowed, and whether a refusal is recorded as {@code ACCESS_DENIED}. An
 * allowed call must get past the access checks: it returns, or is answered by a business rule
 * ({@link InvalidInput}, {@link ConcurrentChange}) or asks for a step-up ({@link StepUpRequired},
 * S4, which services ask for only after every access check has passed); a denied call must throw {@link
 * AccessDeniedException} or {@link RecordNotFound} (the "not found" answer for another team's
 * record). Allowed calls that change data act on records made for that call, so rows do not
 * depend on each other.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest {

    private static final String MATRIX = "/authorisation-matrix.csv";

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @Autowired
    PersonService people;

    @Autowired
    UserAdministration administration;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore files;

    StoredFileId fixtureFile;

    @Autowired
    org.kinlink.letters.Letters letters;

    @Autowired
    org.kinlink.letters.Institutions institutions;

    @Autowired
    org.kinlink.files.FileStore fileStore;

    KinlinkUser letterAuthor;
    org.kinlink.letters.InstitutionId institution;
    String fixtureLetter;
    long fixtureLetterFile;

    @Autowired
    LetterTemplates templates;

    @Autowired
    LetterPdf letterPdf;

    TemplateId fixtureTemplate;

    @Autowired
    org.kinlink.importing.ImportService imports;

    @Autowired
    org.kinlink.privacy.Erasure erasure;

    @Autowired
    org.kinlink.privacy.Retention retention;

    @Autowired
    org.kinlink.people.PersonErasure personErasure;

    @Autowired
    org.kinlink.cases.CaseErasure caseErasure;

    @Autowired
    org.kinlink.correspondence.CorrespondenceErasure correspondenceErasure;

    @Autowired
    org.kinlink.letters.LetterErasure letterErasure;

    @Autowired
    org.kinlink.importing.ImportErasure importErasure;

    @Autowired
    org.kinlink.files.FileErasure fileErasure;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    long team;
    long otherTeam;
    KinlinkUser owner;
    final Map<String, KinlinkUser> callers = new HashMap<>();
    CaseDetails fixtureCase;
    PersonId sought;
    PersonId enquirer;

    interface Operation {
        void call(AuthorisationMatrixTest f) throws Exception;
    }

    private final Map<String, Operation> operations = new LinkedHashMap<>();

    {
        // CaseService
        operations.put("CaseService.list", f -> f.cases.list(CaseFilter.any(), CaseSort.REFERENCE, 0, 10));
        operations.put("CaseService.myCases", f -> f.cases.myCases(CaseSort.REFERENCE, 0, 10));
        operations.put(
                "CaseService.create",
                f -> f.cases.create(new NewCase("Matrix case", null, Priority.NORMAL, f.team, null)));
        operations.put("CaseService.open", f -> f.cases.open(f.fixtureCase.reference()));
        operations.put(
                "CaseService.access",
                f -> f.cases.access(f.fixtureCase.reference(), org.kinlink.access.CaseAction.READ_CASE));
        operations.put("CaseService.update", f -> {
            CaseDetails fresh = f.freshCase();
            f.cases.update(
                    new CaseEdit(fresh.reference(), fresh.version(), "Matrix case edited", null, Priority.HIGH, null));
        });
        operations.put("CaseService.changeStatus", f -> {
            CaseDetails fresh = f.freshCase();
            f.cases.changeStatus(fresh.reference(), fresh.version(), CaseStatus.INTAKE, "matrix");
        });
        operations.put("CaseService.addParty", f -> {
            PersonId other = f.asOwner(() -> f.newPerson("Addparty"));
            f.cases.addParty(f.fixtureCase.reference(), other, PartyRole.OTHER, Relationship.NOT_RELATED);
        });
        operations.put("CaseService.changeParty", f -> {
            CaseDetails fresh = f.freshCase();
            PartyView party = f.party(fresh, PartyRole.ENQUIRER);
            f.cases.changeParty(fresh.reference(), party.partyId(), party.version(), Relationship.SIBLING);
        });
        operations.put("CaseService.removeParty", f -> {
            CaseDetails fresh = f.freshCase();
            PartyView party = f.party(fresh, PartyRole.ENQUIRER);
            f.cases.removeParty(fresh.reference(), party.partyId(), party.version());
        });
        operations.put("CaseService.recordTracingConsent", f -> {
            CaseDetails fresh = f.freshCase();
            PartyView party = f.party(fresh, PartyRole.SOUGHT);
            f.cases.recordTracingConsent(
                    fresh.reference(),
                    party.partyId(),
                    f.consentVersion(fresh),
                    TracingConsent.GIVEN,
                    LocalDate.now().minusDays(1),
                    "phone call with the enquirer");
        });
        operations.put("CaseService.recordDisclosureDecision", f -> {
            CaseDetails fresh = f.freshCase();
            PartyView party = f.party(fresh, PartyRole.SOUGHT);
            f.cases.recordDisclosureDecision(
                    fresh.reference(),
                    party.partyId(),
                    f.consentVersion(fresh),
                    DisclosureDecision.ASKED,
                    LocalDate.now().minusDays(1),
                    "visit");
        });
        operations.put("CaseService.recordDisclosure", f -> {
            CaseDetails fresh = f.freshCase();
            f.cases.recordDisclosure(
                    fresh.reference(),
                    f.party(fresh, PartyRole.SOUGHT).partyId(),
                    f.party(fresh, PartyRole.ENQUIRER).partyId(),
                    DisclosureKind.MESSAGE,
                    null);
        });
        // PersonService
        operations.put("PersonService.register", f -> f.newPerson("Register"));
        operations.put("PersonService.open", f -> f.people.open(f.sought));
        operations.put(
                "PersonService.reveal",
                f -> f.people.reveal(f.sought, SensitiveFieldClass.LOCATION, "authorisation matrix"));
        operations.put("PersonService.update", f -> {
            PersonId fresh = f.asOwner(() -> f.newPersonIn(f.team, "Update"));
            f.people.update(fresh, f.personVersion(fresh), f.form("Updated"));
        });
        operations.put("PersonService.search", f -> f.people.search("Matrixperson", 10));
        operations.put("PersonService.matchingIds", f -> f.people.matchingIds("Matrixperson", 10));
        operations.put("PersonService.checkVisible", f -> f.people.checkVisible(f.sought));
        operations.put("PersonService.likelyDuplicates", f -> f.people.likelyDuplicates(f.form("Sought"), null));
        operations.put("PersonService.merge", f -> {
            PersonId kept = f.asOwner(() -> f.newPersonIn(f.team, "Kept"));
            PersonId absorbed = f.asOwner(() -> f.newPersonIn(f.team, "Absorbed"));
            f.people.merge(kept, f.personVersion(kept), absorbed, "authorisation matrix");
        });
        operations.put("PersonService.summaries", f -> f.people.summaries(List.of(f.sought, f.enquirer)));
        operations.put("PersonService.current", f -> f.people.current(f.sought));
        // UserAdministration
        operations.put("UserAdministration.users", f -> f.administration.users());
        operations.put("UserAdministration.teams", f -> f.administration.teams());
        operations.put(
                "UserAdministration.createUser",
                f -> f.administration.createUser(new NewUser(
                        TestAccounts.uniqueName("mx"), "Matrix user", Set.of(Roles.CASEWORKER), Set.of(f.team))));
        operations.put("UserAdministration.updateUser", f -> {
            long id = f.freshUser();
            f.administration.updateUser(
                    new UserChanges(id, f.userVersion(id), "Renamed", Set.of(Roles.COORDINATOR), Set.of()));
        });
        operations.put("UserAdministration.setEnabled", f -> {
            long id = f.freshUser();
            f.administration.setEnabled(id, f.userVersion(id), false);
        });
        operations.put("UserAdministration.endSessions", f -> f.administration.endSessions(f.freshUser()));
        operations.put("UserAdministration.resetPassword", f -> {
            long id = f.freshUser();
            f.administration.resetPassword(id, f.userVersion(id));
        });
        operations.put("UserAdministration.resetSecondFactor", f -> {
            long id = f.freshUser();
            f.administration.resetSecondFactor(id, f.userVersion(id), "authorisation matrix");
        });
        operations.put(
                "UserAdministration.createTeam",
                f -> f.administration.createTeam(TestAccounts.uniqueName("mxteam"), ""));
        // audit
        operations.put("AuditLog.find", f -> f.auditLog.find(AuditFilter.any(), 0, 10));
        operations.put("AuditLog.objectTypes", f -> f.auditLog.objectTypes());
        operations.put("AuditLog.accessesTo", f -> f.auditLog.accessesTo("CASE", f.fixtureCase.reference()));
        operations.put("AuditLog.activityOf", f -> f.auditLog.activityOf("admin", null, null));
        operations.put("AuditChainVerifier.verify", f -> f.verifier.verify());
        // AccountService (any signed-in user, on their own account)
        operations.put("AccountService.mustChangePassword", f -> f.accounts.mustChangePassword());
        operations.put(
                "AccountService.changePassword", f -> f.accounts.changePassword("not-the-current-password", "x", "y"));
        operations.put("AccountService.setPreferredLocale", f -> f.accounts.setPreferredLocale(Locale.ENGLISH));
        operations.put("AccountService.preferredLocale", f -> f.accounts.preferredLocale());
        // ApiTokens (administrators)
        operations.put(
                "ApiTokens.issue",
                f -> f.apiTokens.issue(
                        f.freshUser(), "matrix token", LocalDate.now().plusDays(7)));
        operations.put("ApiTokens.list", f -> f.apiTokens.list());
        operations.put("ApiTokens.revoke", f -> {
            long id = f.freshApiToken();
            f.apiTokens.revoke(id, 0);
        });
        // FileStore: any signed-in user; owner modules check access to the record a file belongs to
        operations.put("FileStore.maxSize", f -> f.files.maxSize());
        operations.put("FileStore.store", f -> f.files.store("matrix.txt", matrixText()));
        operations.put(
                "FileStore.storeGenerated",
                f -> f.files.storeGenerated("matrix.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}));
        operations.put("FileStore.describe", f -> f.files.describe(f.fixtureFile));
        operations.put(
                "FileStore.describeOwnUpload",
                f -> f.files.describeOwnUpload(
                        f.files.store("own.txt", matrixText()).id()));
        operations.put("FileStore.read", f -> f.files.read(f.fixtureFile, "TEST", "authorisation-matrix"));
        // letters (LETTERS): fixture letters are written by another coordinator than the caller
        operations.put("CaseService.letterFacts", f -> f.cases.letterFacts(List.of(f.fixtureCase.reference())));
        operations.put("Institutions.list", f -> f.institutions.list(null, 0, 10));
        operations.put("Institutions.open", f -> f.institutions.open(f.institution));
        operations.put("Institutions.save", f -> f.institutions.save(f.institutionForm()));
        operations.put("Letters.list", f -> f.letters.list(org.kinlink.letters.LetterFilter.any(), 0, 10));
        operations.put("Letters.overdueCount", f -> f.letters.overdueCount());
        operations.put("Letters.aboutCase", f -> f.letters.aboutCase(f.fixtureCase.reference()));
        operations.put("Letters.registerOfCase", f -> f.letters.registerOfCase(f.fixtureCase.reference()));
        operations.put("Letters.registerOfPerson", f -> f.letters.registerOfPerson(f.sought));
        operations.put("Letters.open", f -> f.letters.open(f.fixtureLetter));
        operations.put("Letters.draft", f -> f.letters.draft(f.letterDraft()));
        operations.put("Letters.update", f -> {
            String reference = f.freshLetter();
            f.letters.update(reference, f.letterVersion(reference), f.letterDraft());
        });
        operations.put("Letters.move", f -> {
            String reference = f.freshLetter();
            f.letters.move(reference, f.letterVersion(reference), org.kinlink.letters.LetterStatus.APPROVED, null);
        });
        // a draft cannot be sent, acknowledged or answered: an allowed caller gets the business answer
        operations.put("Letters.send", f -> {
            String reference = f.freshLetter();
            f.letters.send(reference, f.letterVersion(reference), LocalDate.now());
        });
        operations.put("Letters.acknowledge", f -> {
            String reference = f.freshLetter();
            f.letters.acknowledge(reference, f.letterVersion(reference), LocalDate.now(), null);
        });
        operations.put("Letters.answer", f -> {
            String reference = f.freshLetter();
            f.letters.answer(reference, f.letterVersion(reference), LocalDate.now(), "answer", null);
        });
        operations.put("Letters.generatePdf", f -> {
            String reference = f.freshLetter();
            f.letters.generatePdf(reference, f.letterVersion(reference));
        });
        operations.put("Letters.draftFollowUp", f -> f.letters.draftFollowUp(f.institution));
        operations.put("Letters.readFile", f -> f.letters.readFile(f.fixtureLetter, f.fixtureLetterFile));
        operations.put(
                "Letters.fillTemplate",
                f -> f.letters.fillTemplate(f.fixtureTemplate, f.institution, List.of(f.fixtureCase.reference())));
        // LetterTemplates, LetterPdf (documents)
        operations.put("LetterTemplates.list", f -> f.templates.list(null));
        operations.put("LetterTemplates.open", f -> f.templates.open(f.fixtureTemplate));
        operations.put("LetterTemplates.save", f -> f.templates.save(f.templateForm()));
        operations.put("LetterTemplates.fill", f -> f.templates.fill(f.fixtureTemplate, Map.of()));
        operations.put(
                "LetterPdf.render",
                f -> f.letterPdf.render(new LetterDocument(
                        "en", "KL-L-1", null, LocalDate.now(), List.of("To"), "Subject", "Body", List.of("From"))));
        // ImportService: administrators who are also caseworkers of the target team (an administrator
        // alone is refused; the allowed case is covered by ImportServiceTest)
        operations.put("ImportService.teams", f -> f.imports.teams());
        operations.put("ImportService.dryRun", f -> f.imports.dryRun(matrixSheet(), matrixMapping(), f.team));
        operations.put("ImportService.apply", f -> f.imports.apply(matrixSheet(), matrixMapping(), f.team, Set.of()));
        operations.put("ImportService.undo", f -> f.imports.undo(Long.MAX_VALUE));
        operations.put("ImportService.recent", f -> f.imports.recent(5));
        // deleting what an import created (for its undo): a fresh, unchanged record of the team
        operations.put("CaseService.deleteImported", f -> {
            CaseDetails fresh = f.freshCase();
            f.cases.deleteImported(fresh.reference(), fresh.version());
        });
        operations.put("PersonService.deleteImported", f -> {
            PersonId fresh = f.asOwner(() -> f.newPersonIn(f.team, "Imported"));
            f.people.deleteImported(fresh, f.personVersion(fresh));
        });
        // dashboard figures (reporting): counts scoped by the access policy
        operations.put(
                "CaseFigures.myOpenCasesByStatus",
                f -> f.context.getBean(org.kinlink.cases.CaseFigures.class).myOpenCasesByStatus());
        operations.put(
                "CaseFigures.myNextActions",
                f -> f.context.getBean(org.kinlink.cases.CaseFigures.class).myNextActions(5));
        operations.put(
                "CaseFigures.recentlyChangedInMyTeams",
                f -> f.context.getBean(org.kinlink.cases.CaseFigures.class).recentlyChangedInMyTeams(5));
        operations.put(
                "LetterFigures.awaitingAnswer",
                f -> f.context.getBean(org.kinlink.letters.LetterFigures.class).awaitingAnswer());
        operations.put(
                "LetterFigures.overdueByInstitution",
                f -> f.context.getBean(org.kinlink.letters.LetterFigures.class).overdueByInstitution());
        operations.put(
                "LetterFigures.sentThisMonth",
                f -> f.context.getBean(org.kinlink.letters.LetterFigures.class).sentThisMonth());
        operations.put(
                "LetterFigures.overdueAboutMyCases",
                f -> f.context.getBean(org.kinlink.letters.LetterFigures.class).overdueAboutMyCases(5));
        operations.put(
                "AuditFigures.lastVerification",
                f -> f.context.getBean(org.kinlink.audit.AuditFigures.class).lastVerification());
        operations.put(
                "AuditFigures.eventsPerDay",
                f -> f.context.getBean(org.kinlink.audit.AuditFigures.class).eventsPerDay(14));
        operations.put(
                "UserFigures.users",
                f -> f.context.getBean(org.kinlink.access.UserFigures.class).users());
        operations.put(
                "UserFigures.activeSessions",
                f -> f.context.getBean(org.kinlink.access.UserFigures.class).activeSessions());
        // keyset continuation of the cases list, from a cursor before every case
        operations.put(
                "CaseService.listAfter",
                f -> f.cases.listAfter(
                        CaseFilter.any(),
                        CaseSort.RECENTLY_CHANGED,
                        new org.kinlink.cases.CaseCursor(
                                Long.MAX_VALUE,
                                "KL-9999-999999",
                                CaseStatus.NEW,
                                Priority.NORMAL,
                                java.time.Instant.now(),
                                java.time.Instant.now().plusSeconds(86_400)),
                        10));
        // subject access export (D7): caseworkers who may reveal the person, after a step-up
        operations.put(
                "PersonSubjectData.read",
                f -> f.context
                        .getBean(org.kinlink.people.PersonSubjectData.class)
                        .read(f.sought));
        operations.put(
                "CaseSubjectData.partiesOf",
                f -> f.context.getBean(org.kinlink.cases.CaseSubjectData.class).partiesOf(f.sought));
        operations.put(
                "CaseSubjectData.casesOf",
                f -> f.context.getBean(org.kinlink.cases.CaseSubjectData.class).casesOf(f.sought));
        operations.put(
                "CorrespondenceSubjectData.entriesWith",
                f -> f.context
                        .getBean(org.kinlink.correspondence.CorrespondenceSubjectData.class)
                        .entriesWith(f.sought));
        operations.put(
                "LetterSubjectData.disclosuresAbout",
                f -> f.context
                        .getBean(org.kinlink.letters.LetterSubjectData.class)
                        .disclosuresAbout(f.sought));
        operations.put(
                "AuditSubjectData.historyOf",
                f -> f.context.getBean(org.kinlink.audit.AuditSubjectData.class).historyOf(f.sought.value()));
        operations.put(
                "SubjectAccessExport.export",
                f -> f.context
                        .getBean(org.kinlink.privacy.SubjectAccessExport.class)
                        .export(f.sought, org.kinlink.privacy.SubjectAccessFormat.JSON, Locale.ENGLISH));
        // privacy (D7): requests by caseworkers who may open the person; decisions and retention by
        // administrators; the modules' erasure services for administrators, inside a transaction
        // (rolled back here)
        operations.put(
                "Erasure.request", f -> f.erasure.request(f.asOwner(() -> f.newPersonIn(f.team, "Erase")), "matrix"));
        operations.put("Erasure.pendingFor", f -> f.erasure.pendingFor(f.sought));
        operations.put("Erasure.list", f -> f.erasure.list(0, 10));
        operations.put("Erasure.preview", f -> f.erasure.preview(f.erasureRequest()));
        operations.put("Erasure.approve", f -> {
            long request = f.erasureRequest();
            f.erasure.approve(request, f.erasureVersion(request));
        });
        operations.put("Erasure.reject", f -> {
            long request = f.erasureRequest();
            f.erasure.reject(request, f.erasureVersion(request), "matrix");
        });
        operations.put("Retention.rules", f -> f.retention.rules());
        operations.put("Retention.scheduledRunIsDryRun", f -> f.retention.scheduledRunIsDryRun());
        operations.put("Retention.changeRule", f -> {
            long version = f.jdbc.queryForObject(
                    "select version from retention_rule where final_status = 'DECLINED'", Long.class);
            f.retention.changeRule(CaseStatus.DECLINED, version, 3);
        });
        operations.put("Retention.dryRun", f -> f.retention.dryRun());
        operations.put("Retention.apply", f -> f.retention.apply());
        operations.put("Retention.runs", f -> f.retention.runs(0, 5));
        operations.put("PersonErasure.footprint", f -> f.personErasure.footprint(f.sought));
        operations.put("PersonErasure.names", f -> f.rolledBack(() -> f.personErasure.names(f.sought, "[x]")));
        operations.put(
                "PersonErasure.erase",
                f -> f.rolledBack(() -> {
                    f.personErasure.erase(f.asOwner(() -> f.newPersonIn(f.team, "Erased")));
                    return null;
                }));
        operations.put("CaseErasure.footprint", f -> f.caseErasure.footprint(List.of(f.sought)));
        operations.put("CaseErasure.parties", f -> f.caseErasure.parties(List.of(f.sought)));
        operations.put(
                "CaseErasure.erase",
                f -> f.rolledBack(() -> f.caseErasure.erase(
                        List.of(f.sought),
                        new org.kinlink.people.ErasedNames(List.of(), "[x]"),
                        java.time.Instant.now())));
        operations.put(
                "CaseErasure.dueForRetention",
                f -> f.caseErasure.dueForRetention(CaseStatus.CLOSED, java.time.Instant.EPOCH));
        operations.put(
                "CaseErasure.persons",
                f -> f.caseErasure.persons(f.fixtureCase.id().value()));
        operations.put("CaseErasure.inOtherLiveCase", f -> f.caseErasure.inOtherLiveCase(f.sought, Set.of()));
        operations.put(
                "CaseErasure.anonymise",
                f -> f.rolledBack(() -> {
                    f.caseErasure.anonymise(f.fixtureCase.id().value(), java.time.Instant.now());
                    return null;
                }));
        operations.put("CorrespondenceErasure.footprint", f -> f.correspondenceErasure.footprint(List.of(0L)));
        operations.put(
                "CorrespondenceErasure.erase",
                f -> f.rolledBack(() -> f.correspondenceErasure.erase(
                        List.of(0L),
                        List.of(f.fixtureCase.id().value()),
                        new org.kinlink.people.ErasedNames(List.of(), "[x]"))));
        operations.put(
                "CorrespondenceErasure.anonymiseCase",
                f -> f.rolledBack(() ->
                        f.correspondenceErasure.anonymiseCase(f.fixtureCase.id().value())));
        operations.put("LetterErasure.footprint", f -> f.letterErasure.footprint(List.of(f.sought)));
        operations.put(
                "LetterErasure.erase",
                f -> f.rolledBack(() -> f.letterErasure.erase(
                        List.of(f.sought), new org.kinlink.people.ErasedNames(List.of(), "[x]"))));
        operations.put("ImportErasure.footprint", f -> f.importErasure.footprint(List.of(f.sought)));
        operations.put("ImportErasure.erase", f -> f.rolledBack(() -> f.importErasure.erase(List.of(f.sought))));
        operations.put("FileErasure.delete", f -> f.rolledBack(() -> f.fileErasure.delete(List.of(f.fixtureFile))));
        // reports (reporting, cases.CaseReports, letters.LetterReports): the fixture team as the filter, so
        // another team's caseworker is "not found"; exports then ask for a step-up (counts as allowed)
        operations.put("CaseReports.monthlyCounts", f -> f.caseReports().monthlyCounts(month(), month(), f.team));
        operations.put("CaseReports.timeInStatus", f -> f.caseReports().timeInStatus(month(), month(), f.team));
        operations.put("CaseReports.caseList", f -> f.caseReports().caseList(month(), month(), f.team, 0, 10));
        operations.put(
                "CaseReports.caseListBatch", f -> f.caseReports().caseListBatch(month(), month(), f.team, 0, 10));
        operations.put(
                "LetterReports.perInstitution",
                f -> f.context
                        .getBean(org.kinlink.letters.LetterReports.class)
                        .perInstitution(month(), month(), f.team));
        operations.put("ReportService.teams", f -> f.reportService().teams());
        operations.put("ReportService.currentMonth", f -> f.reportService().currentMonth());
        operations.put(
                "ReportService.aggregate",
                f -> f.reportService()
                        .aggregate(org.kinlink.reporting.ReportKind.CASES_PER_MONTH, f.reportFilter(), key -> key));
        operations.put("ReportService.caseList", f -> f.reportService().caseList(f.reportFilter(), 0, 10, key -> key));
        operations.put(
                "ReportService.export",
                f -> f.reportService()
                        .export(
                                org.kinlink.reporting.ReportKind.CASE_LIST,
                                org.kinlink.reporting.ReportFormat.CSV,
                                f.reportFilter(),
                                new org.kinlink.reporting.ReportHeadings("t", List.of(), key -> key, false),
                                java.io.OutputStream.nullOutputStream(),
                                org.kinlink.reporting.ReportProgress.NONE));
    }

    static org.kinlink.importing.Sheet matrixSheet() {
        return org.kinlink.importing.SpreadsheetReader.read(
                "Case title,Enquirer given name,Sought given name\nMatrix import,Ava,Bita\n"
                        .getBytes(StandardCharsets.UTF_8));
    }

    static org.kinlink.importing.ImportMapping matrixMapping() {
        return org.kinlink.importing.ImportMapping.suggest(matrixSheet().header());
    }

    @BeforeAll
    void createFixtureOnce() {
        team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        otherTeam = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        owner = user(Set.of(Roles.CASEWORKER), Set.of(team));
        callers.put("CASEWORKER/own", owner);
        callers.put("CASEWORKER/other", user(Set.of(Roles.CASEWORKER), Set.of(otherTeam)));
        callers.put("COORDINATOR/any", user(Set.of(Roles.COORDINATOR), Set.of()));
        callers.put("AUDITOR/any", user(Set.of(Roles.AUDITOR), Set.of()));
        callers.put("ADMIN/any", user(Set.of(Roles.ADMIN), Set.of()));
        fixtureCase = asOwner(this::freshCase);
        TestAccounts.signIn(callers.get("COORDINATOR/any"));
        fixtureTemplate = templates.save(templateForm()).id();
        sought = party(fixtureCase, PartyRole.SOUGHT).personId();
        enquirer = party(fixtureCase, PartyRole.ENQUIRER).personId();
        fixtureFile = asOwner(() -> files.store("fixture.txt", matrixText()).id());
        letterAuthor = user(Set.of(Roles.COORDINATOR), Set.of());
        TestAccounts.signIn(letterAuthor);
        institution = institutions.save(institutionForm()).id();
        fixtureLetter = letters.draft(letterDraft());
        fixtureLetterFile = fileStore
                .storeGenerated("matrix.pdf", "application/pdf", "%PDF-1.4 matrix".getBytes(StandardCharsets.US_ASCII))
                .id()
                .value();
        jdbc.update("UPDATE letter SET pdf_file_id = ? WHERE reference = ?", fixtureLetterFile, fixtureLetter);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest(name = "C6: {0} as {1} ({2}) is {3}")
    @CsvFileSource(resources = MATRIX, numLinesToSkip = 1)
    void c6_every_role_gets_exactly_the_access_the_matrix_lists(
            String operation, String role, String scope, String expected, String audited) throws Exception {
        Operation call = operations.get(operation);
        assertThat(call).as("operation %s is exercised by this test", operation).isNotNull();
        KinlinkUser caller = callers.get(role + "/" + scope);
        assertThat(caller).as("caller %s/%s", role, scope).isNotNull();
        TestAccounts.signIn(caller);
        long before = AuditEvents.newest(jdbc);
        Throwable thrown = null;
        try {
            call.call(this);
        } catch (Exception e) {
            thrown = e;
        }
        if (expected.equals("allow")) {
            if (thrown instanceof AccessDeniedException || thrown instanceof RecordNotFound) {
                fail(operation + " as " + role + "/" + scope + " was refused", thrown);
            }
            if (thrown != null
                    && !(thrown instanceof InvalidInput
                            || thrown instanceof ConcurrentChange
                            || thrown instanceof StepUpRequired)) {
                fail(operation + " as " + role + "/" + scope + " failed", thrown);
            }
        } else {
            assertThat(thrown)
                    .as("%s as %s/%s must be refused", operation, role, scope)
                    .isNotNull()
                    .isInstanceOfAny(AccessDeniedException.class, RecordNotFound.class);
            if (audited.equals("yes")) {
                assertThat(AuditEvents.since(jdbc, before, "ACCESS_DENIED"))
                        .as("L1: the refusal of %s as %s/%s is recorded", operation, role, scope)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void c6_the_matrix_covers_every_public_method_of_the_protected_services_for_every_caller() throws IOException {
        var rows = new TreeSet<String>();
        try (InputStream in = getClass().getResourceAsStream(MATRIX)) {
            assertThat(in).isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(","))
                    .forEach(cols -> rows.add(cols[0] + "|" + cols[1] + "/" + cols[2]));
        }
        var required = new TreeSet<String>();
        for (Class<?> service : List.of(
                CaseService.class,
                PersonService.class,
                UserAdministration.class,
                AuditLog.class,
                AuditChainVerifier.class,
                AccountService.class,
                FileStore.class,
                org.kinlink.letters.Letters.class,
                org.kinlink.letters.Institutions.class,
                LetterTemplates.class,
                LetterPdf.class,
                ApiTokens.class,
                org.kinlink.importing.ImportService.class,
                org.kinlink.cases.CaseFigures.class,
                org.kinlink.letters.LetterFigures.class,
                org.kinlink.audit.AuditFigures.class,
                org.kinlink.access.UserFigures.class,
                org.kinlink.people.PersonSubjectData.class,
                org.kinlink.cases.CaseSubjectData.class,
                org.kinlink.correspondence.CorrespondenceSubjectData.class,
                org.kinlink.letters.LetterSubjectData.class,
                org.kinlink.audit.AuditSubjectData.class,
                org.kinlink.privacy.SubjectAccessExport.class,
                org.kinlink.privacy.Erasure.class,
                org.kinlink.privacy.Retention.class,
                org.kinlink.people.PersonErasure.class,
                org.kinlink.cases.CaseErasure.class,
                org.kinlink.correspondence.CorrespondenceErasure.class,
                org.kinlink.letters.LetterErasure.class,
                org.kinlink.importing.ImportErasure.class,
                org.kinlink.files.FileErasure.class,
                org.kinlink.cases.CaseReports.class,
                org.kinlink.letters.LetterReports.class,
                org.kinlink.reporting.ReportService.class)) {
            for (var method : service.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    String name = service.getSimpleName() + "." + method.getName();
                    assertThat(operations).as("an operation for %s", name).containsKey(name);
                    callers.keySet().forEach(caller -> required.add(name + "|" + caller));
                }
            }
        }
        assertThat(rows).containsAll(required);
    }

    // ---- fixture helpers

    static java.time.YearMonth month() {
        return java.time.YearMonth.now(java.time.ZoneOffset.UTC);
    }

    org.kinlink.cases.CaseReports caseReports() {
        return context.getBean(org.kinlink.cases.CaseReports.class);
    }

    org.kinlink.reporting.ReportService reportService() {
        return context.getBean(org.kinlink.reporting.ReportService.class);
    }

    org.kinlink.reporting.ReportFilter reportFilter() {
        return new org.kinlink.reporting.ReportFilter(month(), month(), team);
    }

    static InputStream matrixText() {
        return new java.io.ByteArrayInputStream("authorisation matrix".getBytes(StandardCharsets.UTF_8));
    }

    private KinlinkUser user(Set<String> roles, Set<Long> teams) {
        String username = TestAccounts.uniqueName("mx");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        return TestAccounts.load(context, username);
    }

    /** Runs the work in a transaction that is rolled back (for the modules' erasure services). */
    <T> T rolledBack(Supplier<T> work) {
        var template = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        return template.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    /** A new pending erasure request for a new person of the fixture team, made by its caseworker. */
    long erasureRequest() {
        return asOwner(() -> {
            TestAccounts.confirmStepUp();
            return erasure.request(newPersonIn(team, "Erase"), "matrix");
        });
    }

    long erasureVersion(long request) {
        return jdbc.queryForObject("select version from erasure_request where id = ?", Long.class, request);
    }

    /** Runs as the caseworker of the fixture team, then restores the caller. */
    <T> T asOwner(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        TestAccounts.signIn(owner);
        try {
            return work.get();
        } finally {
            var restored = SecurityContextHolder.createEmptyContext();
            restored.setAuthentication(previous);
            SecurityContextHolder.setContext(restored);
        }
    }

    /** A new case of the fixture team with an enquirer and a sought person, made by its caseworker. */
    CaseDetails freshCase() {
        return asOwner(() -> {
            String reference = cases.create(new NewCase("Matrix case", null, Priority.NORMAL, team, null));
            cases.addParty(reference, newPersonIn(team, "Sought"), PartyRole.SOUGHT, Relationship.SELF);
            return cases.addParty(reference, newPersonIn(team, "Enquirer"), PartyRole.ENQUIRER, Relationship.MOTHER);
        });
    }

    PartyView party(CaseDetails details, PartyRole role) {
        return details.parties().stream()
                .filter(p -> p.role() == role)
                .findFirst()
                .orElseThrow();
    }

    long consentVersion(CaseDetails details) {
        return details.consents().isEmpty() ? 0 : details.consents().get(0).version();
    }

    PersonForm form(String given) {
        return new PersonForm(
                new PersonNames(given, "Matrixperson", null, null, null, null),
                List.of(),
                Sex.UNKNOWN,
                null,
                1980,
                null,
                null,
                "Somewhere",
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }

    PersonId newPerson(String given) {
        return people.register(form(given), team);
    }

    PersonId newPersonIn(long teamId, String given) {
        return people.register(form(given), teamId);
    }

    long personVersion(PersonId id) {
        Long version = jdbc.queryForObject("SELECT version FROM person WHERE id = ?", Long.class, id.value());
        return version == null ? 0 : version;
    }

    TemplateForm templateForm() {
        return new TemplateForm(
                null, 0, TestAccounts.uniqueName("template"), "en", "Tracing request", "Dear {{institution.name}},");
    }

    long freshUser() {
        String username = TestAccounts.uniqueName("mx");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Matrix " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        return userId(username);
    }

    long freshApiToken() {
        long user = freshUser();
        return TestAccounts.asAdministrator(() -> apiTokens
                .issue(user, "matrix token", LocalDate.now().plusDays(7))
                .token()
                .id());
    }

    long userId(String username) {
        Long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
        return id == null ? 0 : id;
    }

    long userVersion(long id) {
        Long version = jdbc.queryForObject("SELECT version FROM app_user WHERE id = ?", Long.class, id);
        return version == null ? 0 : version;
    }

    // ---- letters fixture helpers

    org.kinlink.letters.InstitutionForm institutionForm() {
        return new org.kinlink.letters.InstitutionForm(
                null,
                0,
                TestAccounts.uniqueName("Matrix institution"),
                org.kinlink.letters.InstitutionType.NGO,
                null,
                null,
                null,
                null,
                "en",
                null);
    }

    org.kinlink.letters.LetterDraft letterDraft() {
        return new org.kinlink.letters.LetterDraft(
                institution,
                List.of(fixtureCase.reference()),
                "en",
                org.kinlink.letters.LetterChannel.POST,
                "Matrix letter",
                "About the matrix case.",
                null,
                List.of(new org.kinlink.letters.Disclosed(
                        fixtureCase.reference(),
                        sought,
                        org.kinlink.letters.DataCategory.NAME,
                        org.kinlink.letters.LegalBasis.LEGITIMATE_INTEREST)));
    }

    /** A new draft about the fixture case by the fixture author (not the caller). */
    String freshLetter() {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        TestAccounts.signIn(letterAuthor);
        try {
            return letters.draft(letterDraft());
        } finally {
            var restored = SecurityContextHolder.createEmptyContext();
            restored.setAuthentication(previous);
            SecurityContextHolder.setContext(restored);
        }
    }

    long letterVersion(String reference) {
        Long version = jdbc.queryForObject("SELECT version FROM letter WHERE reference = ?", Long.class, reference);
        return version == null ? 0 : version;
    }
}
