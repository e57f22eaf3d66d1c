package dev.warden.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping built key by key into a {@link Value.Obj}, for loaders that compile another format into
 * the CloudFormation the CloudFormation loader reads (Terraform plans, AWS snapshots). Values are
 * {@link Value}s, nested trees or lists of values; an empty {@link Optional} or a null leaves the
 * key out.
 */
public final class ValueTree {
  private final SourceLocation at;
  private final Map<String, Object> fields = new LinkedHashMap<>();

  public ValueTree(SourceLocation at) {
    this.at = at;
  }

  public ValueTree put(String key, Object value) {
    if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> fields.put(key, v));
    } else if (value != null) {
      fields.put(key, value);
    }
    return this;
  }

  /** Adds an item to the list under {@code key}, making the list when there is none. */
  public void append(String key, Value item) {
    Object existing = fields.get(key);
    List<Value> items = new ArrayList<>();
    if (existing instanceof Value v) {
      items.addAll(v.asList());
    } else if (existing instanceof List<?> list) {
      list.forEach(o -> items.add((Value) o));
    }
    items.add(item);
    fields.put(key, items);
  }

  /** The tree under {@code Properties}, made when there is none. */
  public ValueTree properties() {
    Object p = fields.get("Properties");
    if (p instanceof ValueTree tree) {
      return tree;
    }
    ValueTree tree = new ValueTree(at);
    fields.put("Properties", tree);
    return tree;
  }

  public Value.Obj build() {
    List<Value.Field> built = new ArrayList<>();
    fields.forEach(
        (key, value) -> {
          Value v =
              value instanceof ValueTree t
                  ? t.build()
                  : value instanceof List<?> list
                      ? new Value.Seq(list.stream().map(o -> (Value) o).toList(), at)
                      : (Value) value;
          built.add(new Value.Field(key, v.at(), v));
        });
    return new Value.Obj(built, at);
  }
}
