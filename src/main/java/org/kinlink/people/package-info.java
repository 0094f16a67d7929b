/**
 * The person registry: enquirers, sought persons and other parties, with their names as given in
 * Latin and native script, other spellings and aliases, and their sensitive details encrypted at
 * rest. Name matching finds a person by any spelling in either script and warns of likely
 * duplicates; two records of one person can be merged.
 */
@NullMarked
package org.kinlink.people;

import org.jspecify.annotations.NullMarked;
