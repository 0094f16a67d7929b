package org.kinlink.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.kinlink.audit.GeneratedAuditChain;
import org.kinlink.crypto.BlindIndex;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.kinlink.crypto.KeyRing;
import org.kinlink.people.matching.MatchKey;
import org.kinlink.people.matching.NameKeys;
import org.kinlink.people.matching.PersonNames;

/**
 * Fills the database with fictional persons, cases, correspondence and their audit events, in JDBC
 * batches, writing exactly the rows the services write: values encrypted with the real {@link
 * FieldCipher} bound to (table, column, row key), phone blind indexes from the real {@link
 * BlindIndex}, name keys from the real {@link NameKeys}, and audit events linked into the real hash
 * chain. Run it with the application stopped (it is the only writer of the audit chain while it
 * runs). Deterministic for a seed, so a benchmark can rebuild its labelled set.
 */
final class DataGenerator {

    /** A team the generated records belong to, and the caseworker who "recorded" them. */
    record Team(long id, long caseworkerId, String caseworkerName) {}

    record Scale(int persons, int cases, int entries) {
        static Scale of(int persons) {
            return new Scale(persons, persons * 3 / 10, persons * 2);
        }
    }

    record Counts(long persons, long cases, long entries, long auditEvents, double seconds) {}

    static final int BATCH = 2000;
    static final String ACTOR_ROLES = "CASEWORKER";

    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final KeyRing keys;
    private final Consumer<String> progress;

