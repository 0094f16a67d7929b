/**
 * Demo profile only: fictional people and cases, created through the same services (and so the
 * same checks and audit trail) as real work, so an evaluator sees a populated system.
 */
@NullMarked
package org.kinlink.demo;

import org.jspecify.annotations.NullMarked;
