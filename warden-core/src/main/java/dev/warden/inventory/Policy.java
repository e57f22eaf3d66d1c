package dev.warden.inventory;

import java.util.Optional;

/**
 * A policy document attached to a role, resolved: intrinsics evaluated, SAM templates expanded.
 *
 * @param name the policy's name, SAM template name or managed policy name
 * @param arn the managed policy's ARN, for managed policies
 * @param document the IAM policy document
 * @param at where the policy is attached in the definition
 */
public record Policy(
    String name, PolicyKind kind, Optional<SymbolicText> arn, Value document, SourceLocation at) {}
