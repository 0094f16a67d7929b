package org.kinlink.privacy;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kinlink.cases.CaseSubjectRecord;
import org.kinlink.documents.ReportDocument;
import org.kinlink.documents.ReportDocument.Section;
import org.kinlink.documents.ReportPdf;
import org.kinlink.people.NameVariant;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonSubjectRecord;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Languages;
import org.springframework.stereotype.Component;

/** Lays a {@link SubjectAccessReport} out as a readable PDF in the user's language (labels translated). */
@Component
class SubjectAccessPdf {

    private final I18NProvider i18n;
    private final ReportPdf pdf;

    SubjectAccessPdf(I18NProvider i18n, ReportPdf pdf) {
        this.i18n = i18n;
        this.pdf = pdf;
    }

    byte[] render(SubjectAccessReport report, Locale locale) {
        return pdf.render(document(report, locale));
    }

    ReportDocument document(SubjectAccessReport r, Locale locale) {
        var t = new Labels(i18n, locale);
        PersonSubjectRecord p = r.person();
        var sections = new ArrayList<Section>();
        sections.add(person(p, t, locale));
        sections.add(new Section(
                t.get("privacy.sar.pdf.documents"),
                List.of(
                        t.get("privacy.sar.pdf.document-type"),
                        t.get("privacy.sar.pdf.number"),
                        t.get("privacy.sar.pdf.country")),
                p.documents().stream()
                        .map(d -> List.of(
                                t.get("person.document.type." + d.type().name()),
                                d.number(),
                                orEmpty(d.issuingCountry())))
                        .toList(),
                t.get("privacy.sar.pdf.none")));
        sections.add(new Section(
                t.get("privacy.sar.pdf.cases"),
                List.of(
                        t.get("privacy.sar.pdf.case"),
                        t.get("privacy.sar.pdf.role"),
                        t.get("privacy.sar.pdf.status"),
                        t.get("privacy.sar.pdf.dates"),
                        t.get("privacy.sar.pdf.consent")),
                r.cases().stream().map(c -> caseRow(c, t, locale)).toList(),
                t.get("privacy.sar.pdf.none")));
        sections.add(new Section(
                t.get("privacy.sar.pdf.correspondence"),
                List.of(
                        t.get("privacy.sar.pdf.when"),
                        t.get("privacy.sar.pdf.case"),
                        t.get("privacy.sar.pdf.channel"),
                        t.get("privacy.sar.pdf.subject"),
                        t.get("privacy.sar.pdf.summary")),
                r.correspondence().stream()
                        .map(e -> List.of(
                                date(e.occurredAt(), locale),
                                e.caseReference(),
                                t.get("correspondence.channel." + e.channel().name()) + ", "
                                        + t.get("correspondence.direction."
                                                + e.direction().name()),
                                e.subject(),
                                orEmpty(e.summary())))
                        .toList(),
                t.get("privacy.sar.pdf.none")));
        sections.add(new Section(
                t.get("privacy.sar.pdf.recipients"),
                List.of(
                        t.get("privacy.sar.pdf.institution"),
                        t.get("privacy.sar.pdf.letter"),
                        t.get("privacy.sar.pdf.sent"),
                        t.get("privacy.sar.pdf.category"),
                        t.get("privacy.sar.pdf.basis")),
                r.disclosures().stream()
                        .map(d -> List.of(
                                d.institution(),
                                d.letterReference() + " (" + d.caseReference() + ")",
                                d.sentOn() == null
                                        ? t.get("letters.status."
                                                + d.letterStatus().name())
                                        : Dates.date(d.sentOn(), locale),
                                t.get("letters.category." + d.category().name()),
                                t.get("letters.basis." + d.basis().name())))
                        .toList(),
                t.get("privacy.sar.pdf.none")));
        sections.add(new Section(
                t.get("privacy.sar.pdf.history"),
                List.of(
                        t.get("privacy.sar.pdf.when"),
                        t.get("privacy.sar.pdf.action"),
                        t.get("privacy.sar.pdf.by-role")),
                r.processingHistory().stream()
                        .map(e -> List.of(
                                Dates.timestamp(e.occurredAt(), ZoneOffset.UTC, locale),
                                e.action() + " (" + e.outcome().name() + ")",
                                orEmpty(e.actorRoles())))
                        .toList(),
                t.get("privacy.sar.pdf.none")));
        return new ReportDocument(
                t.get("privacy.sar.pdf.title"),
                List.of(
                        t.get("privacy.sar.pdf.generated", Dates.timestamp(r.generatedAt(), ZoneOffset.UTC, locale)),
                        t.get("privacy.sar.pdf.scope"),
                        t.get("privacy.sar.pdf.left-out")),
                sections,
                Languages.isRightToLeft(locale));
    }

