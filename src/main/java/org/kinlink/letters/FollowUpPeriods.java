package org.kinlink.letters;

/** How many working days an institution of a type gets to answer before a letter is overdue. */
@FunctionalInterface
interface FollowUpPeriods {

    int workingDaysFor(InstitutionType type);
}
