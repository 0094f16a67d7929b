package org.kinlink.correspondence;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.CaseAction;
import org.kinlink.access.CurrentUser;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseRef;
import org.kinlink.cases.CaseService;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.kinlink.files.FileStore;
import org.kinlink.files.StoredFile;
import org.kinlink.files.StoredFileId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The correspondence log of a case, for its team's caseworkers (the case's own access rules apply).
 * Logging and correcting are audited in the same transaction; a sensitive entry's summary is shown
 * only after a reveal with a reason, which is audited too.
 */
@Service
@PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
public class CorrespondenceLog {

    private static final int MAX_SUMMARY = 20_000;

    private static final int MAX_ATTACHMENTS = 20;

    private final CorrespondenceEntryRepository entries;
    private final CorrespondenceAttachmentRepository attachments;
    private final FileStore files;
    private final CaseService cases;
    private final FieldCipher cipher;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    CorrespondenceLog(
            CorrespondenceEntryRepository entries,
            CorrespondenceAttachmentRepository attachments,
            FileStore files,
            CaseService cases,
            FieldCipher cipher,
            CurrentUser currentUser,
            AuditTrail audit,
            Clock clock) {
        this.entries = entries;
        this.attachments = attachments;
        this.files = files;
        this.cases = cases;
        this.cipher = cipher;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public EntryView log(String reference, EntryForm form) {
        return log(reference, form, List.of());
    }

    /**
     * Logs an entry with files the caller has just uploaded (their own uploads, attached to nothing
     * yet), in one transaction: the entry and its attachments are saved together or not at all.
     */
    @Transactional
    public EntryView log(String reference, EntryForm form, List<StoredFileId> attachedFiles) {
        CaseRef ref = cases.access(reference, CaseAction.EDIT_CASE);
        var entry = new CorrespondenceEntry(
                UUID.randomUUID().toString(), 1, ref.id().value());
        fill(entry, form);
        entries.saveAndFlush(entry);
        audit.record(AuditEntry.success("CORRESPONDENCE_LOGGED", "CASE", reference)
                .because(form.channel() + " " + form.direction() + ", entry " + entry.entryKey));
        attach(ref, reference, entry.entryKey, attachedFiles);
        return view(entry, !entry.sensitive);
    }

    private void attach(CaseRef ref, String reference, String entryKey, List<StoredFileId> attachedFiles) {
        var distinct = new LinkedHashSet<>(attachedFiles);
        if (distinct.size() > MAX_ATTACHMENTS) {
            throw new InvalidInput("file", "correspondence.too-many-attachments", MAX_ATTACHMENTS);
        }
        var user = currentUser.require();
        for (StoredFileId id : distinct) {
            StoredFile file;
            try {
                // only a file the caller uploaded: an id typed in cannot pull in someone else's file
                file = files.describeOwnUpload(id);
            } catch (org.kinlink.RecordNotFound notOwn) {
                throw new InvalidInput("file", "correspondence.attachment-gone");
            }
            var attachment = new CorrespondenceAttachment(
                    ref.id().value(), entryKey, file.id().value());
            attachment.addedBy = user.id();
            attachment.addedByName = user.displayName();
            attachment.addedAt = clock.instant();
            try {
                attachments.saveAndFlush(attachment);
            } catch (DataIntegrityViolationException alreadyAttached) {
                throw new InvalidInput("file", "correspondence.attachment-gone");
            }
            audit.record(AuditEntry.success("ATTACHMENT_ADDED", "CASE", reference)
                    .because("entry " + entryKey + ", file " + file.id().value() + ", " + file.mediaType() + ", "
                            + file.size() + " bytes"));
        }
    }

    /** The attachments of every entry of the case, by entry key, oldest first (case read access). */
    @Transactional(readOnly = true)
    public Map<String, List<StoredFile>> attachments(String reference) {
        CaseRef ref = cases.access(reference, CaseAction.READ_CASE);
        var byEntry = new LinkedHashMap<String, List<StoredFile>>();
        for (CorrespondenceAttachment a :
                attachments.findByCaseIdOrderByAddedAtAscIdAsc(ref.id().value())) {
            byEntry.computeIfAbsent(a.entryKey, k -> new java.util.ArrayList<>())
                    .add(files.describe(new StoredFileId(a.storedFileId)));
        }
        byEntry.replaceAll((k, v) -> List.copyOf(v));
        return byEntry;
    }

    /**
     * The content of an attachment, with the same access as reading the log; recorded as {@code
     * FILE_DOWNLOADED} on the case. An attachment of a sensitive entry, like its summary, needs a
     * reason, which is recorded as a reveal.
     */
    @Transactional
    public byte[] download(String reference, String entryKey, StoredFileId file, @Nullable String reason) {
        CaseRef ref = cases.access(reference, CaseAction.READ_CASE);
        attachments
                .findByCaseIdAndEntryKeyAndStoredFileId(ref.id().value(), entryKey, file.value())
                .orElseThrow(() -> new org.kinlink.RecordNotFound("Attachment"));
        boolean sensitive = entries.findByEntryKeyOrderByRevisionDesc(entryKey).stream()
                .findFirst()
                .map(e -> e.sensitive)
                .orElse(true);
        if (sensitive) {
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty()) {
                throw new InvalidInput("reason", "common.reason-required");
            }
            if (why.length() > 400) {
                throw new InvalidInput("reason", "common.too-long", 400);
            }
            audit.record(AuditEntry.success("REVEAL_CORRESPONDENCE", "CASE", reference)
                    .because("attachment " + file.value() + " of entry " + entryKey + ": " + why));
        }
        return files.read(file, "CASE", reference);
    }