    private Section person(PersonSubjectRecord p, Labels t, Locale locale) {
        var rows = new ArrayList<List<String>>();
        PersonNames n = p.names();
        row(rows, t.get("privacy.sar.pdf.name-latin"), join(n.givenLatin(), n.fatherLatin(), n.familyLatin()));
        row(rows, t.get("privacy.sar.pdf.name-native"), join(n.givenNative(), n.fatherNative(), n.familyNative()));
        for (NameVariant variant : p.otherNames()) {
            row(rows, t.get("privacy.sar.pdf.other-name"), variant.text());
        }
        row(rows, t.get("privacy.sar.pdf.sex"), t.get("person.sex." + p.sex().name()));
        row(rows, t.get("privacy.sar.pdf.birth"), p.birthDate());
        row(rows, t.get("privacy.sar.pdf.place-of-birth"), p.placeOfBirth());
        row(rows, t.get("privacy.sar.pdf.nationality"), p.nationality());
        row(rows, t.get("privacy.sar.pdf.phone"), p.phone());
        row(rows, t.get("privacy.sar.pdf.email"), p.email());
        row(rows, t.get("privacy.sar.pdf.address"), p.postalAddress());
        row(rows, t.get("privacy.sar.pdf.messaging"), p.messagingHandle());
        row(rows, t.get("privacy.sar.pdf.location"), p.lastKnownLocation());
        row(rows, t.get("privacy.sar.pdf.notes"), p.notes());
        row(
                rows,
                t.get("privacy.sar.pdf.source"),
                t.get("privacy.sar.pdf.source-text", date(p.registeredAt(), locale)));
        row(rows, t.get("privacy.sar.pdf.updated"), date(p.updatedAt(), locale));
        return new Section(
                t.get("privacy.sar.pdf.person"),
                List.of(t.get("privacy.sar.pdf.field"), t.get("privacy.sar.pdf.value")),
                rows,
                t.get("privacy.sar.pdf.none"));
    }

    private static List<String> caseRow(CaseSubjectRecord c, Labels t, Locale locale) {
        var consent = new StringBuilder();
        if (c.tracingConsent() != null) {
            consent.append(t.get("consent.tracing." + c.tracingConsent().name()));
        }
        if (c.disclosureDecision() != null) {
            consent.append(consent.isEmpty() ? "" : "; ")
                    .append(t.get("consent.disclosure." + c.disclosureDecision().name()));
        }
        for (CaseSubjectRecord.ConsentEntry e : c.consentRecords()) {
            consent.append(consent.isEmpty() ? "" : "; ")
                    .append(Dates.date(e.decidedOn(), locale))
                    .append(": ")
                    .append(e.decision())
                    .append(" (")
                    .append(e.obtainedHow())
                    .append(")");
        }
        for (CaseSubjectRecord.PassedOn passed : c.passedOn()) {
            consent.append(consent.isEmpty() ? "" : "; ")
                    .append(t.get("disclosure.kind." + passed.kind().name()))
                    .append(" ")
                    .append(date(passed.at(), locale));
        }
        String dates = date(c.openedAt(), locale) + (c.closedAt() == null ? "" : " – " + date(c.closedAt(), locale));
        return List.of(
                c.reference(),
                t.get("party.role." + c.role().name()) + ", "
                        + t.get("party.relationship." + c.relationship().name()),
                t.get("case.status." + c.status().name()),
                dates,
                consent.toString());
    }

    private static void row(List<List<String>> rows, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(label, value));
        }
    }

    private static String join(@Nullable String... parts) {
        var out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.append(out.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return out.toString();
    }

    private static String date(Instant instant, Locale locale) {
        return Dates.date(instant, ZoneOffset.UTC, locale);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private record Labels(I18NProvider i18n, Locale locale) {
        String get(String key, Object... arguments) {
            return i18n.getTranslation(key, locale, arguments);
        }
    }
}
