package org.kinlink.people.matching;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person's names turned into {@link NameForm}s once, for keys and for scoring against many
 * queries or one query against many persons.
 */
final class PreparedPerson {

    /** One way of reading a name as given name + family name. */
    record Reading(List<NameForm> given, List<NameForm> family, boolean alias) {}

    final List<NameForm> given = new ArrayList<>(3);
    final List<NameForm> family = new ArrayList<>(3);
    final List<NameForm> father = new ArrayList<>(2);
    /** Other spellings of more than one word, each read as given + family name. */
    final List<Reading> aliasReadings = new ArrayList<>();

    final @Nullable Integer birthYear;

    private PreparedPerson(@Nullable Integer birthYear) {
        this.birthYear = birthYear;
    }

    static PreparedPerson of(PersonNames names) {
        PreparedPerson person = new PreparedPerson(names.birthYear());
        NameForm.addIfPresent(person.given, NameForm.of(NameForm.tokens(names.givenLatin()), false));
        NameForm.addIfPresent(person.given, NameForm.of(NameForm.tokens(names.givenNative()), false));
        person.family.addAll(NameForm.familyForms(NameForm.tokens(names.familyLatin()), false));
        person.family.addAll(NameForm.familyForms(NameForm.tokens(names.familyNative()), false));
        NameForm.addIfPresent(person.father, NameForm.of(NameForm.tokens(names.fatherLatin()), false));
        NameForm.addIfPresent(person.father, NameForm.of(NameForm.tokens(names.fatherNative()), false));
        for (String spelling : names.otherSpellings()) {
            List<String> tokens = NameForm.tokens(spelling);
            if (tokens.size() == 1) {
                // a single word may stand for either part (a nickname, a former family name)
                NameForm.addIfPresent(person.given, NameForm.of(tokens, true));
                person.family.addAll(NameForm.familyForms(tokens, true));
            } else if (tokens.size() > 1) {
                Reading reading = person.aliasReading(tokens);
                if (reading != null) {
                    person.aliasReadings.add(reading);
                }
            }
        }
        return person;
    }

    /**
     * An alias of several words read as given + family name, split where it best fits the person's
     * own names ("Ali Akbar Ghadiri" of an Aliakbar Ghaderi: after "Akbar"). Trying every split
     * instead would let a compound given name spill into the family name and match too much.
     */
    private @Nullable Reading aliasReading(List<String> tokens) {
        Reading best = null;
        double bestFit = -1;
        for (int split = tokens.size() - 1; split >= 1; split--) {
            List<NameForm> aliasGiven = new ArrayList<>(1);
            NameForm.addIfPresent(aliasGiven, NameForm.of(tokens.subList(0, split), true));
            List<NameForm> aliasFamily = NameForm.familyForms(tokens.subList(split, tokens.size()), true);
            if (aliasGiven.isEmpty() || aliasFamily.isEmpty()) {
                continue;
            }
            double fit = fit(aliasGiven, given) + fit(aliasFamily, family);
            if (fit > bestFit) {
                bestFit = fit;
                best = new Reading(aliasGiven, aliasFamily, true);
            }
        }
        return best;
    }

    private static double fit(List<NameForm> alias, List<NameForm> own) {
        PartMatch match = PartMatch.best(alias, own);
        return match == null ? 0.0 : match.similarity();
    }

    /** The main reading followed by the alias readings. */
    List<Reading> readings() {
        List<Reading> readings = new ArrayList<>(1 + aliasReadings.size());
        readings.add(new Reading(given, family, false));
        readings.addAll(aliasReadings);
        return readings;
    }
}
