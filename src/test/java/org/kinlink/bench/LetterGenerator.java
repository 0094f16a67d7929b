package org.kinlink.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.kinlink.audit.GeneratedAuditChain;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.kinlink.crypto.KeyRing;
import org.kinlink.letters.DataCategory;
import org.kinlink.letters.InstitutionType;
import org.kinlink.letters.LegalBasis;
import org.kinlink.letters.LetterChannel;
import org.kinlink.letters.LetterStatus;
import org.kinlink.letters.WorkingDays;

/**
 * Adds letters to the cases already in the database, as the letters services write them: institutions
 * (fictional ones, plus the two real public bodies the demo data also uses, when missing), gap-free
 * references {@code KL-L-YYYY-NNNN} from {@code letter_reference_counter}, the cases each letter is
 * about, a disclosure register that keeps the D6 consent rule, the status history
 * DRAFT → APPROVED → SENT → (ACKNOWLEDGED →) ANSWERED → CLOSED (and some withdrawn), body and answer
 * encrypted bound to (letter, column, row key), due dates from the real {@link WorkingDays} and
 * follow-up periods, and the audit events of every step linked into the hash chain. Independent of
 * the person generator: it tops up a database that already holds persons and cases but no letters.
 * Letters are not rendered to PDF (no {@code pdf_file_id}): the PDF is rendered by the documents
 * module when a letter is sent through the application.
 */
final class LetterGenerator {

    /** The coordinator who approves, sends and records answers. */
    record Coordinator(long id, String name) {}

    record Counts(long institutions, long letters, long auditEvents, double seconds) {}

    static final String GENERATED_SUFFIX = " (generated)";
    private static final String COORDINATOR_ROLES = "COORDINATOR";
    private static final String LETTER = "LETTER";

    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final KeyRing keys;
    private final WorkingDays workingDays;
    private final ToIntFunction<InstitutionType> followUpDays;
    private final Consumer<String> progress;

