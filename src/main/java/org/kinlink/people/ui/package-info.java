/**
 * Views of the person registry, and the person editor that other features (adding a party to a
 * case) reuse; exposed as the named interface {@code ui}.
 */
@NullMarked
@NamedInterface("ui")
package org.kinlink.people.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
