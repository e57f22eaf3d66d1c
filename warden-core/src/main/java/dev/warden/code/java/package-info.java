/**
 * Java source read with JavaParser to find AWS SDK for Java v2 calls: service clients ({@code
 * S3Client}, async clients) by declared type or by {@code create()}/{@code builder()...build()},
 * their operations with request builders or consumer builders, paginators, and the DynamoDB
 * Enhanced Client's tables.
 *
 * <p>Limits: no symbol solving across files (a client passed in from another class is known by its
 * declared type only), no control flow; request objects built elsewhere and passed by name give the
 * operation without its resource.
 */
@NullMarked
package dev.warden.code.java;

import org.jspecify.annotations.NullMarked;
