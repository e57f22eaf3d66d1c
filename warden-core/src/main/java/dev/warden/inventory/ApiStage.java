package dev.warden.inventory;

import java.util.Optional;

/**
 * A deployed stage of an API, with what decides its observability and its cost under load.
 *
 * @param loggingLevel execution logging ({@code OFF}, {@code ERROR}, {@code INFO}) for all routes
 * @param dataTrace true when full requests and responses are logged
 * @param accessLogDestination where access logs go, when they are on
 * @param throttlingBurstLimit the stage-wide burst limit, when one is set
 * @param throttlingRateLimit the stage-wide steady rate limit (requests per second), when set
 */
public record ApiStage(
    String name,
    boolean tracing,
    Optional<String> loggingLevel,
    boolean dataTrace,
    Optional<SymbolicText> accessLogDestination,
    Optional<Integer> throttlingBurstLimit,
    Optional<Double> throttlingRateLimit,
    SourceLocation at) {}
