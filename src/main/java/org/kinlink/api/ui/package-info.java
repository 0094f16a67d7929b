/** Administrators' view of personal API tokens: issue (shown once), list, revoke. */
@NullMarked
package org.kinlink.api.ui;

import org.jspecify.annotations.NullMarked;
