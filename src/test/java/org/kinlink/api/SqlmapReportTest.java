package org.kinlink.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reading of sqlmap's console output that {@link ApiSqlmapIT} relies on, on saved outputs of
 * sqlmap 1.7.2 (under {@code src/test/resources/sqlmap/}): a scan only passes when sqlmap tested
 * something, found nothing and was never refused.
 */
class SqlmapReportTest {

    @Test
    @DisplayName("I1: a confirmed injection point fails the scan")
    void a_vulnerable_parameter_is_a_finding() throws IOException {
        var report = SqlmapReport.parse(sample("vulnerable.txt"));

        assertThat(report.findings()).anySatisfy(finding -> assertThat(finding).contains("'name'"));
        assertThat(report.problems()).isNotEmpty();
    }

    @Test
    @DisplayName("I1: a tested, clean parameter passes the scan")
    void a_clean_run_has_no_problems() throws IOException {
        var report = SqlmapReport.parse(sample("clean.txt"));

        assertThat(report.cleanParameters()).containsExactly("GET parameter 'q'");
        assertThat(report.httpErrors()).containsEntry(400, 2);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    @DisplayName("I1: a guess that sqlmap's own false-positive check withdraws is no finding")
    void a_withdrawn_guess_is_not_a_finding() throws IOException {
        var report = SqlmapReport.parse(sample("false-positive.txt"));

        assertThat(report.findings()).isEmpty();
        assertThat(report.cleanParameters()).contains("POST parameter 'JSON title'", "POST parameter 'JSON summary'");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    @DisplayName("I1: a run that tested no parameter fails (a scan that cannot fail proves nothing)")
    void a_run_that_tested_nothing_fails() throws IOException {
        var report = SqlmapReport.parse(sample("untested.txt"));

        assertThat(report.problems()).contains("sqlmap tested no parameter");
    }

    @Test
    @DisplayName("I1: a run whose requests were refused (401) fails: the token did not work")
    void a_refused_run_fails() throws IOException {
        var report = SqlmapReport.parse(sample("refused.txt"));

        assertThat(report.httpErrors()).containsEntry(401, 212);
        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem).contains("refused"));
    }

    @Test
    void a_database_error_in_an_answer_is_a_finding() {
        var report = SqlmapReport.parse(
                "[10:00:00] [INFO] heuristic (basic) test shows that GET parameter 'q' might be injectable"
                        + " (possible DBMS: 'MySQL')\n"
                        + "[10:00:09] [WARNING] GET parameter 'q' does not seem to be injectable\n");

        assertThat(report.findings()).containsExactly("database error in the answer: GET parameter 'q'");
    }

    @Test
    void a_server_error_fails_the_scan() {
        var report = SqlmapReport.parse("[10:00:09] [WARNING] GET parameter 'q' does not seem to be injectable\n"
                + "[10:00:09] [WARNING] HTTP error codes detected during run:\n"
                + "400 (Bad Request) - 12 times, 500 (Internal Server Error) - 3 times\n"
                + "[10:00:09] [INFO] you can find results of scanning in multiple targets mode\n");

        assertThat(report.httpErrors()).containsEntry(400, 12).containsEntry(500, 3);
        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem).contains("server errors"));
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = SqlmapReportTest.class.getResourceAsStream("/sqlmap/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