    /**
     * Corrects an entry by adding a revision; {@code basedOnRevision} is the revision the user saw,
     * so that a correction made meanwhile by someone else is not overwritten.
     */
    @Transactional
    public EntryView correct(String reference, String entryKey, int basedOnRevision, EntryForm form, String reason) {
        return correct(reference, entryKey, basedOnRevision, form, reason, List.of());
    }

    /** Corrects an entry and attaches files the caller has just uploaded, in one transaction. */
    @Transactional
    public EntryView correct(
            String reference,
            String entryKey,
            int basedOnRevision,
            EntryForm form,
            String reason,
            List<StoredFileId> attachedFiles) {
        CaseRef ref = cases.access(reference, CaseAction.EDIT_CASE);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "common.reason-required");
        }
        if (why.length() > 500) {
            throw new InvalidInput("reason", "common.too-long", 500);
        }
        List<CorrespondenceEntry> revisions = entries.findByEntryKeyOrderByRevisionDesc(entryKey);
        if (revisions.isEmpty() || revisions.get(0).caseId != ref.id().value()) {
            throw new InvalidInput("entry", "correspondence.not-found");
        }
        if (revisions.get(0).revision != basedOnRevision) {
            throw new ConcurrentChange("Correspondence entry");
        }
        var entry =
                new CorrespondenceEntry(entryKey, basedOnRevision + 1, ref.id().value());
        fill(entry, form);
        entry.correctionReason = why;
        try {
            entries.saveAndFlush(entry);
        } catch (DataIntegrityViolationException sameRevision) {
            // another correction of the same revision committed first (unique entry_key + revision)
            throw new ConcurrentChange("Correspondence entry");
        }
        audit.record(AuditEntry.success("CORRESPONDENCE_CORRECTED", "CASE", reference)
                .because("entry " + entryKey + " revision " + entry.revision + ": " + why));
        attach(ref, reference, entryKey, attachedFiles);
        return view(entry, !entry.sensitive);
    }

    /** The case's timeline: the latest revision of each entry, newest first; sensitive summaries masked. */
    @Transactional(readOnly = true)
    public List<EntryView> timeline(String reference, TimelineFilter filter) {
        CaseRef ref = cases.access(reference, CaseAction.READ_CASE);
        return entries.latestOfCase(ref.id().value()).stream()
                .filter(e -> filter.channels().isEmpty() || filter.channels().contains(e.channel))
                .filter(e ->
                        filter.directions().isEmpty() || filter.directions().contains(e.direction))
                .map(e -> view(e, !e.sensitive))
                .toList();
    }

    /** Every revision of an entry, newest first, for its history. */
    @Transactional(readOnly = true)
    public List<EntryView> revisions(String reference, String entryKey) {
        CaseRef ref = cases.access(reference, CaseAction.READ_CASE);
        return entries.findByEntryKeyOrderByRevisionDesc(entryKey).stream()
                .filter(e -> e.caseId == ref.id().value())
                .map(e -> view(e, !e.sensitive))
                .toList();
    }

    /** Shows the summary of a sensitive entry, for a stated reason; recorded. */
    @Transactional
    public EntryView reveal(String reference, String entryKey, int revision, String reason) {
        CaseRef ref = cases.access(reference, CaseAction.READ_CASE);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "common.reason-required");
        }
        CorrespondenceEntry entry = entries.findByEntryKeyOrderByRevisionDesc(entryKey).stream()
                .filter(e -> e.caseId == ref.id().value() && e.revision == revision)
                .findFirst()
                .orElseThrow(() -> new InvalidInput("entry", "correspondence.not-found"));
        audit.record(AuditEntry.success("REVEAL_CORRESPONDENCE", "CASE", reference)
                .because("entry " + entryKey + " revision " + revision + ": " + why));
        return view(entry, true);
    }

    private void fill(CorrespondenceEntry entry, EntryForm form) {
        String subject = form.subject() == null ? "" : form.subject().strip();
        if (subject.isEmpty()) {
            throw new InvalidInput("subject", "correspondence.subject-required");
        }
        if (subject.length() > 200) {
            throw new InvalidInput("subject", "common.too-long", 200);
        }
        if (form.occurredAt().isAfter(clock.instant().plusSeconds(300))) {
            throw new InvalidInput("occurredAt", "correspondence.in-future");
        }
        String counterpart = blank(form.counterpartText());
        if (counterpart != null && counterpart.length() > 200) {
            throw new InvalidInput("counterpartText", "common.too-long", 200);
        }
        String summary = blank(form.summary());
        if (summary != null && summary.length() > MAX_SUMMARY) {
            throw new InvalidInput("summary", "common.too-long", MAX_SUMMARY);
        }
        var user = currentUser.require();
        entry.occurredAt = form.occurredAt();
        entry.channel = form.channel();
        entry.direction = form.direction();
        entry.counterpartPartyId = form.counterpartPartyId();
        entry.counterpartText = counterpart;
        entry.subject = subject;
        entry.summaryEnc = cipher.encrypt(summary, binding(entry));
        entry.sensitive = form.sensitive();
        entry.recordedBy = user.id();
        entry.recordedByName = user.displayName();
        entry.recordedAt = clock.instant();
    }

    private EntryView view(CorrespondenceEntry e, boolean showSummary) {
        return new EntryView(
                e.entryKey,
                e.revision,
                e.occurredAt,
                e.channel,
                e.direction,
                e.counterpartPartyId,
                e.counterpartText,
                e.subject,
                showSummary ? cipher.decrypt(e.summaryEnc, binding(e)) : null,
                !showSummary && e.summaryEnc != null,
                e.sensitive,
                e.correctionReason,
                e.recordedByName,
                e.recordedAt);
    }

    private static FieldBinding binding(CorrespondenceEntry e) {
        return new FieldBinding("correspondence_entry", "summary_enc", e.rowKey);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
