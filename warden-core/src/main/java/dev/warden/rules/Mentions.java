package dev.warden.rules;

import dev.warden.inventory.App;
import dev.warden.inventory.Resource;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;

/**
 * Whether other resources of a template point at a resource: a WAF association naming an API, an
 * alarm whose dimensions name a function, a usage plan listing a stage. A reference is a symbol of
 * the logical id ({@code ${ShopApi}}, {@code ${ShopApi.Arn}}) anywhere in the properties.
 */
public final class Mentions {

  private Mentions() {}

  /** True when a resource of {@code type} in the app refers to {@code logicalId}. */
  public static boolean anyOfType(App app, RuleContext context, String logicalId, String type) {
    for (Resource resource : context.index(app).ofType(type)) {
      if (mentions(resource.properties(), logicalId)) {
        return true;
      }
    }
    return false;
  }

  /** True when the value refers to {@code logicalId} anywhere inside. */
  public static boolean mentions(Value value, String logicalId) {
    if (value instanceof Value.Str text) {
      return refersTo(text.text(), logicalId);
    }
    if (value instanceof Value.Seq seq) {
      return seq.items().stream().anyMatch(item -> mentions(item, logicalId));
    }
    if (value instanceof Value.Obj obj) {
      return obj.fields().stream().anyMatch(field -> mentions(field.value(), logicalId));
    }
    return false;
  }

  private static boolean refersTo(SymbolicText text, String logicalId) {
    for (String symbol : text.symbols()) {
      if (symbol.equals(logicalId) || symbol.startsWith(logicalId + ".")) {
        return true;
      }
    }
    return false;
  }
}
