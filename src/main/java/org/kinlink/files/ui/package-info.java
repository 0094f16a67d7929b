/**
 * The upload component for dialogs and the download link, for the modules that own stored files;
 * exposed as the named interface {@code ui}.
 */
@NullMarked
@NamedInterface("ui")
package org.kinlink.files.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
