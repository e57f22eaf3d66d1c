/**
 * Rules about what a function and its APIs leave behind to see an attack by: logs, traces, alarms.
 */
@NullMarked
package dev.warden.rules.logging;

import org.jspecify.annotations.NullMarked;
