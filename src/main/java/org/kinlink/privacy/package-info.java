/** Data-subject rights: subject access export, erasure with two-person approval, retention. */
@NullMarked
package org.kinlink.privacy;

import org.jspecify.annotations.NullMarked;
