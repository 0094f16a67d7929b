/**
 * Name matching for the people module: normalises names written in Latin or Persian/Arabic script,
 * derives match keys to store in an indexed table ({@link org.kinlink.people.matching.NameKeys})
 * and ranks the persons found through them ({@link org.kinlink.people.matching.NameMatcher}). Pure
 * Java, no Spring and no database, so that the rules can be tested and measured on their own.
 */
@NullMarked
package org.kinlink.people.matching;

import org.jspecify.annotations.NullMarked;
