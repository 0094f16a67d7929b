/** The import screen for administrators. */
@NullMarked
package org.kinlink.importing.ui;

import org.jspecify.annotations.NullMarked;
