/**
 * Problems with the environment that stop start-up (an unreachable database, a missing keyset),
 * reported to the operator in one sentence without a stack trace. Used by the modules that prepare
 * the environment (database, crypto); kept out of the root package because the application class
 * there depends on crypto (the keyset command), and a module must not depend back on the root.
 */
@NullMarked
package org.kinlink.startup;

import org.jspecify.annotations.NullMarked;
