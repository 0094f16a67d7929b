/**
 * The REST API under {@code /api/v1} for other tools: persons, cases, parties, status transitions
 * correspondence, letters and institutions, through the same services (access policy, masking, audit) as the UI;
 * authenticated by personal API tokens that administrators issue and revoke ({@link
 * org.kinlink.api.ApiTokens}).
 */
@NullMarked
package org.kinlink.api;

import org.jspecify.annotations.NullMarked;
