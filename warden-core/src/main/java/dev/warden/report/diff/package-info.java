/** Comparing two Warden JSON reports: new, fixed and changed findings, and risk-score moves. */
@NullMarked
package dev.warden.report.diff;

import org.jspecify.annotations.NullMarked;
