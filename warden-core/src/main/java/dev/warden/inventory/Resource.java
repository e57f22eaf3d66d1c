package dev.warden.inventory;

import java.util.Optional;

/**
 * A resource of the app that functions may reach or that delivers their events: a table, bucket,
 * queue, topic, stream, secret, key, parameter, API…
 *
 * @param type the provider's type name ({@code AWS::DynamoDB::Table})
 * @param name the resource's name, symbolic when generated at deployment
 * @param arn the resource's ARN (or provider id), symbolic where unknown
 * @param policy the resource-based policy attached to it, when there is one
 * @param properties the resolved definition, for checks that need more than the fields above
 */
public record Resource(
    String logicalId,
    String type,
    ResourceKind kind,
    SymbolicText name,
    SymbolicText arn,
    Optional<Value> policy,
    Value.Obj properties,
    SourceLocation at) {}
