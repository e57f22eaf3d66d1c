package dev.warden.inventory;

import java.util.Optional;

/** A function's dedicated HTTPS endpoint. {@code auth} is {@link Auth#NONE} or {@link Auth#IAM}. */
public record FunctionUrl(
    Auth auth,
    Optional<Cors> cors,
    String invokeMode,
    Optional<String> qualifier,
    SourceLocation at) {}
