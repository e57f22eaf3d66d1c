/**
 * The report in SARIF 2.1.0, for code-scanning services (GitHub code scanning and others): one run,
 * every rule with help text and a {@code security-severity} so the service can rank it, and every
 * finding with its place, level and a fingerprint that stays the same across runs.
 */
@NullMarked
package dev.warden.report.sarif;

import org.jspecify.annotations.NullMarked;
