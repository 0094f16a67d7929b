package org.kinlink.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.kinlink.people.ErasedNames;
import org.kinlink.people.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case side of an erasure and of retention (D7), called only by the privacy module inside its
 * transaction; administrators only (an approved erasure or the retention job).
 *
 * <ul>
 *   <li>Erasing a person removes their parties, the consent (and its records) about them as sought
 *       person, the disclosure register rows that name one of their parties, and takes their names out
 *       of the free text of their cases (title, summary, status reasons, how a consent was obtained).
 *       A case left without an enquirer or without a sought person is anonymised (its text goes, the
 *       skeleton stays; the other parties stay).
 *   <li>Anonymising a case (retention) replaces its title, removes its summary, status reasons,
 *       parties, consent and disclosure rows, and marks it anonymised; reference, team, status and
 *       dates stay so that reports still count it.
 * </ul>
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class CaseErasure {

    /** The title an anonymised case keeps. */
    public static final String ANONYMISED_TITLE = "Anonymised case";

    /** A party of a person: which case, with what role. */
    public record PartyLink(long partyId, long caseId, String reference, long teamId, PartyRole role) {}

    /** What erasing the persons removes in this module. */
    public record Footprint(List<PartyLink> parties, int consentRecords, int disclosures) {}

    /** A case in a final status, and when it entered that status. */
    public record Due(long caseId, String reference, CaseStatus status, Instant enteredAt) {}

    private final JdbcTemplate jdbc;

    CaseErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Footprint footprint(Collection<PersonId> persons) {
        List<PartyLink> parties = parties(persons);
        int records = 0;
        int disclosures = 0;
        for (PartyLink party : parties) {
            records += count(
                    "select count(*) from case_consent_record r join case_consent c on c.id = r.consent_id"
                            + " where c.sought_party_id = ?",
                    party.partyId());
            disclosures += count(
                    "select count(*) from case_disclosure where sought_party_id = ? or enquirer_party_id = ?",
                    party.partyId(),
                    party.partyId());
        }
        return new Footprint(parties, records, disclosures);
    }

    /** The persons' parties in every case, anonymised ones included. */
    @Transactional(readOnly = true)
    public List<PartyLink> parties(Collection<PersonId> persons) {
        var links = new ArrayList<PartyLink>();
        for (PersonId person : persons) {
            links.addAll(jdbc.query(
                    "select p.id, p.case_id, c.reference, c.team_id, p.party_role from case_party p"
                            + " join case_file c on c.id = p.case_id where p.person_id = ? order by p.id",
                    (rs, n) -> new PartyLink(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getLong(4),
                            PartyRole.valueOf(rs.getString(5))),
                    person.value()));
        }
        return links;
    }

    /**
     * Removes the persons from every case (see the class comment) and answers the references of the
     * cases anonymised because they lost their only enquirer or sought person.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> erase(Collection<PersonId> persons, ErasedNames names, Instant now) {
        List<PartyLink> parties = parties(persons);
        var cases = new LinkedHashSet<Long>();
        for (PartyLink party : parties) {
            removeParty(party.partyId());
            cases.add(party.caseId());
        }
        var anonymised = new ArrayList<String>();
        for (long caseId : cases) {
            scrubCase(caseId, names);
            boolean anonymous = jdbc.queryForObject(
                            "select anonymised_at is not null from case_file where id = ?", Boolean.class, caseId)
                    == Boolean.TRUE;
            boolean lostCore = !hasParty(caseId, PartyRole.ENQUIRER) || !hasParty(caseId, PartyRole.SOUGHT);
            if (lostCore && !anonymous) {
                anonymiseText(caseId, now);
                anonymised.add(reference(caseId));
            }
        }
        return anonymised;
    }

    /** Cases in the status that entered it before the cut-off and are not anonymised yet, oldest first. */
    @Transactional(readOnly = true)
    public List<Due> dueForRetention(CaseStatus status, Instant enteredBefore) {
        return jdbc
                .query(
                        "select c.id, c.reference, c.status, coalesce((select max(s.changed_at) from case_status_change s"
                                + " where s.case_id = c.id and s.to_status = c.status), c.closed_at, c.updated_at)"
                                + " as entered from case_file c where c.status = ? and c.anonymised_at is null"
                                + " order by entered, c.id",
                        (rs, n) -> new Due(
                                rs.getLong(1),
                                rs.getString(2),
                                CaseStatus.valueOf(rs.getString(3)),
                                rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                        status.name())
                .stream()
                .filter(due -> due.enteredAt().isBefore(enteredBefore))
                .toList();
    }

    /** The persons who are parties of the case. */
    @Transactional(readOnly = true)
    public List<PersonId> persons(long caseId) {
        return jdbc
                .queryForList(
                        "select distinct person_id from case_party where case_id = ? order by person_id",
                        Long.class,
                        caseId)
                .stream()
                .map(PersonId::new)
                .toList();
    }

    /** Whether the person is party to a case other than these that is not anonymised. */
    @Transactional(readOnly = true)
    public boolean inOtherLiveCase(PersonId person, Set<Long> exceptCases) {
        return jdbc
                .queryForList(
                        "select p.case_id from case_party p join case_file c on c.id = p.case_id"
                                + " where p.person_id = ? and c.anonymised_at is null",
                        Long.class,
                        person.value())
                .stream()
                .anyMatch(caseId -> !exceptCases.contains(caseId));
    }

    /** Anonymises the case for retention: text, parties, consent and disclosures go; the skeleton stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymise(long caseId, Instant now) {
        for (Long party : jdbc.queryForList("select id from case_party where case_id = ?", Long.class, caseId)) {
            removeParty(party);
        }
        anonymiseText(caseId, now);
    }

    private void removeParty(long partyId) {
        jdbc.update(
                "delete from case_consent_record where consent_id in"
                        + " (select id from case_consent where sought_party_id = ?)",
                partyId);
        jdbc.update("delete from case_consent where sought_party_id = ?", partyId);
        jdbc.update("delete from case_disclosure where sought_party_id = ? or enquirer_party_id = ?", partyId, partyId);
        jdbc.update("delete from case_party where id = ?", partyId);
    }

    private void scrubCase(long caseId, ErasedNames names) {
        jdbc.query(
                "select title, summary from case_file where id = ?",
                rs -> {
                    if (names.occursIn(rs.getString(1)) || names.occursIn(rs.getString(2))) {
                        jdbc.update(
                                "update case_file set title = ?, summary = ? where id = ?",
                                names.scrub(rs.getString(1)),
                                names.scrub(rs.getString(2)),
                                caseId);
                    }
                },
                caseId);
        jdbc.query(
                "select id, reason from case_status_change where case_id = ?",
                rs -> {
                    if (names.occursIn(rs.getString(2))) {
                        jdbc.update(
                                "update case_status_change set reason = ? where id = ?",
                                names.scrub(rs.getString(2)),
                                rs.getLong(1));
                    }
                },
                caseId);
        jdbc.query(
                "select r.id, r.obtained_how from case_consent_record r join case_consent c on c.id = r.consent_id"
                        + " where c.case_id = ?",
                rs -> {
                    if (names.occursIn(rs.getString(2))) {
                        jdbc.update(
                                "update case_consent_record set obtained_how = ? where id = ?",
                                names.scrub(rs.getString(2)),
                                rs.getLong(1));
                    }
                },
                caseId);
        jdbc.query(
                "select id, note from case_disclosure where case_id = ?",
                rs -> {
                    if (names.occursIn(rs.getString(2))) {
                        jdbc.update(
                                "update case_disclosure set note = ? where id = ?",
                                names.scrub(rs.getString(2)),
                                rs.getLong(1));
                    }
                },
                caseId);
    }

    private void anonymiseText(long caseId, Instant now) {
        jdbc.update(
                "update case_file set title = ?, summary = null, anonymised_at = ?, version = version + 1 where id = ?",
                ANONYMISED_TITLE,
                LocalDateTime.ofInstant(now, ZoneOffset.UTC),
                caseId);
        jdbc.update("update case_status_change set reason = '-' where case_id = ?", caseId);
        jdbc.update(
                "update case_consent_record set obtained_how = '-' where consent_id in"
                        + " (select id from case_consent where case_id = ?)",
                caseId);
        jdbc.update("update case_disclosure set note = null where case_id = ?", caseId);
    }

    private boolean hasParty(long caseId, PartyRole role) {
        return count("select count(*) from case_party where case_id = ? and party_role = ?", caseId, role.name()) > 0;
    }

    private String reference(long caseId) {
        return jdbc.queryForObject("select reference from case_file where id = ?", String.class, caseId);
    }

    private int count(String sql, @Nullable Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
