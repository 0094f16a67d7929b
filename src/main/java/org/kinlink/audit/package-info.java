/**
 * The audit trail: an append-only, hash-chained record of every access and change (who, what,
 * when, from where, why), written in the same transaction as the work it records, and the
 * verifier that walks the chain. Every module records through {@link org.kinlink.audit.AuditTrail}.
 */
@NullMarked
package org.kinlink.audit;

import org.jspecify.annotations.NullMarked;
