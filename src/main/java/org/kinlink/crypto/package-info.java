/**
 * Field-level encryption of sensitive values (AES-256-GCM through Google Tink, bound to their row
 * and column), blind indexes for exact-match lookup of encrypted values, and the keys behind both
 * and behind the audit chain. Keys come from one keyset file outside the database.
 */
@NullMarked
package org.kinlink.crypto;

import org.jspecify.annotations.NullMarked;
