/**
 * Packages installed in a function's code (a vendored {@code node_modules}, Python packages beside
 * the handler with their {@code .dist-info}) and what their code does that malicious packages do:
 * install scripts, reading the whole environment or credential files and sending them out,
 * downloading and running code, decoding and running hidden code, obfuscation, raw IP addresses and
 * paste or webhook sites.
 */
@NullMarked
package dev.warden.deps.installed;

import org.jspecify.annotations.NullMarked;
