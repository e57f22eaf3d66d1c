/**
 * Python source, read well enough to find AWS calls: a tokenizer that knows strings (all quote
 * styles and prefixes), comments, brackets and line joins, and a reader of boto3 usage that tracks
 * names bound to clients, resources, resource objects, environment variables and literals.
 *
 * <p>Limits, by design: one namespace per module (a name bound in any function is known in all), no
 * control flow (every call found counts; a name given different values anywhere in the module is
 * unknown wherever it is used, never one of its values), no types (a client passed as a parameter
 * is not followed), no evaluation beyond literals, environment lookups and simple concatenation;
 * values inside dicts ({@code RequestItems={table: …}}, {@code ExtraArgs={"ACL": …}}) are not read;
 * local imports only (relative, or modules under the code location).
 */
@NullMarked
package dev.warden.code.python;

import org.jspecify.annotations.NullMarked;
