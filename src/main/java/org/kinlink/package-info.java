/** Kinlink: family-reunification case tracking. Each sub-package is an application module. */
@NullMarked
package org.kinlink;

import org.jspecify.annotations.NullMarked;
