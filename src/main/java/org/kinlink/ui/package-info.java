/**
 * Shared UI building blocks used by every feature's views: translations ({@code I18NProvider}),
 * languages and text direction, the error handler, notifications and small widgets. Depends on no
 * feature module, so any feature's {@code ui} package may use it.
 */
@NullMarked
package org.kinlink.ui;

import org.jspecify.annotations.NullMarked;
