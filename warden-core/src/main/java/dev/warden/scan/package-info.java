/**
 * The one entry point the command line, a server and end-to-end tests call: find the inputs under
 * the scanned paths, load them into an inventory, run the analyses, and return findings.
 */
@NullMarked
package dev.warden.scan;

import org.jspecify.annotations.NullMarked;
