/**
 * Institutions, letters to them about cases and their workflow (draft, approval by another
 * coordinator, sending, acknowledgement, answer), follow-up due dates in working days, and the
 * disclosure register of what personal data each letter carries and why.
 */
@NullMarked
package org.kinlink.letters;

import org.jspecify.annotations.NullMarked;
