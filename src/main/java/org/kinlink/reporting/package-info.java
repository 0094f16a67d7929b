/** Dashboards and reports: figures from the other modules' services, charts and exports. */
@NullMarked
package org.kinlink.reporting;

import org.jspecify.annotations.NullMarked;
