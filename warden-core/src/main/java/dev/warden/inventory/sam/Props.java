package dev.warden.inventory.sam;

import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads of resolved properties. */
final class Props {
  private Props() {}

  static Optional<String> string(Value.Obj obj, String key) {
    return obj.get(key).flatMap(Value::asString);
  }

  static Optional<SymbolicText> text(Value.Obj obj, String key) {
    return obj.get(key).flatMap(Value::asText).filter(t -> !t.isEmpty());
  }

  static Optional<Integer> integer(Value.Obj obj, String key) {
    return obj.get(key).flatMap(Value::asLong).map(Long::intValue);
  }

  static Optional<Boolean> bool(Value.Obj obj, String key) {
    return obj.get(key).flatMap(Value::asBoolean);
  }

  static Value.Obj obj(Value.Obj obj, String key) {
    return obj.obj(key).orElseGet(() -> new Value.Obj(List.of(), obj.at()));
  }

  /** The texts of a list property (a lone value counts as a list of one). */
  static List<SymbolicText> texts(Value.Obj obj, String key) {
    List<SymbolicText> texts = new ArrayList<>();
    for (Value item : obj.list(key)) {
      item.asText().ifPresent(texts::add);
    }
    return texts;
  }

  static List<String> strings(Value.Obj obj, String key) {
    List<String> strings = new ArrayList<>();
    for (SymbolicText text : texts(obj, key)) {
      strings.add(text.toString());
    }
    return strings;
  }

  static dev.warden.inventory.SourceLocation at(Value.Obj obj, String key) {
    return obj.field(key).map(Value.Field::keyAt).orElse(obj.at());
  }
}
