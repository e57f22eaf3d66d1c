package dev.warden.inventory;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A suppression written in a template, in a resource's {@code Metadata.warden.suppress}: the
 * findings of {@code rule} about that resource are accepted, for {@code reason}, until {@code
 * expires} when it is given.
 *
 * @param resource the logical id of the resource whose Metadata holds it
 * @param rule a rule id ({@code WDN-API-001})
 */
public record InlineSuppression(
    String resource, String rule, String reason, Optional<LocalDate> expires, SourceLocation at) {}
