/**
 * Stored files (attachments, generated letters): checked by content on upload, kept encrypted in
 * the database, read back only through an owner module that has checked the caller's access.
 */
@NullMarked
package org.kinlink.files;

import org.jspecify.annotations.NullMarked;
