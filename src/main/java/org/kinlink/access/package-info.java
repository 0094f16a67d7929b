/**
 * Users, teams, roles and memberships; sign-in (Argon2id password hashes), the password policy,
 * the bootstrap administrator and the security configuration. Records sign-ins, failed sign-ins,
 * sign-outs and denied navigation in the audit trail.
 */
@NullMarked
package org.kinlink.access;

import org.jspecify.annotations.NullMarked;