    LetterGenerator(
            DataSource dataSource,
            FieldCipher cipher,
            KeyRing keys,
            WorkingDays workingDays,
            ToIntFunction<InstitutionType> followUpDays,
            Consumer<String> progress) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.keys = keys;
        this.workingDays = workingDays;
        this.followUpDays = followUpDays;
        this.progress = progress;
    }

    private record Inst(long id, InstitutionType type, String language) {}

    private record CaseRow(long id, String reference, long teamId) {}

    private record Party(long personId, String role) {}

    /** {@code count} letters about cases of the given teams, written by each team's caseworker. */
    Counts generate(int count, List<DataGenerator.Team> teams, Coordinator coordinator, long seed) throws SQLException {
        long start = System.nanoTime();
        long audited = 0;
        int institutionsAdded;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var audit = new GeneratedAuditChain(keys, connection)) {
                institutionsAdded = institutions(connection, audit, coordinator);
                audited += institutionsAdded;
                audited += letters(connection, audit, count, teams, coordinator, seed);
            }
        }
        return new Counts(institutionsAdded, count, audited, (System.nanoTime() - start) / 1e9);
    }

    // ---------------------------------------------------------------- institutions

    private int institutions(Connection connection, GeneratedAuditChain audit, Coordinator coordinator)
            throws SQLException {
        var existing = new java.util.HashSet<String>();
        try (var select = connection.prepareStatement("SELECT name FROM institution");
                var rs = select.executeQuery()) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        record New(String name, InstitutionType type, String country, String address, String email, String lang) {}
        var wanted = new ArrayList<New>();
        wanted.add(new New(
                "ICRC Central Tracing Agency",
                InstitutionType.RED_CROSS_RED_CRESCENT,
                "Switzerland",
                "International Committee of the Red Cross\n19 Avenue de la Paix\n1202 Geneva",
                null,
                "en"));
        wanted.add(new New(
                "UNHCR Headquarters",
                InstitutionType.UN_BODY,
                "Switzerland",
                "Office of the United Nations High Commissioner for Refugees\nRue de Montbrillant 94\n1202 Geneva",
                null,
                "en"));
        var types = InstitutionType.values();
        for (int i = 0; i < FICTIONAL_PLACES.size() * 3; i++) {
            String place = FICTIONAL_PLACES.get(i % FICTIONAL_PLACES.size());
            String kind = FICTIONAL_KINDS.get(i / FICTIONAL_PLACES.size());
            var type = types[(i * 7) % types.length];
            wanted.add(new New(
                    kind + " " + place + GENERATED_SUFFIX,
                    type,
                    place,
                    (10 + i) + " Example Street\n" + place,
                    "office" + i + "@institution.example",
                    i % 4 == 0 ? "fa" : "en"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int added = 0;
        try (var insert = connection.prepareStatement("""
                INSERT INTO institution (version, name, institution_type, country, address, email, contact_persons,
                  preferred_language, notes, updated_at) VALUES (0, ?, ?, ?, ?, ?, NULL, ?, NULL, ?)""", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (New n : wanted) {
                if (existing.contains(n.name())) {
                    continue;
                }
                insert.setString(1, n.name());
                insert.setString(2, n.type().name());
                insert.setString(3, n.country());
                insert.setString(4, n.address());
                insert.setString(5, n.email());
                insert.setString(6, n.lang());
                insert.setTimestamp(7, timestamp(now));
                insert.executeUpdate();
                long id;
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                audit.append(
                        now,
                        coordinator.id(),
                        coordinator.name(),
                        COORDINATOR_ROLES,
                        "INSTITUTION_CREATED",
                        "INSTITUTION",
                        Long.toString(id),
                        null);
                added++;
            }
            audit.flush();
            connection.commit();
        }
        return added;
    }

    private static List<Inst> loadInstitutions(Connection connection) throws SQLException {
        var all = new ArrayList<Inst>();
        try (var select = connection.prepareStatement(
                        "SELECT id, institution_type, preferred_language FROM institution ORDER BY id");
                var rs = select.executeQuery()) {
            while (rs.next()) {
                all.add(new Inst(
                        rs.getLong(1),
                        InstitutionType.valueOf(rs.getString(2)),
                        "fa".equals(rs.getString(3)) ? "fa" : "en"));
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- letters

    private long letters(
            Connection connection,
            GeneratedAuditChain audit,
            int count,
            List<DataGenerator.Team> teams,
            Coordinator coordinator,
            long seed)
            throws SQLException {
        List<Inst> institutions = loadInstitutions(connection);
        Map<Long, DataGenerator.Team> teamById =
                teams.stream().collect(Collectors.toMap(DataGenerator.Team::id, t -> t, (a, b) -> a));
        Map<Long, List<CaseRow>> casesByTeam = new HashMap<>();
        String teamList = teams.stream().map(t -> Long.toString(t.id())).collect(Collectors.joining(","));
        try (var select = connection.prepareStatement("SELECT id, reference, team_id FROM case_file WHERE team_id IN ("
                        + teamList + ") ORDER BY id");
                var rs = select.executeQuery()) {
            while (rs.next()) {
                var row = new CaseRow(rs.getLong(1), rs.getString(2), rs.getLong(3));
                casesByTeam
                        .computeIfAbsent(row.teamId(), t -> new ArrayList<>())
                        .add(row);
            }
        }
        List<Long> teamsWithCases = teams.stream()
                .map(DataGenerator.Team::id)
                .filter(casesByTeam::containsKey)
                .distinct()
                .toList();
        if (teamsWithCases.isEmpty() || count <= 0) {
            return 0;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = workingDays.today();

        // plan every letter first: its year decides its reference, and references are reserved per year
        record Plan(
                long seed,
                CaseRow first,
                int caseCount,
                Inst institution,
                LetterStatus status,
                LocalDate created,
                LocalDate sentOn,
                LocalDate ackOn,
                LocalDate answeredOn) {}
        var plans = new ArrayList<Plan>(count);
        var perYear = new TreeMap<Integer, Integer>();
        for (int i = 0; i < count; i++) {
            var random = new Random(seed * 41 + i);
            long teamId = teamsWithCases.get(i % teamsWithCases.size());
            List<CaseRow> pool = casesByTeam.get(teamId);
            CaseRow first = pool.get(random.nextInt(pool.size()));
            int caseCount = Math.min(pool.size(), 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(10) < 7 ? 1 : 2));
            Inst institution = institutions.get(random.nextInt(institutions.size()));
            LetterStatus status = status(random.nextInt(100));
            LocalDate sentOn = null;
            LocalDate ackOn = null;
            LocalDate answeredOn = null;
            LocalDate created;
            switch (status) {
                case DRAFT, WITHDRAWN -> created = today.minusDays(random.nextInt(30));
                case APPROVED -> created = today.minusDays(1 + random.nextInt(14));
                case SENT, ACKNOWLEDGED -> {
                    // recent, so some are still within their follow-up period and some are overdue
                    sentOn = today.minusDays(random.nextInt(70));
                    created = sentOn.minusDays(1 + random.nextInt(7));
                }
                default -> {
                    sentOn = today.minusDays(40 + random.nextInt(690));
                    created = sentOn.minusDays(1 + random.nextInt(7));
                }
            }
            if (status == LetterStatus.ACKNOWLEDGED
                    || (status.compareTo(LetterStatus.ANSWERED) >= 0
                            && status != LetterStatus.WITHDRAWN
                            && random.nextBoolean())) {
                ackOn = min(sentOn.plusDays(2 + random.nextInt(10)), today);
            }
            if (status == LetterStatus.ANSWERED || status == LetterStatus.CLOSED) {
                LocalDate after = ackOn != null ? ackOn : sentOn;
                answeredOn = min(after.plusDays(5 + random.nextInt(35)), today);
            }
            plans.add(
                    new Plan(seed * 41 + i, first, caseCount, institution, status, created, sentOn, ackOn, answeredOn));
            perYear.merge(created.getYear(), 1, Integer::sum);
        }
        Map<Integer, long[]> nextNumber = new HashMap<>();
        for (var year : perYear.entrySet()) {
            nextNumber.put(year.getKey(), new long[] {reserve(connection, year.getKey(), year.getValue())});
        }

        long firstId;
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM letter")) {
            rs.next();
            firstId = rs.getLong(1);
        }
        long audited = 0;
        try (var letter = connection.prepareStatement("""
                        INSERT INTO letter (id, version, reference, row_key, institution_id, their_reference, subject,
                          body_enc, language, channel, status, author_id, author_name, approved_by, approved_by_name,
                          sent_on, due_on, acknowledged_on, answered_on, answer_summary_enc, answer_file_id,
                          pdf_file_id, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)""");
                var link = connection.prepareStatement(
                        "INSERT INTO letter_case (letter_id, case_id, case_reference, team_id) VALUES (?, ?, ?, ?)");
                var history = connection.prepareStatement("""
                        INSERT INTO letter_status_change (letter_id, from_status, to_status, note, changed_by,
                          changed_by_name, changed_at) VALUES (?, ?, ?, NULL, ?, ?, ?)""");
                var disclosure = connection.prepareStatement("""
                        INSERT INTO letter_disclosure (letter_id, case_id, person_id, category, basis)
                        VALUES (?, ?, ?, ?, ?)""");
                var parties = connection.prepareStatement(
                        "SELECT person_id, party_role FROM case_party WHERE case_id = ? ORDER BY id")) {
            var meter = new RowMeter("letters", count, progress);
            var channels = LetterChannel.values();
            for (int i = 0; i < count; i++) {
                Plan plan = plans.get(i);
                var random = new Random(plan.seed() * 7 + 3);
                long id = firstId + i;
                DataGenerator.Team team = teamById.get(plan.first().teamId());
                String reference = String.format(
                        "KL-L-%04d-%04d",
                        plan.created().getYear(),
                        ++nextNumber.get(plan.created().getYear())[0]);
                String rowKey = UUID.randomUUID().toString();
                // the cases: the first one and neighbours of the same team
                List<CaseRow> pool = casesByTeam.get(plan.first().teamId());
                var cases = new ArrayList<CaseRow>();
                cases.add(plan.first());
                while (cases.size() < plan.caseCount()) {
                    CaseRow other = pool.get(random.nextInt(pool.size()));
                    if (cases.stream().noneMatch(c -> c.id() == other.id())) {
                        cases.add(other);
                    }
                }
                var status = plan.status();
                Instant created = at(plan.created(), random);
                Instant approved = created.plus(1 + random.nextInt(20), ChronoUnit.HOURS);
                boolean isApproved = status != LetterStatus.DRAFT && status != LetterStatus.WITHDRAWN;
                var steps = new ArrayList<Object[]>(); // from, to, actor is coordinator, at, audit reason
                steps.add(new Object[] {
                    null,
                    LetterStatus.DRAFT,
                    false,
                    created,
                    "to institution " + plan.institution().id() + " about " + cases.size() + " case(s)"
                });
                LocalDate due = null;
                if (isApproved) {
                    steps.add(new Object[] {LetterStatus.DRAFT, LetterStatus.APPROVED, true, approved, "APPROVED"});
                }
                if (plan.sentOn() != null) {
                    due = workingDays.plusWorkingDays(
                            plan.sentOn(),
                            followUpDays.applyAsInt(plan.institution().type()));
                    steps.add(new Object[] {
                        LetterStatus.APPROVED,
                        LetterStatus.SENT,
                        true,
                        later(at(plan.sentOn(), random), approved),
                        "sent " + plan.sentOn() + ", due " + due
                    });
                }
                if (plan.ackOn() != null) {
                    steps.add(new Object[] {
                        LetterStatus.SENT,
                        LetterStatus.ACKNOWLEDGED,
                        true,
                        later(at(plan.ackOn(), random), (Instant) steps.getLast()[3]),
                        "acknowledged " + plan.ackOn()
                    });
                }
                if (plan.answeredOn() != null) {
                    steps.add(new Object[] {
                        steps.getLast()[1],
                        LetterStatus.ANSWERED,
                        true,
                        later(at(plan.answeredOn(), random), (Instant) steps.getLast()[3]),
                        "answered " + plan.answeredOn()
                    });
                }
                if (status == LetterStatus.CLOSED) {
                    steps.add(new Object[] {
                        LetterStatus.ANSWERED,
                        LetterStatus.CLOSED,
                        true,
                        ((Instant) steps.getLast()[3]).plus(1 + random.nextInt(72), ChronoUnit.HOURS),
                        "CLOSED"
                    });
                }
                if (status == LetterStatus.WITHDRAWN) {
                    steps.add(new Object[] {
                        LetterStatus.DRAFT,
                        LetterStatus.WITHDRAWN,
                        false,
                        created.plus(1 + random.nextInt(48), ChronoUnit.HOURS),
                        "WITHDRAWN"
                    });
                }
                Instant updated = (Instant) steps.getLast()[3];

                letter.setLong(1, id);
                letter.setLong(2, steps.size() - 1); // one saved version per step after the draft
                letter.setString(3, reference);
                letter.setString(4, rowKey);
                letter.setLong(5, plan.institution().id());
                if (plan.ackOn() != null && random.nextBoolean()) {
                    letter.setString(
                            6,
                            "REF/" + (1000 + random.nextInt(9000)) + "/"
                                    + plan.ackOn().getYear());
                } else {
                    letter.setNull(6, Types.VARCHAR);
                }
                boolean persian = "fa".equals(plan.institution().language());
                int topic = random.nextInt(SUBJECTS.size());
                letter.setString(7, persian ? SUBJECTS_FA.get(topic) : SUBJECTS.get(topic));
                String body = (persian ? BODY_FA : BODY_EN)
                        .formatted(cases.stream().map(CaseRow::reference).collect(Collectors.joining(", ")));
                letter.setString(8, cipher.encrypt(body, new FieldBinding("letter", "body_enc", rowKey)));
                letter.setString(9, plan.institution().language());
                letter.setString(10, channels[random.nextInt(channels.length)].name());
                letter.setString(11, status.name());
                letter.setLong(12, team.caseworkerId());
                letter.setString(13, team.caseworkerName());
                if (isApproved) {
                    letter.setLong(14, coordinator.id());
                    letter.setString(15, coordinator.name());
                } else {
                    letter.setNull(14, Types.BIGINT);
                    letter.setNull(15, Types.VARCHAR);
                }
                letter.setObject(16, date(plan.sentOn()), Types.DATE);
                letter.setObject(17, date(due), Types.DATE);
                letter.setObject(18, date(plan.ackOn()), Types.DATE);
                letter.setObject(19, date(plan.answeredOn()), Types.DATE);
                if (plan.answeredOn() != null) {
                    letter.setString(
                            20,
                            cipher.encrypt(
                                    ANSWERS.get(random.nextInt(ANSWERS.size())),
                                    new FieldBinding("letter", "answer_summary_enc", rowKey)));
                } else {
                    letter.setNull(20, Types.VARCHAR);
                }
                letter.setTimestamp(21, timestamp(created));
                letter.setTimestamp(22, timestamp(updated));
                letter.addBatch();

                for (CaseRow c : cases) {
                    link.setLong(1, id);
                    link.setLong(2, c.id());
                    link.setString(3, c.reference());
                    link.setLong(4, c.teamId());
                    link.addBatch();
                    // D6: the sought person's name and relationship on a legitimate-interest basis (the
                    // generated cases hold no AGREED_TO_CONTACT decision, so never their contact details
                    // or location); the enquirer's contact details only on the basis of their consent
                    for (Party party : parties(parties, c.id())) {
                        if (party.role().equals("SOUGHT")) {
                            disclose(disclosure, id, c.id(), party, DataCategory.NAME, LegalBasis.LEGITIMATE_INTEREST);
                            disclose(
                                    disclosure,
                                    id,
                                    c.id(),
                                    party,
                                    DataCategory.RELATIONSHIP,
                                    LegalBasis.LEGITIMATE_INTEREST);
                            if (random.nextInt(3) == 0) {
                                disclose(
                                        disclosure,
                                        id,
                                        c.id(),
                                        party,
                                        DataCategory.BIRTH,
                                        LegalBasis.LEGITIMATE_INTEREST);
                            }
                        } else {
                            disclose(disclosure, id, c.id(), party, DataCategory.NAME, LegalBasis.CONSENT);
                            if (random.nextInt(3) == 0) {
                                disclose(disclosure, id, c.id(), party, DataCategory.CONTACT, LegalBasis.CONSENT);
                            }
                        }
                    }
                }
                for (Object[] step : steps) {
                    boolean byCoordinator = (Boolean) step[2];
                    long actorId = byCoordinator ? coordinator.id() : team.caseworkerId();
                    String actorName = byCoordinator ? coordinator.name() : team.caseworkerName();
                    var from = (LetterStatus) step[0];
                    var to = (LetterStatus) step[1];
                    history.setLong(1, id);
                    history.setString(2, from == null ? null : from.name());
                    history.setString(3, to.name());
                    history.setLong(4, actorId);
                    history.setString(5, actorName);
                    history.setTimestamp(6, timestamp((Instant) step[3]));
                    history.addBatch();
                    audit.append(
                            now,
                            actorId,
                            actorName,
                            byCoordinator ? COORDINATOR_ROLES : DataGenerator.ACTOR_ROLES,
                            from == null ? "LETTER_DRAFTED" : "LETTER_" + to.name(),
                            LETTER,
                            reference,
                            from == null ? (String) step[4] : from + " -> " + to + "; " + step[4]);
                    audited++;
                }
                if ((i + 1) % DataGenerator.BATCH == 0 || i == count - 1) {
                    letter.executeBatch();
                    link.executeBatch();
                    history.executeBatch();
                    disclosure.executeBatch();
                    audit.flush();
                    connection.commit();
                    meter.done(i + 1);
                }
            }
        }
        return audited;
    }

    private static List<Party> parties(java.sql.PreparedStatement select, long caseId) throws SQLException {
        select.setLong(1, caseId);
        var found = new ArrayList<Party>();
        try (var rs = select.executeQuery()) {
            while (rs.next()) {
                found.add(new Party(rs.getLong(1), rs.getString(2)));
            }
        }
        return found;
    }

    private static void disclose(
            java.sql.PreparedStatement insert,
            long letterId,
            long caseId,
            Party party,
            DataCategory category,
            LegalBasis basis)
            throws SQLException {
        insert.setLong(1, letterId);
        insert.setLong(2, caseId);
        insert.setLong(3, party.personId());
        insert.setString(4, category.name());
        insert.setString(5, basis.name());
        insert.addBatch();
    }

    /** Shares of the workflow states: most letters went out, about half of those have an answer. */
    private static LetterStatus status(int percent) {
        if (percent < 8) {
            return LetterStatus.DRAFT;
        }
        if (percent < 13) {
            return LetterStatus.APPROVED;
        }
        if (percent < 38) {
            return LetterStatus.SENT;
        }
        if (percent < 50) {
            return LetterStatus.ACKNOWLEDGED;
        }
        if (percent < 70) {
            return LetterStatus.ANSWERED;
        }
        if (percent < 97) {
            return LetterStatus.CLOSED;
        }
        return LetterStatus.WITHDRAWN;
    }

    private static long reserve(Connection connection, int year, int count) throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT IGNORE INTO letter_reference_counter (ref_year, last_number) VALUES (?, 0)")) {
            insert.setInt(1, year);
            insert.executeUpdate();
        }
        long last;
        try (var select = connection.prepareStatement(
                "SELECT last_number FROM letter_reference_counter WHERE ref_year = ? FOR UPDATE")) {
            select.setInt(1, year);
            try (var rs = select.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        try (var update =
                connection.prepareStatement("UPDATE letter_reference_counter SET last_number = ? WHERE ref_year = ?")) {
            update.setLong(1, last + count);
            update.setInt(2, year);
            update.executeUpdate();
        }
        connection.commit();
        return last;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant at(LocalDate day, Random random) {
        return day.atTime(8 + random.nextInt(9), random.nextInt(60)).toInstant(ZoneOffset.UTC);
    }

    private static Instant later(Instant candidate, Instant notBefore) {
        return candidate.isAfter(notBefore) ? candidate : notBefore.plus(1, ChronoUnit.MINUTES);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static final List<String> FICTIONAL_PLACES = List.of(
            "Northport",
            "Eastvale",
            "Westmarch",
            "Southbridge",
            "Lakeside",
            "Hillcrest",
            "Riverton",
            "Stonehaven",
            "Greenfield",
            "Ashford",
            "Brookmere",
            "Clearwater");
    static final List<String> FICTIONAL_KINDS = List.of("Tracing Office", "Migration Authority", "Welfare Society");
    static final List<String> SUBJECTS = List.of(
            "Request for information about a separated family member",
            "Tracing request",
            "Request to confirm a registration",
            "Follow-up on our earlier request",
            "Request to pass on a family message");
    static final List<String> SUBJECTS_FA = List.of(
            "درخواست اطلاعات دربارهٔ یکی از اعضای خانواده",
            "درخواست جست‌وجو",
            "درخواست تأیید ثبت‌نام",
            "پیگیری درخواست پیشین ما",
            "درخواست رساندن پیام خانواده");
    static final String BODY_EN =
            "Dear Sir or Madam,\n\nConcerning our case(s) %s, we kindly ask whether your records hold any"
                    + " information about the person named in the enclosed register.\n\nYours faithfully";
    static final String BODY_FA =
            "با سلام و احترام،\n\nدربارهٔ پرونده(های) %s، خواهشمندیم اطلاع دهید آیا در سوابق شما اطلاعاتی دربارهٔ"
                    + " شخص نام‌برده وجود دارد.\n\nبا احترام";
    static final List<String> ANSWERS = List.of(
            "No record of the person was found in our registers.",
            "A person of that name was registered at a reception centre; details follow by post.",
            "The request has been passed on to our regional office.",
            "We can confirm the registration; the person asked us not to share their address.");
}
