/**
 * The {@code warden} command: picocli commands, the wiring of core objects, output files and exit
 * codes. Only {@link dev.warden.cli.Main#main} calls {@code System.exit}.
 */
@NullMarked
package dev.warden.cli;

import org.jspecify.annotations.NullMarked;
