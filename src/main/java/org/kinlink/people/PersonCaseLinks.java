package org.kinlink.people;

import java.util.Collection;
import java.util.Set;

/**
 * Which persons are parties to cases of which teams. The people module needs this to decide access
 * (a caseworker sees the people in their teams' cases) but does not own cases: the cases module
 * implements it, so that people does not depend on cases.
 */
public interface PersonCaseLinks {

    /** Of the given persons, those who are parties to a case of one of the teams ({@code anyTeam}: of any case). */
    Set<Long> linkedPersons(Collection<Long> personIds, Set<Long> teamIds, boolean anyTeam);

    /** The teams owning the cases in which the person is a party. */
    Set<Long> teamsOfCasesWith(long personId);
}
