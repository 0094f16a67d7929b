package org.kinlink.people.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user searches for: a name in any script and order, optionally the father's name and the
 * year of birth.
 *
 * @param name the person's name: given and family name, or either alone
 * @param fathersName the father's given name, if the user gave it
 * @param birthYear the Gregorian year of birth, if the user gave it
 */
public record NameQuery(
        String name, @Nullable String fathersName, @Nullable Integer birthYear) {

    /** Solar Hijri years that can be a year of birth; such a year is converted to Gregorian. */
    private static final int SOLAR_HIJRI_FIRST = 1290;

    private static final int SOLAR_HIJRI_LAST = 1420;
    private static final int SOLAR_HIJRI_OFFSET = 621;
    private static final int GREGORIAN_FIRST = 1900;
    private static final int GREGORIAN_LAST = 2100;

    /** Words that introduce the father's name; everything after them is the father's name. */
    private static final Set<String> FATHER_WORDS =
            Set.of("father", "fathers", "fathername", "فرزند", "پسر", "دختر", "پدر", "ولد");

    /** Two-word forms: son of, daughter of, s/o, d/o, نام پدر. */
    private static final Set<String> FATHER_PAIRS =
            Set.of("son of", "daughter of", "child of", "s o", "d o", "نام پدر", "name father");

    /**
     * Arabic nasab: "Mohammad bin Ali Hosseini". Only the next name is the father's; what follows
     * is the family name again.
     */
    private static final Set<String> NASAB_WORDS = Set.of("bin", "ibn", "bint", "ben", "بن", "ابن", "بنت");

    /** First parts of compounds that are written as a separate word (bin Abdol Reza). */
    private static final Set<String> COMPOUND_FIRST_PARTS = Set.of(
            "abd", "abdol", "abdul", "abdel", "abdal", "abu", "abol", "abul", "gholam", "ghulam", "qolam", "عبد", "ابو",
            "غلام");

    /** Words that introduce the year of birth. */
    private static final Set<String> YEAR_WORDS =
            Set.of("b", "born", "dob", "yob", "birth", "year", "تولد", "متولد", "سال");

    public NameQuery {
        if (fathersName != null && fathersName.isBlank()) {
            fathersName = null;
        }
    }

    /** A query of a name alone. */
    public static NameQuery of(String name) {
        return new NameQuery(name, null, null);
    }

    /**
     * Reads a free-text search: "Muhammad Husseini", "محمد حسینی", "Hosseini, Mohammad", "Mohammad
     * Hosseini son of Ali 1975", "محمد حسینی فرزند علی ۱۳۵۴". A four-digit number is the year of
     * birth (1290–1420 is taken as Solar Hijri and converted); "son of", "daughter of", "father",
     * "s/o", "bin", "ibn", "فرزند", "پسر", "دختر", "نام پدر" introduce the father's name.
     */
    public static NameQuery parse(@Nullable String text) {
        List<String> tokens = TextFolding.tokens(text);
        List<String> name = new ArrayList<>();
        List<String> father = new ArrayList<>();
        Integer year = null;
        boolean inFather = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String pair = i + 1 < tokens.size() ? token + " " + tokens.get(i + 1) : "";
            if (TextFolding.isDigits(token)) {
                Integer parsed = year(token);
                year = parsed != null ? parsed : year;
                inFather = false;
            } else if (YEAR_WORDS.contains(token)) {
                inFather = false;
            } else if (FATHER_PAIRS.contains(pair)) {
                inFather = true;
                i++;
            } else if (FATHER_WORDS.contains(token)) {
                inFather = true;
            } else if (NASAB_WORDS.contains(token) && i + 1 < tokens.size() && !name.isEmpty()) {
                i++;
                father.add(tokens.get(i));
                if (COMPOUND_FIRST_PARTS.contains(tokens.get(i)) && i + 1 < tokens.size()) {
                    i++;
                    father.add(tokens.get(i));
                }
            } else if (inFather) {
                father.add(token);
            } else {
                name.add(token);
            }
        }
        return new NameQuery(String.join(" ", name), father.isEmpty() ? null : String.join(" ", father), year);
    }

    private static @Nullable Integer year(String digits) {
        if (digits.length() != 4) {
            return null;
        }
        int value = Integer.parseInt(digits);
        if (value >= SOLAR_HIJRI_FIRST && value <= SOLAR_HIJRI_LAST) {
            return value + SOLAR_HIJRI_OFFSET;
        }
        if (value >= GREGORIAN_FIRST && value <= GREGORIAN_LAST) {
            return value;
        }
        return null;
    }
}
