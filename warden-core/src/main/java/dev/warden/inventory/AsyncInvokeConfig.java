package dev.warden.inventory;

import java.util.Optional;

/** How Lambda retries asynchronous invocations and where it sends their outcome. */
public record AsyncInvokeConfig(
    Optional<Integer> maximumRetryAttempts,
    Optional<Integer> maximumEventAgeSeconds,
    Optional<Destination> onSuccess,
    Optional<Destination> onFailure,
    SourceLocation at) {}
