/**
 * Case files: a family's request linking the enquirers to the person they seek, its status
 * workflow and history, and the consent and disclosure decisions that govern what may be shared.
 */
@NullMarked
package org.kinlink.cases;

import org.jspecify.annotations.NullMarked;
