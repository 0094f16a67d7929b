/** Controllers and JSON records of version 1 of the REST API; they call the feature services only. */
@NullMarked
package org.kinlink.api.v1;

import org.jspecify.annotations.NullMarked;
