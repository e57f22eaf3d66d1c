package dev.warden.inventory;

import java.util.Optional;

/**
 * An API authorizer.
 *
 * @param type what it checks
 * @param provider the Lambda function, user pool or token issuer it relies on
 */
public record Authorizer(
    String name, Auth type, Optional<SymbolicText> provider, SourceLocation at) {}
