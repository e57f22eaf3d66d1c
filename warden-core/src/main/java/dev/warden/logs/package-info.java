/**
 * Audit logs: AWS CloudTrail read as a stream (files as delivered to S3, JSON Lines exports,
 * gzipped or not, folders of them, standard input), split across cores with memory that does not
 * grow with the input, and counted ({@code warden logs stats}). Bad records are skipped and counted
 * with their file and line.
 */
@NullMarked
package dev.warden.logs;

import org.jspecify.annotations.NullMarked;
