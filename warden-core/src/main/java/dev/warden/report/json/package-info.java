/** The JSON report and inventory (schema version 1; schemas under {@code schemas/}). */
@NullMarked
package dev.warden.report.json;

import org.jspecify.annotations.NullMarked;
