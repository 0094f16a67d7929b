/** The coordinators' page for writing letter templates and previewing them as PDF. */
@NullMarked
package org.kinlink.documents.ui;

import org.jspecify.annotations.NullMarked;
