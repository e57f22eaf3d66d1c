/** Plain-text tables for a terminal. */
@NullMarked
package dev.warden.report.console;

import org.jspecify.annotations.NullMarked;
