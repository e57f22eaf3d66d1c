package dev.warden.iam;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys of one request and their values. Keys are matched without regard to case. A
 * single-valued key holds one value; a multivalued key ({@code aws:TagKeys}) holds a set, which
 * only the set operators {@code ForAllValues:} and {@code ForAnyValue:} compare.
 */
public final class RequestContext {

  private final Map<String, List<String>> values;
  private final Set<String> multivalued;

  private RequestContext(Map<String, List<String>> lowerKeyValues, Set<String> lowerMultivalued) {
    this.values = lowerKeyValues;
    this.multivalued = lowerMultivalued;
  }

  public static RequestContext empty() {
    return new RequestContext(Map.of(), Set.of());
  }

  /** A context of single-valued keys as written, each with its one value. */
  public static RequestContext of(Map<String, List<String>> keyValues) {
    return of(keyValues, Set.of());
  }

  /**
   * A context from keys as written; each key holds its list of values, and the keys named in {@code
   * multivaluedKeys} hold sets.
   */
  public static RequestContext of(
      Map<String, List<String>> keyValues, Set<String> multivaluedKeys) {
    Map<String, List<String>> lower = new HashMap<>();
    keyValues.forEach((key, value) -> lower.put(lower(key), List.copyOf(value)));
    Set<String> multi = new HashSet<>();
    multivaluedKeys.forEach(key -> multi.add(lower(key)));
    return new RequestContext(lower, multi);
  }

  /** This context with more single-valued keys, which win over keys of the same name. */
  public RequestContext with(Map<String, List<String>> more) {
    Map<String, List<String>> merged = new HashMap<>(values);
    Set<String> multi = new HashSet<>(multivalued);
    more.forEach(
        (key, value) -> {
          merged.put(lower(key), List.copyOf(value));
          multi.remove(lower(key));
        });
    return new RequestContext(merged, multi);
  }

  /** The values of a key (lower case), or empty when the request does not have it. */
  public Optional<List<String>> values(String lowerKey) {
    return Optional.ofNullable(values.get(lowerKey));
  }

  /** The value of a single-valued key, as policy variables need; empty for sets. */
  public Optional<String> single(String lowerKey) {
    List<String> found = values.get(lowerKey);
    return found == null || found.size() != 1 || multivalued.contains(lowerKey)
        ? Optional.empty()
        : Optional.of(found.get(0));
  }

  public boolean has(String lowerKey) {
    return values.containsKey(lowerKey);
  }

  /** True when the key (lower case) holds a set of values. */
  public boolean isMultivalued(String lowerKey) {
    return multivalued.contains(lowerKey);
  }

  private static String lower(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}
