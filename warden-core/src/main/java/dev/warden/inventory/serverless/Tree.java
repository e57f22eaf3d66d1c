package dev.warden.inventory.serverless;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the nodes of the compiled template, each placed at the {@code serverless.yml} line it
 * comes from.
 */
final class Tree {

  private Tree() {}

  /** A mapping built key by key; keys given a null value are left out. */
  static final class Builder {
    private final List<Value.Field> fields = new ArrayList<>();
    private final SourceLocation at;

    Builder(SourceLocation at) {
      this.at = at;
    }

    Builder put(String key, Value value) {
      if (value != null) {
        fields.removeIf(f -> f.key().equals(key));
        fields.add(new Value.Field(key, value.at(), value));
      }
      return this;
    }

    Builder put(String key, Optional<? extends Value> value) {
      value.ifPresent(v -> put(key, v));
      return this;
    }

    Builder put(String key, String text) {
      return put(key, str(text, at));
    }

    boolean has(String key) {
      return fields.stream().anyMatch(f -> f.key().equals(key));
    }

    boolean isEmpty() {
      return fields.isEmpty();
    }

    Value.Obj build() {
      return new Value.Obj(fields, at);
    }
  }

  static Builder obj(SourceLocation at) {
    return new Builder(at);
  }

  static Value.Str str(String text, SourceLocation at) {
    return Value.Str.of(text, at);
  }

  static Value.Seq seq(SourceLocation at, List<? extends Value> items) {
    return new Value.Seq(new ArrayList<>(items), at);
  }

  static Value.Obj ref(String logicalId, SourceLocation at) {
    return obj(at).put("Ref", str(logicalId, at)).build();
  }

  static Value.Obj getAtt(String logicalId, String attribute, SourceLocation at) {
    return obj(at)
        .put("Fn::GetAtt", seq(at, List.of(str(logicalId, at), str(attribute, at))))
        .build();
  }

  static Value.Obj sub(String template, SourceLocation at) {
    return obj(at).put("Fn::Sub", str(template, at)).build();
  }

  /** A value's text when known; {@code fallback} otherwise. */
  static String text(Optional<Value> value, String fallback) {
    return value.flatMap(Value::asString).orElse(fallback);
  }

  /** Text that is part known, part {@code ${symbol}} — as a string value. */
  static Value.Str symbolic(SymbolicText text, SourceLocation at) {
    return new Value.Str(text, at);
  }
}
