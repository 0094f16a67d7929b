/** The subject access export action on the person page. */
@NullMarked
package org.kinlink.privacy.ui;

import org.jspecify.annotations.NullMarked;
