/**
 * Reports: the JSON contract for machines and tables for people, written from a scan's results.
 * Reads results only; never changes them.
 */
@NullMarked
package dev.warden.report;

import org.jspecify.annotations.NullMarked;
