package dev.warden.inventory.azure;

import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bindings of a {@code function.json} (or of an ARM/Terraform function {@code config}). */
final class FunctionJson {

  private FunctionJson() {}

  /** One binding: its {@code type} and its scalar settings ({@code methods} joined with commas). */
  static Optional<AzureBindings.Binding> binding(Value.Obj binding) {
    Optional<String> type = binding.get("type").flatMap(Value::asString);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (Value.Field field : binding.fields()) {
      if (field.value() instanceof Value.Seq seq) {
        List<String> items = new ArrayList<>();
        seq.items().forEach(i -> i.asString().ifPresent(items::add));
        settings.put(field.key(), String.join(",", items));
      } else {
        field.value().asString().ifPresent(v -> settings.put(field.key(), v));
      }
    }
    return Optional.of(new AzureBindings.Binding(type.get(), settings, binding.at()));
  }

  /** The trigger bindings of a function.json document. */
  static List<AzureBindings.Binding> triggers(Value document) {
    List<AzureBindings.Binding> triggers = new ArrayList<>();
    if (document instanceof Value.Obj obj) {
      for (Value item : obj.list("bindings")) {
        item.asObj()
            .flatMap(FunctionJson::binding)
            .filter(b -> AzureBindings.isTrigger(b.type()))
            .ifPresent(triggers::add);
      }
    }
    return triggers;
  }
}
