/** Views of the letters module: institutions, letters, follow-ups, and the letters tab of a case. */
@NullMarked
package org.kinlink.letters.ui;

import org.jspecify.annotations.NullMarked;
