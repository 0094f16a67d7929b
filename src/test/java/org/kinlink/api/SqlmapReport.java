package org.kinlink.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one sqlmap run (its console output, {@code --disable-coloring}) says about one target: the
 * injection points it found, the parameters it tested and found clean, and the HTTP error codes it
 * met. {@link #problems()} is empty only when sqlmap tested at least one parameter, found nothing
 * injectable and was never refused (401/403: the token did not work, so nothing was really tested)
 * nor answered with a server error (500: bad input must be a 400, never a failure).
 */
record SqlmapReport(
        List<String> findings, Set<String> cleanParameters, Map<Integer, Integer> httpErrors, boolean aborted) {

    /** "sqlmap identified the following injection point(s) ..." is printed only for confirmed ones. */
    private static final Pattern CONFIRMED = Pattern.compile("^Parameter: (.+)$");

    /**
     * e.g. "[INFO] GET parameter 'q' appears to be 'AND boolean-based blind ...' injectable"; counts
     * unless sqlmap's own false-positive check withdraws it right afterwards.
     */
    private static final Pattern INJECTABLE =
            Pattern.compile("\\b(\\S+ parameter '[^']+') (?:is|appears to be) '[^']+' injectable");

    /** The heuristic saw a database error message in the answer: a leak even when not exploitable. */
    private static final Pattern HEURISTIC =
            Pattern.compile("heuristic \\(basic\\) test shows that (\\S+ parameter '[^']+') might be injectable");

    private static final Pattern CLEAN = Pattern.compile("\\b(\\S+ parameter '[^']+') does not seem to be injectable");

    /** "HTTP error codes detected during run:" is followed by "401 (Unauthorized) - 12 times, ...". */
    private static final Pattern HTTP_ERROR = Pattern.compile("(\\d{3}) \\([^)]*\\) - (\\d+) times");

    /** sqlmap gave up on the target before testing (connection refused, no parameters, ...). */
    private static final Pattern ABORTED =
            Pattern.compile("\\[CRITICAL\\] (?:unable to connect|connection refused|no parameter\\(s\\) found|"
                    + "target URL content is not stable|page not found|there is no parameter)");

    static SqlmapReport parse(String output) {
        var findings = new ArrayList<String>();
        var clean = new LinkedHashSet<String>();
        var errors = new LinkedHashMap<Integer, Integer>();
        boolean aborted = false;
        boolean inErrorCodes = false;
        var pending = new ArrayList<String>();
        for (String line : output.split("\\R")) {
            String trimmed = line.strip();
            Matcher confirmed = CONFIRMED.matcher(trimmed);
            if (confirmed.matches()) {
                findings.add("injection point: " + confirmed.group(1));
            }
            Matcher injectable = INJECTABLE.matcher(trimmed);
            if (injectable.find()) {
                pending.add("injectable: " + injectable.group(1));
            }
            if (trimmed.contains("false positive or unexploitable injection point detected") && !pending.isEmpty()) {
                pending.removeLast(); // sqlmap checked its guess and withdrew it
            }
            Matcher heuristic = HEURISTIC.matcher(trimmed);
            if (heuristic.find()) {
                findings.add("database error in the answer: " + heuristic.group(1));
            }
            Matcher notInjectable = CLEAN.matcher(trimmed);
            if (notInjectable.find()) {
                clean.add(notInjectable.group(1));
            }
            if (ABORTED.matcher(trimmed).find()) {
                aborted = true;
            }
            if (trimmed.contains("HTTP error codes detected during run")) {
                inErrorCodes = true;
            }
            if (inErrorCodes) {
                Matcher error = HTTP_ERROR.matcher(trimmed);
                boolean any = false;
                while (error.find()) {
                    any = true;
                    errors.merge(Integer.parseInt(error.group(1)), Integer.parseInt(error.group(2)), Integer::sum);
                }
                if (any || !trimmed.contains("HTTP error codes")) {
                    inErrorCodes = any;
                }
            }
        }
        findings.addAll(pending);
        return new SqlmapReport(List.copyOf(findings), Set.copyOf(clean), Map.copyOf(errors), aborted);
    }

    /** Why this run does not count as "tested and found nothing"; empty when it does. */
    List<String> problems() {
        var problems = new ArrayList<>(findings);
        if (httpErrors.containsKey(401) || httpErrors.containsKey(403)) {
            problems.add("requests were refused (" + httpErrors + "): the token did not work, nothing was tested");
        }
        if (httpErrors.containsKey(500)) {
            problems.add("server errors (" + httpErrors + "): bad input must get a 400, not a 500");
        }
        if (aborted) {
            problems.add("sqlmap gave up on the target before testing it");
        }
        if (findings.isEmpty() && cleanParameters.isEmpty()) {
            problems.add("sqlmap tested no parameter");
        }
        return problems;
    }
}
