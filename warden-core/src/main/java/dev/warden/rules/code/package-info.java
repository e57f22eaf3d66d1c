/**
 * Rules about what a function's own code does with its event: event data reaching commands, code
 * evaluation or deserialisation, and whole events written to the logs.
 */
@NullMarked
package dev.warden.rules.code;

import org.jspecify.annotations.NullMarked;
