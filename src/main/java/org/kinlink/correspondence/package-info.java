/**
 * The correspondence log of a case: every call, e-mail, letter, visit, meeting or message, with
 * whom and what was said. Entries are never changed in place: a correction is a new revision, and
 * the history of every entry stays visible.
 */
@NullMarked
package org.kinlink.correspondence;

import org.jspecify.annotations.NullMarked;
