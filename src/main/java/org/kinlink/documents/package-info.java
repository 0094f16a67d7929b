/**
 * Letter templates (plain text with {@code {{placeholder}}} tokens, in English or Persian) and the
 * PDF rendering of letters, with an embedded font that shapes Persian right-to-left. The
 * {@code letters} module supplies the placeholder values and stores the PDFs.
 */
@NullMarked
package org.kinlink.documents;

import org.jspecify.annotations.NullMarked;
