package org.kinlink.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.kinlink.Roles;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditSubjectData;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseSubjectData;
import org.kinlink.correspondence.CorrespondenceSubjectData;
import org.kinlink.letters.LetterSubjectData;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonSubjectData;
import org.kinlink.people.PersonSubjectRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subject access export (D7, GDPR Art. 15): everything the caller's teams hold about one person and
 * nothing about anyone else, as JSON or PDF. Each owning module gives its part through its own
 * access-checked service; this service only assembles them. Who: a caseworker who may reveal the
 * person's data (their team registered the person or owns a case they are party to); another
 * team's person is "not found" with {@code ACCESS_DENIED} recorded. A step-up (S4) comes after the
 * access checks. Recorded as {@code SUBJECT_ACCESS_EXPORTED} on the person, reason the format.
 */
@Service
public class SubjectAccessExport {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PersonSubjectData people;
    private final CaseSubjectData cases;
    private final CorrespondenceSubjectData correspondence;
    private final LetterSubjectData letters;
    private final AuditSubjectData history;
    private final SubjectAccessPdf pdf;
    private final AuditTrail audit;
    private final Clock clock;

    SubjectAccessExport(
            PersonSubjectData people,
            CaseSubjectData cases,
            CorrespondenceSubjectData correspondence,
            LetterSubjectData letters,
            AuditSubjectData history,
            SubjectAccessPdf pdf,
            AuditTrail audit,
            Clock clock) {
        this.people = people;
        this.cases = cases;
        this.correspondence = correspondence;
        this.letters = letters;
        this.history = history;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public SubjectAccessFile export(PersonId id, SubjectAccessFormat format, Locale locale) {
        // the people module checks access first and then asks for the step-up, so another team's
        // caseworker gets "not found" and never a step-up prompt
        PersonSubjectRecord person = people.read(id);
        var report = new SubjectAccessReport(
                SubjectAccessReport.FORMAT,
                clock.instant(),
                SubjectAccessReport.SCOPE,
                person,
                cases.casesOf(id),
                correspondence.entriesWith(id),
                letters.disclosuresAbout(id),
                history.historyOf(id.value()));
        byte[] content = switch (format) {
            case JSON -> JSON.writeValueAsString(report).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf.render(report, locale);
        };
        audit.record(AuditEntry.success("SUBJECT_ACCESS_EXPORTED", "PERSON", id).because(format.name()));
        String name = "subject-access-P" + id.value() + "-" + LocalDate.ofInstant(report.generatedAt(), ZoneOffset.UTC)
                + "." + format.extension();
        return new SubjectAccessFile(name, format.mediaType(), content);
    }
}
