package org.kinlink.people;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.people.matching.MatchKey;
import org.kinlink.people.matching.NameKeys;
import org.kinlink.people.matching.NameMatcher;
import org.kinlink.people.matching.NameQuery;
import org.kinlink.people.matching.RankedCandidate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores the match keys of every person (table {@code person_match_key}) and answers name queries
 * in two steps: candidates that share a key with the query (an indexed lookup), then a reranking of
 * those candidates by string similarity over all name parts. The matching itself is {@code
 * org.kinlink.people.matching}; this class is its bridge to the database.
 */
@Component
class NameIndex {

    /** At most this many candidates are reranked; enough for recall, bounded for speed. */
    static final int MAX_CANDIDATES = 400;

    /**
     * How many persons sharing the most keys are pre-ranked by the father's name before the cut to
     * {@link #MAX_CANDIDATES}: a common given + family name is held by far more persons than the cut
     * in a large registry, and they all share the same keys.
     */
    static final int PRE_RANKED = 6000;

    /** One or more phrasings of the same query (a name entered in both scripts is ranked by both). */
    record Query(List<NameQuery> phrasings, Set<MatchKey> keys) {}

    record Candidate(
            long personId,
            PersonNames names,
            List<NameVariant> variants,
            @Nullable Integer birthYear) {}

    record Ranked(long personId, double score, List<String> reasons) {}

    /**
     * Candidates scoring below this are not shown, so that a common name does not flood the list;
     * measured on the labelled set in the matcher's tests (docs/design-decisions/name-matching.md).
     */
    static final double THRESHOLD = NameMatcher.DEFAULT_THRESHOLD;

    private final JdbcClient jdbc;

    NameIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void index(long personId, PersonNames names, List<NameVariant> variants, @Nullable Integer birthYear) {
        remove(personId);
        Set<MatchKey> keys = NameKeys.keysFor(toMatching(names, variants, birthYear));
        for (MatchKey key : keys) {
            jdbc.sql("INSERT IGNORE INTO person_match_key (person_id, kind, key_value) VALUES (?, ?, ?)")
                    .params(personId, key.kind(), truncate(key.value()))
                    .update();
        }
    }

    void remove(long personId) {
        jdbc.sql("DELETE FROM person_match_key WHERE person_id = ?")
                .param(personId)
                .update();
    }

    Query parse(String text) {
        NameQuery query = NameQuery.parse(text);
        return new Query(List.of(query), NameKeys.keysForQuery(query));
    }

    /** The query for a person being entered: their names in each script, father's name and birth year. */
    Query queryFor(PersonNames names, List<NameVariant> variants, @Nullable Integer birthYear) {
        var phrasings = new java.util.ArrayList<NameQuery>();
        String father = names.fatherLatin() != null ? names.fatherLatin() : names.fatherNative();
        if (!names.latin().isEmpty()) {
            phrasings.add(new NameQuery(
                    names.latin(), names.fatherLatin() != null ? names.fatherLatin() : father, birthYear));
        }
        if (!names.nativeScript().isEmpty()) {
            phrasings.add(new NameQuery(
                    names.nativeScript(), names.fatherNative() != null ? names.fatherNative() : father, birthYear));
        }
        return new Query(List.copyOf(phrasings), NameKeys.keysFor(toMatching(names, variants, birthYear)));
    }

    /** Persons sharing at least one key with the query, those sharing most first. */
    Set<Long> candidates(Query query) {
        return candidates(query, Set.of());
    }

    /**
     * Persons sharing at least one key with the query, those sharing most first; the persons of
     * {@code ownTeams} come first and have a cut of their own. Without that, a common name held by
     * more than {@link #MAX_CANDIDATES} persons of other teams would push the caller's own persons
     * out of the candidates before the visibility filter, and the search would miss them.
     */
    Set<Long> candidates(Query query, Set<Long> ownTeams) {
        if (query.keys().isEmpty()) {
            return Set.of();
        }
        var found = new LinkedHashSet<Long>();
        if (!ownTeams.isEmpty()) {
            found.addAll(keyQuery(query, ownTeams));
        }
        found.addAll(keyQuery(query, Set.of()));
        return found;
    }

