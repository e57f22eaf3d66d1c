package dev.warden.inventory.sam;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.util.Optional;

/**
 * One entry of a template's {@code Resources}, unresolved.
 *
 * @param properties the {@code Properties} mapping (empty when absent)
 * @param condition the name of the condition that decides whether it is created
 * @param at where its logical id is written
 */
record TemplateResource(
    String logicalId,
    String type,
    Value.Obj definition,
    Value.Obj properties,
    Optional<String> condition,
    SourceLocation at) {

  TemplateResource withProperties(Value.Obj replaced) {
    return new TemplateResource(logicalId, type, definition, replaced, condition, at);
  }
}
