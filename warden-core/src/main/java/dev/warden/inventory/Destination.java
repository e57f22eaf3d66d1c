package dev.warden.inventory;

/**
 * Where failed (or successful) asynchronous invocations are sent: a dead-letter queue or an
 * on-failure / on-success destination. {@code type} is the target service ({@code sqs}, {@code
 * sns}, {@code lambda}, {@code events}, {@code s3}).
 */
public record Destination(String type, SymbolicText target, SourceLocation at) {}