    /**
     * The persons sharing most keys with the query. When more than {@link #MAX_CANDIDATES} do and the
     * query names the father, those whose father's name shares a code with it come first within the
     * same number of shared keys: the father's name has no stored keys, but persons of the same name
     * are told apart by it, and the reranking sees only the candidates left after the cut.
     */
    private List<Long> keyQuery(Query query, Set<Long> teams) {
        Set<String> fatherCodes = new java.util.HashSet<>();
        for (NameQuery phrasing : query.phrasings()) {
            fatherCodes.addAll(NameKeys.partCodes(phrasing.fathersName()));
        }
        if (fatherCodes.isEmpty()) {
            return keyCounts(query, teams, MAX_CANDIDATES).stream()
                    .map(KeyCount::personId)
                    .toList();
        }
        List<KeyCount> counts = keyCounts(query, teams, PRE_RANKED);
        if (counts.size() <= MAX_CANDIDATES) {
            return counts.stream().map(KeyCount::personId).toList();
        }
        Set<Long> sameFather = sameFather(counts, fatherCodes);
        return counts.stream()
                .sorted(java.util.Comparator.comparingLong((KeyCount c) -> -c.keys())
                        .thenComparing(c -> sameFather.contains(c.personId()) ? 0 : 1)
                        .thenComparingLong(KeyCount::personId))
                .limit(MAX_CANDIDATES)
                .map(KeyCount::personId)
                .toList();
    }

    private record KeyCount(long personId, long keys) {}

    /** Of the counted persons, those whose father's name (either script) shares a code with the query's. */
    private Set<Long> sameFather(List<KeyCount> counts, Set<String> fatherCodes) {
        var same = new java.util.HashSet<Long>();
        var codesOf = new java.util.HashMap<String, Boolean>(); // few distinct fathers' names: compute once
        List<Long> ids = counts.stream().map(KeyCount::personId).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.sql("SELECT id, father_latin, father_native FROM person WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> {
                        for (int column = 2; column <= 3; column++) {
                            String father = rs.getString(column);
                            if (father != null
                                    && codesOf.computeIfAbsent(
                                            father,
                                            f -> NameKeys.partCodes(f).stream().anyMatch(fatherCodes::contains))) {
                                same.add(rs.getLong(1));
                            }
                        }
                        return null;
                    })
                    .list();
        }
        return same;
    }

    private List<KeyCount> keyCounts(Query query, Set<Long> teams, int limit) {
        var sql = new StringBuilder("SELECT k.person_id, COUNT(*) FROM person_match_key k");
        var params = new java.util.ArrayList<Object>();
        if (!teams.isEmpty()) {
            // the (team_id, id) index answers the join from a small index instead of one clustered
            // row read per key row (100,000 of them for a common name in a registry of 1,000,000):
            // measured 0.06-0.10 s instead of 0.14-0.16 s (docs/benchmarks.md)
            sql.append(" JOIN person p FORCE INDEX (ix_person_team) ON p.id = k.person_id AND p.team_id IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(teams.size(), "?")))
                    .append(")");
            params.addAll(teams);
        }
        sql.append(" WHERE ");
        boolean first = true;
        for (MatchKey key : query.keys()) {
            sql.append(first ? "(" : " OR ").append("(k.kind = ? AND k.key_value = ?)");
            params.add(key.kind());
            params.add(truncate(key.value()));
            first = false;
        }
        sql.append(") GROUP BY k.person_id ORDER BY COUNT(*) DESC, k.person_id LIMIT ")
                .append(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new KeyCount(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** The candidates that match well enough, best first; with several phrasings, each candidate's best score. */
    List<Ranked> rank(Query query, Collection<Candidate> candidates, int limit) {
        List<org.kinlink.people.matching.Candidate<Long>> prepared = candidates.stream()
                .map(c -> new org.kinlink.people.matching.Candidate<>(
                        c.personId(), toMatching(c.names(), c.variants(), c.birthYear())))
                .toList();
        var best = new java.util.LinkedHashMap<Long, RankedCandidate<Long>>();
        for (NameQuery phrasing : query.phrasings()) {
            for (RankedCandidate<Long> ranked : NameMatcher.rank(phrasing, prepared, limit, THRESHOLD)) {
                best.merge(ranked.id(), ranked, (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        return best.values().stream()
                .sorted(java.util.Comparator.comparingDouble((RankedCandidate<Long> r) -> r.score())
                        .reversed())
                .limit(limit)
                .map(r -> new Ranked(
                        r.id(),
                        r.score(),
                        r.result().reasons().stream()
                                .map(reason -> reason.messageKey())
                                .toList()))
                .toList();
    }

    private static org.kinlink.people.matching.PersonNames toMatching(
            PersonNames names, List<NameVariant> variants, @Nullable Integer birthYear) {
        return new org.kinlink.people.matching.PersonNames(
                names.givenLatin(),
                names.familyLatin(),
                names.fatherLatin(),
                names.givenNative(),
                names.familyNative(),
                names.fatherNative(),
                variants.stream().map(NameVariant::text).toList(),
                birthYear);
    }

    private static String truncate(String value) {
        return value.length() <= 120 ? value : value.substring(0, 120);
    }
}
