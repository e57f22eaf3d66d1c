package dev.warden.iam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The condition keys of one request and their values. Keys are matched without regard to case; a
 * key holds one value or, for multivalued keys ({@code aws:TagKeys}), several.
 */
public final class RequestContext {

  private final Map<String, List<String>> values;

  private RequestContext(Map<String, List<String>> lowerKeyValues) {
    this.values = lowerKeyValues;
  }

  public static RequestContext empty() {
    return new RequestContext(Map.of());
  }

  /** A context from keys as written; each key holds its list of values. */
  public static RequestContext of(Map<String, List<String>> keyValues) {
    Map<String, List<String>> lower = new HashMap<>();
    keyValues.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), List.copyOf(value)));
    return new RequestContext(lower);
  }

  /** This context with more keys, which win over keys of the same name. */
  public RequestContext with(Map<String, List<String>> more) {
    Map<String, List<String>> merged = new HashMap<>(values);
    more.forEach((key, value) -> merged.put(key.toLowerCase(Locale.ROOT), List.copyOf(value)));
    return new RequestContext(merged);
  }

  /** The values of a key (lower case), or empty when the request does not have it. */
  public Optional<List<String>> values(String lowerKey) {
    return Optional.ofNullable(values.get(lowerKey));
  }

  /** The value of a key when it has exactly one, as policy variables need. */
  public Optional<String> single(String lowerKey) {
    List<String> found = values.get(lowerKey);
    return found == null || found.size() != 1 ? Optional.empty() : Optional.of(found.get(0));
  }

  public boolean has(String lowerKey) {
    return values.containsKey(lowerKey);
  }
}
