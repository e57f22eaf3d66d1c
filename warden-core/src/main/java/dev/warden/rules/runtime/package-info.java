/**
 * Rules about how functions are configured to run: runtimes past their end of support (from a
 * bundled table with dates and its source), asynchronous triggers whose failures vanish, and
 * timeouts longer than any caller can wait.
 */
@NullMarked
package dev.warden.rules.runtime;

import org.jspecify.annotations.NullMarked;
