/**
 * Recognises secrets in values Warden reads (environment variables, parameter defaults, later code
 * and layers) and masks them: known token formats, suspicious names with secret-looking values, and
 * high-entropy strings, with the usual false positives (references, placeholders, ARNs, paths,
 * dynamic references) ruled out. A secret is never kept or printed in full: a {@link SecretMatch}
 * carries its kind, a short masked prefix and a hash by which it can be recognised.
 */
@NullMarked
package dev.warden.secrets;

import org.jspecify.annotations.NullMarked;
