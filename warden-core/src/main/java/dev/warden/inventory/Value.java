package dev.warden.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A YAML or JSON value as read from a file, every node with its location. Loaders read their input
 * into this tree; values resolved from templates keep the same shape with {@link SymbolicText}
 * where something is unknown until deployment. Policy documents in the model are values of this
 * kind.
 */
public sealed interface Value {

  SourceLocation at();

  /** A string (known or partly unknown). */
  record Str(SymbolicText text, SourceLocation at) implements Value {
    public static Str of(String text, SourceLocation at) {
      return new Str(SymbolicText.of(text), at);
    }
  }

  /** A number, kept as written so that it prints back unchanged. */
  record Num(String lexeme, SourceLocation at) implements Value {}

  record Bool(boolean value, SourceLocation at) implements Value {}

  /** An explicit null ({@code ~}, {@code null} or an empty YAML value). */
  record Nil(SourceLocation at) implements Value {}

  record Seq(List<Value> items, SourceLocation at) implements Value {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** A mapping, in the order its keys were written. Keys are unique. */
  record Obj(List<Field> fields, SourceLocation at) implements Value {
    public Obj {
      fields = List.copyOf(fields);
    }

    public Optional<Value> get(String key) {
      int at = indexOf(key);
      return at < 0 ? Optional.empty() : Optional.of(fields.get(at).value());
    }

    public Optional<Field> field(String key) {
      int at = indexOf(key);
      return at < 0 ? Optional.empty() : Optional.of(fields.get(at));
    }

    public boolean has(String key) {
      return indexOf(key) >= 0;
    }

    // An indexed loop: mappings are small, and this runs for every property read.
    private int indexOf(String key) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).key().equals(key)) {
          return i;
        }
      }
      return -1;
    }

    public List<String> keys() {
      List<String> keys = new ArrayList<>(fields.size());
      for (Field field : fields) {
        keys.add(field.key());
      }
      return keys;
    }

    /** The nested mapping under {@code key}, when there is one. */
    public Optional<Obj> obj(String key) {
      return get(key).flatMap(Value::asObj);
    }

    /** The string, number or boolean under {@code key}, as text. */
    public Optional<SymbolicText> text(String key) {
      return get(key).flatMap(Value::asText);
    }

    /** The value under {@code key} as a list: a lone value becomes a list of one. */
    public List<Value> list(String key) {
      return get(key).map(Value::asList).orElse(List.of());
    }

    /** The mappings in the list under {@code key} (other items left out). */
    public List<Obj> objects(String key) {
      return list(key).stream().flatMap(v -> v.asObj().stream()).toList();
    }
  }

  /** One key of a mapping, with where the key itself was written. */
  record Field(String key, SourceLocation keyAt, Value value) {}

  /** Scalars as text: strings as they are, numbers as written, booleans as true/false. */
  default Optional<SymbolicText> asText() {
    if (this instanceof Str str) {
      return Optional.of(str.text());
    }
    if (this instanceof Num num) {
      return Optional.of(SymbolicText.of(num.lexeme()));
    }
    if (this instanceof Bool bool) {
      return Optional.of(SymbolicText.of(Boolean.toString(bool.value())));
    }
    return Optional.empty();
  }

  /** The scalar as known text; empty when it is unknown or not a scalar. */
  default Optional<String> asString() {
    return asText().flatMap(SymbolicText::concrete);
  }

  default Optional<Obj> asObj() {
    return this instanceof Obj obj ? Optional.of(obj) : Optional.empty();
  }

  default Optional<Seq> asSeq() {
    return this instanceof Seq seq ? Optional.of(seq) : Optional.empty();
  }

  /** A sequence's items, or this value alone (null gives an empty list). */
  default List<Value> asList() {
    if (this instanceof Seq seq) {
      return seq.items();
    }
    if (this instanceof Nil) {
      return List.of();
    }
    return List.of(this);
  }

  /** Integer value of a number or of a numeric string, when it is known. */
  default Optional<Long> asLong() {
    return asString()
        .flatMap(
            s -> {
              try {
                return Optional.of(Long.parseLong(s.trim()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** Boolean value of a boolean or of the strings true/false (any case), when known. */
  default Optional<Boolean> asBoolean() {
    if (this instanceof Bool bool) {
      return Optional.of(bool.value());
    }
    return asString()
        .flatMap(
            s -> {
              if (s.equalsIgnoreCase("true")) {
                return Optional.of(true);
              }
              if (s.equalsIgnoreCase("false")) {
                return Optional.of(false);
              }
              return Optional.empty();
            });
  }

  /** A short description of the kind of value, for messages: "a string", "a list". */
  default String kindName() {
    if (this instanceof Str) {
      return "a string";
    }
    if (this instanceof Num) {
      return "a number";
    }
    if (this instanceof Bool) {
      return "a boolean";
    }
    if (this instanceof Nil) {
      return "null";
    }
    if (this instanceof Seq) {
      return "a list";
    }
    return "a mapping";
  }
}
