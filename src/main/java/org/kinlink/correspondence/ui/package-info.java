/** The correspondence timeline shown as a tab of the case page. */
@NullMarked
package org.kinlink.correspondence.ui;

import org.jspecify.annotations.NullMarked;