    DataGenerator(
            DataSource dataSource, FieldCipher cipher, BlindIndex blindIndex, KeyRing keys, Consumer<String> progress) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.keys = keys;
        this.progress = progress;
    }

    /** One generated person's names as stored (index {@code i} of a run with this seed). */
    record GeneratedPerson(
            PersianNames.Name given,
            PersianNames.Name family,
            PersianNames.Name father,
            String givenLatin,
            String familyLatin,
            String fatherLatin,
            boolean female,
            LocalDate birthDate,
            String spelling) {}

    static GeneratedPerson person(long seed, long i) {
        var random = new Random(seed * 1_000_003L + i);
        boolean female = random.nextBoolean();
        var givenPool = female ? PersianNames.FEMALE : PersianNames.MALE;
        var given = givenPool.get(random.nextInt(givenPool.size()));
        var family = PersianNames.FAMILY.get(random.nextInt(PersianNames.FAMILY.size()));
        var father = PersianNames.MALE.get(random.nextInt(PersianNames.MALE.size()));
        String givenLatin = given.latin().get(random.nextInt(given.latin().size()));
        String familyLatin = family.latin().get(random.nextInt(family.latin().size()));
        String fatherLatin = father.latin().get(random.nextInt(father.latin().size()));
        var birth = LocalDate.of(1940 + random.nextInt(76), 1 + random.nextInt(12), 1 + random.nextInt(28));
        // a third of the persons have another recorded spelling of their family name
        String spelling = random.nextInt(3) == 0
                ? family.latin().get(random.nextInt(family.latin().size())) + ""
                : "";
        if (spelling.equals(familyLatin)) {
            spelling = "";
        }
        return new GeneratedPerson(
                given, family, father, givenLatin, familyLatin, fatherLatin, female, birth, spelling);
    }

    Counts generate(Scale scale, List<Team> teams, long seed) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var audit = new GeneratedAuditChain(keys, connection)) {
                long firstPerson = nextId(connection, "person");
                persons(connection, audit, scale.persons(), teams, seed, firstPerson);
                long firstCase = nextId(connection, "case_file");
                cases(connection, audit, scale, teams, seed, firstPerson, firstCase);
                entries(connection, audit, scale, teams, seed, firstCase);
            }
        }
        long audited = (long) scale.persons() + 3L * scale.cases() + scale.entries();
        return new Counts(scale.persons(), scale.cases(), scale.entries(), audited, (System.nanoTime() - start) / 1e9);
    }

    private void persons(
            Connection connection, GeneratedAuditChain audit, int count, List<Team> teams, long seed, long firstId)
            throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Timestamp created = timestamp(now);
        try (var person = connection.prepareStatement("""
                        INSERT INTO person (id, row_key, team_id, given_latin, family_latin, father_latin,
                          given_native, family_native, father_native, sex, birth_date_enc, place_of_birth, nationality,
                          last_known_location_enc, phone_enc, phone_index, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
                var variant = connection.prepareStatement(
                        "INSERT INTO person_name_variant (person_id, kind, text) VALUES (?, 'SPELLING', ?)");
                var key = connection.prepareStatement(
                        "INSERT IGNORE INTO person_match_key (person_id, kind, key_value) VALUES (?, ?, ?)")) {
            var meter = new RowMeter("persons", count, progress);
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                Team team = teams.get(i % teams.size());
                GeneratedPerson p = person(seed, i);
                var random = new Random(seed * 31 + i);
                String rowKey = UUID.randomUUID().toString();
                person.setLong(1, id);
                person.setString(2, rowKey);
                person.setLong(3, team.id());
                person.setString(4, p.givenLatin());
                person.setString(5, p.familyLatin());
                person.setString(6, p.fatherLatin());
                person.setString(7, p.given().nativeScript());
                person.setString(8, p.family().nativeScript());
                person.setString(9, p.father().nativeScript());
                person.setString(10, p.female() ? "FEMALE" : "MALE");
                person.setString(11, cipher.encrypt(p.birthDate().toString(), binding(rowKey, "birth_date_enc")));
                person.setString(12, CITIES.get(random.nextInt(CITIES.size())));
                person.setString(13, random.nextInt(5) == 0 ? "Afghan" : "Iranian");
                person.setString(
                        14,
                        cipher.encrypt(
                                "Reception centre " + (1 + random.nextInt(40)) + ", "
                                        + CITIES.get(random.nextInt(CITIES.size())),
                                binding(rowKey, "last_known_location_enc")));
                if (random.nextBoolean()) {
                    // fictional numbers from the range reserved for drama and examples
                    String phone = "+44 7700 900" + String.format("%03d", random.nextInt(1000));
                    person.setString(15, cipher.encrypt(phone, binding(rowKey, "phone_enc")));
                    person.setString(16, blindIndex.of("person.phone", phone.replaceAll("[^0-9+]", "")));
                } else {
                    person.setNull(15, Types.VARCHAR);
                    person.setNull(16, Types.VARCHAR);
                }
                person.setTimestamp(17, created);
                person.setTimestamp(18, created);
                person.addBatch();
                List<String> others = p.spelling().isEmpty() ? List.of() : List.of(p.spelling());
                for (String other : others) {
                    variant.setLong(1, id);
                    variant.setString(2, other);
                    variant.addBatch();
                }
                for (MatchKey k : matchKeys(p, others)) {
                    key.setLong(1, id);
                    key.setString(2, k.kind());
                    key.setString(
                            3, k.value().length() <= 120 ? k.value() : k.value().substring(0, 120));
                    key.addBatch();
                }
                audit.append(
                        now,
                        team.caseworkerId(),
                        team.caseworkerName(),
                        ACTOR_ROLES,
                        "PERSON_CREATED",
                        "PERSON",
                        Long.toString(id),
                        null);
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    person.executeBatch();
                    variant.executeBatch();
                    key.executeBatch();
                    audit.flush();
                    connection.commit();
                    meter.done(i + 1);
                }
            }
        }
    }

    /** The keys {@code NameIndex.index} stores for the person. */
    static Set<MatchKey> matchKeys(GeneratedPerson p, List<String> otherSpellings) {
        return NameKeys.keysFor(new PersonNames(
                p.givenLatin(),
                p.familyLatin(),
                p.fatherLatin(),
                p.given().nativeScript(),
                p.family().nativeScript(),
                p.father().nativeScript(),
                otherSpellings,
                p.birthDate().getYear()));
    }

    private void cases(
            Connection connection,
            GeneratedAuditChain audit,
            Scale scale,
            List<Team> teams,
            long seed,
            long firstPerson,
            long firstCase)
            throws SQLException {
        int count = scale.cases();
        int years = 7;
        int perYear = (count + years - 1) / years;
        int lastYear = java.time.Year.now().getValue();
        long[] base = new long[years];
        for (int y = 0; y < years; y++) {
            base[y] = reserveReferences(connection, lastYear - y, perYear);
        }
        var statuses = org.kinlink.cases.CaseStatus.values();
        var priorities = org.kinlink.cases.Priority.values();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (var file = connection.prepareStatement("""
                        INSERT INTO case_file (id, reference, title, summary, priority, status, team_id, assignee_id,
                          opened_at, closed_at, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
                var history = connection.prepareStatement("""
                        INSERT INTO case_status_change (case_id, from_status, to_status, reason, changed_by,
                          changed_by_name, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)""");
                var party = connection.prepareStatement("""
                        INSERT INTO case_party (case_id, person_id, party_role, relationship, added_at, version)
                        VALUES (?, ?, ?, ?, ?, 0)""")) {
            var meter = new RowMeter("cases", count, progress);
            int personsPerTeam = Math.max(1, scale.persons() / teams.size());
            for (int i = 0; i < count; i++) {
                long id = firstCase + i;
                var random = new Random(seed * 17 + i);
                int teamIndex = i % teams.size();
                Team team = teams.get(teamIndex);
                int y = i % years;
                String reference = String.format("KL-%04d-%06d", lastYear - y, base[y] + i / years + 1);
                Instant opened = now.minus(random.nextInt(365 * (y + 1)), ChronoUnit.DAYS)
                        .minus(random.nextInt(86_400), ChronoUnit.SECONDS);
                Instant updated = opened.plus(random.nextInt(30), ChronoUnit.DAYS);
                if (updated.isAfter(now)) {
                    updated = now;
                }
                long sought = firstPerson + (long) random.nextInt(personsPerTeam) * teams.size() + teamIndex;
                long enquirer = firstPerson + (long) random.nextInt(personsPerTeam) * teams.size() + teamIndex;
                GeneratedPerson soughtPerson = person(seed, sought - firstPerson);
                var status = statuses[random.nextInt(statuses.length)];
                if (status == org.kinlink.cases.CaseStatus.ON_HOLD) {
                    status = org.kinlink.cases.CaseStatus.TRACING; // on hold needs the status to return to
                }
                file.setLong(1, id);
                file.setString(2, reference);
                file.setString(3, "Tracing " + soughtPerson.givenLatin() + " " + soughtPerson.familyLatin());
                file.setString(4, "Separated during travel; last contact by phone.");
                file.setString(5, priorities[random.nextInt(priorities.length)].name());
                file.setString(6, status.name());
                file.setLong(7, team.id());
                if (random.nextInt(4) == 0) {
                    file.setNull(8, Types.BIGINT);
                } else {
                    file.setLong(8, team.caseworkerId());
                }
                file.setTimestamp(9, timestamp(opened));
                file.setTimestamp(10, status.isOpen() ? null : timestamp(updated));
                file.setTimestamp(11, timestamp(updated));
                file.addBatch();
                history.setLong(1, id);
                history.setNull(2, Types.VARCHAR);
                history.setString(3, "NEW");
                history.setString(4, "opened");
                history.setLong(5, team.caseworkerId());
                history.setString(6, team.caseworkerName());
                history.setTimestamp(7, timestamp(opened));
                history.addBatch();
                if (status != org.kinlink.cases.CaseStatus.NEW) {
                    history.setLong(1, id);
                    history.setString(2, "NEW");
                    history.setString(3, status.name());
                    history.setString(4, "generated");
                    history.setLong(5, team.caseworkerId());
                    history.setString(6, team.caseworkerName());
                    history.setTimestamp(7, timestamp(updated));
                    history.addBatch();
                }
                party.setLong(1, id);
                party.setLong(2, enquirer);
                party.setString(3, "ENQUIRER");
                party.setString(4, "SELF");
                party.setTimestamp(5, timestamp(opened));
                party.addBatch();
                if (sought != enquirer) {
                    party.setLong(1, id);
                    party.setLong(2, sought);
                    party.setString(3, "SOUGHT");
                    party.setString(4, RELATIONSHIPS.get(random.nextInt(RELATIONSHIPS.size())));
                    party.setTimestamp(5, timestamp(opened));
                    party.addBatch();
                }
                audit.append(
                        now,
                        team.caseworkerId(),
                        team.caseworkerName(),
                        ACTOR_ROLES,
                        "CASE_CREATED",
                        "CASE",
                        reference,
                        null);
                audit.append(
                        now,
                        team.caseworkerId(),
                        team.caseworkerName(),
                        ACTOR_ROLES,
                        "PARTY_ADDED",
                        "CASE",
                        reference,
                        "ENQUIRER");
                audit.append(
                        now,
                        team.caseworkerId(),
                        team.caseworkerName(),
                        ACTOR_ROLES,
                        "PARTY_ADDED",
                        "CASE",
                        reference,
                        "SOUGHT");
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    file.executeBatch();
                    history.executeBatch();
                    party.executeBatch();
                    audit.flush();
                    connection.commit();
                    meter.done(i + 1);
                }
            }
        }
    }

    private void entries(
            Connection connection, GeneratedAuditChain audit, Scale scale, List<Team> teams, long seed, long firstCase)
            throws SQLException {
        int count = scale.entries();
        var channels = org.kinlink.correspondence.Channel.values();
        var directions = org.kinlink.correspondence.Direction.values();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> references = new ArrayList<>(scale.cases());
        try (var select =
                connection.prepareStatement("SELECT reference FROM case_file WHERE id >= ? AND id < ? ORDER BY id")) {
            select.setLong(1, firstCase);
            select.setLong(2, firstCase + scale.cases());
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    references.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement entry = connection.prepareStatement("""
                INSERT INTO correspondence_entry (entry_key, revision, row_key, case_id, occurred_at, channel,
                  direction, counterpart_text, subject, summary_enc, is_sensitive, recorded_by, recorded_by_name,
                  recorded_at)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            var meter = new RowMeter("correspondence entries", count, progress);
            for (int i = 0; i < count; i++) {
                var random = new Random(seed * 13 + i);
                int caseIndex = random.nextInt(scale.cases());
                long caseId = firstCase + caseIndex;
                Team team = teams.get(caseIndex % teams.size());
                String entryKey = UUID.randomUUID().toString();
                String rowKey = UUID.randomUUID().toString();
                var channel = channels[random.nextInt(channels.length)];
                var direction = directions[random.nextInt(directions.length)];
                entry.setString(1, entryKey);
                entry.setString(2, rowKey);
                entry.setLong(3, caseId);
                entry.setTimestamp(
                        4,
                        timestamp(now.minus(random.nextInt(2000), ChronoUnit.DAYS)
                                .minus(random.nextInt(86_400), ChronoUnit.SECONDS)));
                entry.setString(5, channel.name());
                entry.setString(6, direction.name());
                entry.setString(7, COUNTERPARTS.get(random.nextInt(COUNTERPARTS.size())));
                entry.setString(8, SUBJECTS.get(random.nextInt(SUBJECTS.size())));
                entry.setString(
                        9,
                        cipher.encrypt(
                                SUMMARIES.get(random.nextInt(SUMMARIES.size())),
                                new FieldBinding("correspondence_entry", "summary_enc", rowKey)));
                entry.setBoolean(10, random.nextInt(10) == 0);
                entry.setLong(11, team.caseworkerId());
                entry.setString(12, team.caseworkerName());
                entry.setTimestamp(13, timestamp(now));
                entry.addBatch();
                audit.append(
                        now,
                        team.caseworkerId(),
                        team.caseworkerName(),
                        ACTOR_ROLES,
                        "CORRESPONDENCE_LOGGED",
                        "CASE",
                        references.get(caseIndex),
                        channel + " " + direction + ", entry " + entryKey);
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    entry.executeBatch();
                    audit.flush();
                    connection.commit();
                    meter.done(i + 1);
                }
            }
        }
    }

    private static long reserveReferences(Connection connection, int year, int count) throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT IGNORE INTO case_reference_counter (ref_year, last_number) VALUES (?, 0)")) {
            insert.setInt(1, year);
            insert.executeUpdate();
        }
        long last;
        try (var select = connection.prepareStatement(
                "SELECT last_number FROM case_reference_counter WHERE ref_year = ? FOR UPDATE")) {
            select.setInt(1, year);
            try (var rs = select.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        try (var update =
                connection.prepareStatement("UPDATE case_reference_counter SET last_number = ? WHERE ref_year = ?")) {
            update.setLong(1, last + count);
            update.setInt(2, year);
            update.executeUpdate();
        }
        connection.commit();
        return last;
    }

    private static long nextId(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static FieldBinding binding(String rowKey, String column) {
        return new FieldBinding("person", column, rowKey);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static final List<String> CITIES = List.of(
            "Tehran",
            "Mashhad",
            "Isfahan",
            "Shiraz",
            "Tabriz",
            "Kabul",
            "Herat",
            "Mazar-i-Sharif",
            "Kerman",
            "Zahedan",
            "Istanbul",
            "Van",
            "Athens",
            "Lesbos",
            "Calais",
            "Vienna");
    static final List<String> RELATIONSHIPS =
            List.of("MOTHER", "FATHER", "SIBLING", "SPOUSE", "CHILD", "OTHER_RELATIVE");
    static final List<String> COUNTERPARTS =
            List.of("Enquirer", "Red Crescent tracing office", "Reception centre", "Sought person", "Embassy desk");
    static final List<String> SUBJECTS = List.of(
            "Initial enquiry",
            "Follow-up call",
            "Request for photographs",
            "Update on search",
            "Message passed on",
            "Address check",
            "Consent discussed");
    static final List<String> SUMMARIES = List.of(
            "Enquirer called; no news since the last update. Agreed to call again next week.",
            "Sent the tracing request with the photographs the family provided.",
            "Reception centre confirms a person of that name stayed there last winter.",
            "Explained how the search works and what information we share.",
            "Family asked whether a message can be passed on; checking consent first.");
}
