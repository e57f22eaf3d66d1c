/**
 * JavaScript and TypeScript source, read well enough to find AWS SDK calls: a tokenizer that knows
 * strings, template literals, comments and regular-expression literals, and a reader of aws-sdk v2
 * ({@code new AWS.S3().getObject}, {@code DocumentClient}) and v3 ({@code new GetObjectCommand},
 * {@code @aws-sdk/lib-dynamodb}) usage through {@code require} and {@code import} bindings.
 *
 * <p>Limits, by design: one namespace per module, no control flow, no types (TypeScript type
 * annotations are skipped as names), a v3 command counts as called where it is constructed.
 */
@NullMarked
package dev.warden.code.javascript;

import org.jspecify.annotations.NullMarked;
