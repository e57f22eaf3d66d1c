/**
 * JavaScript and TypeScript source, read well enough to find AWS SDK calls: a tokenizer that knows
 * strings, template literals, comments and regular-expression literals, and a reader of aws-sdk v2
 * ({@code new AWS.S3().getObject}, {@code DocumentClient}) and v3 ({@code new GetObjectCommand},
 * {@code @aws-sdk/lib-dynamodb}) usage through {@code require} and {@code import} bindings.
 *
 * <p>Limits, by design: one namespace per module, no control flow (a name given different values is
 * unknown where it is used), no types (TypeScript type annotations are skipped as names), a v3
 * command counts as called where it is constructed; a request object built in a variable and passed
 * by name gives the operation without its resource; local modules are those required or imported by
 * a relative path (no TypeScript path aliases, no bundler configuration).
 */
@NullMarked
package dev.warden.code.javascript;

import org.jspecify.annotations.NullMarked;
