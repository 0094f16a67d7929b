package org.kinlink.people.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints how long the matcher takes per call on the evaluation data set. Not a test (tests never
 * assert on wall-clock time) and not run by the build; run it by hand:
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.kinlink.people.matching.NameMatchingBenchmark
 * </pre>
 */
public final class NameMatchingBenchmark {

    private static final int ROUNDS = 5;

    private NameMatchingBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<PersonNames> persons = persons();
        List<String> queries = queries();
        List<Candidate<Integer>> pool = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            pool.add(new Candidate<>(i, persons.get(i)));
        }
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (PersonNames person : persons) {
                sink += NameKeys.keysFor(person).size();
            }
            double keysFor = (System.nanoTime() - start) / 1000.0 / persons.size();

            start = System.nanoTime();
            for (String query : queries) {
                sink += NameKeys.keysForQuery(query).size();
            }
            double keysForQuery = (System.nanoTime() - start) / 1000.0 / queries.size();

            start = System.nanoTime();
            int scored = 0;
            for (int q = 0; q < queries.size(); q += 4) {
                NameQuery query = NameQuery.parse(queries.get(q));
                for (PersonNames person : persons) {
                    sink += (long) (NameMatcher.score(query, person).score() * 10);
                    scored++;
                }
            }
            double score = (System.nanoTime() - start) / 1000.0 / scored;

            start = System.nanoTime();
            for (String query : queries) {
                sink += NameMatcher.rank(NameQuery.parse(query), pool).size();
            }
            double rank = (System.nanoTime() - start) / 1000.0 / queries.size();
            System.out.printf(
                    Locale.ROOT,
                    "round %d: keysFor=%.1fus keysForQuery=%.1fus score=%.1fus rank(%d candidates)=%.0fus%n",
                    round + 1,
                    keysFor,
                    keysForQuery,
                    score,
                    pool.size(),
                    rank);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static List<PersonNames> persons() throws IOException {
        List<PersonNames> persons = new ArrayList<>();
        for (String[] row : read("persons.tsv")) {
            persons.add(new PersonNames(
                    blankToNull(row[2]),
                    blankToNull(row[3]),
                    blankToNull(row[4]),
                    blankToNull(row[5]),
                    blankToNull(row[6]),
                    blankToNull(row[7]),
                    row[8].isBlank() ? List.of() : Arrays.asList(row[8].split("\\|")),
                    row[9].isBlank() ? null : Integer.valueOf(row[9])));
        }
        return persons;
    }

    private static List<String> queries() throws IOException {
        return read("queries.tsv").stream().map(row -> row[0]).toList();
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static List<String[]> read(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                NameMatchingBenchmark.class.getResourceAsStream("/org/kinlink/people/matching/" + name), name)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .skip(1)
                    .forEach(line -> rows.add(line.split("\t", -1)));
        }
        return rows;
    }
}
