package org.kinlink.people;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person registry's part of a subject access export (D7): the person's own record with every
 * value in clear. Only for a caseworker who may reveal the person's data ({@link
 * PersonSubjectAccess}), after a step-up (S4); recorded as {@code SUBJECT_DATA_READ}.
 */
@Service
public class PersonSubjectData {

    /** The step-up operation name of a subject access export, shared by every module's part. */
    public static final String STEP_UP = "subject-access-export";

    private final PersonSubjectAccess access;
    private final FieldCipher cipher;
    private final StepUpCheck stepUp;
    private final AuditTrail audit;

    PersonSubjectData(PersonSubjectAccess access, FieldCipher cipher, StepUpCheck stepUp, AuditTrail audit) {
        this.access = access;
        this.cipher = cipher;
        this.stepUp = stepUp;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public PersonSubjectRecord read(PersonId id) {
        Person p = access.check(id);
        if (p.merged()) {
            throw new InvalidInput("person", "person.was-merged", p.mergedIntoId);
        }
        stepUp.require(STEP_UP);
        audit.record(AuditEntry.success("SUBJECT_DATA_READ", "PERSON", id).because("person record"));
        return new PersonSubjectRecord(
                id,
                p.teamId(),
                p.createdAt(),
                p.updatedAt,
                p.names(),
                p.otherNames.stream().map(PersonNameVariant::toRecord).toList(),
                p.sex,
                decrypt(p, "birth_date_enc", p.birthDateEnc),
                p.placeOfBirth,
                p.nationality,
                decrypt(p, "last_known_location_enc", p.lastKnownLocationEnc),
                decrypt(p, "phone_enc", p.phoneEnc),
                decrypt(p, "email_enc", p.emailEnc),
                decrypt(p, "postal_address_enc", p.postalAddressEnc),
                decrypt(p, "messaging_handle_enc", p.messagingHandleEnc),
                p.documents.stream()
                        .map(d -> new PersonSubjectRecord.Document(
                                d.type,
                                String.valueOf(cipher.decrypt(
                                        d.numberEnc, new FieldBinding("person_document", "number_enc", d.rowKey()))),
                                d.issuingCountry))
                        .toList(),
                decrypt(p, "notes_enc", p.notesEnc),
                mergedRecords(p));
    }

    private List<PersonId> mergedRecords(Person p) {
        return access.mergedInto(p.id()).stream().map(PersonId::new).toList();
    }

    private @Nullable String decrypt(Person p, String column, @Nullable String stored) {
        return cipher.decrypt(stored, new FieldBinding(PersonService.TABLE, column, p.rowKey()));
    }
}
