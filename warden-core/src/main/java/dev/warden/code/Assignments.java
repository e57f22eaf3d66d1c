package dev.warden.code;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The values a module assigns to each name, to find the names it gives different argument values
 * (in branches, a switch, a loop): such a name may hold any of them where it is used, so a reader
 * must treat it as unknown rather than keep the first or the last value.
 */
public final class Assignments {

  private final Map<String, Set<Object>> assigned = new HashMap<>();

  /** Records an assignment: an {@link ArgValue}, or any other object for a non-argument value. */
  public void record(String name, Object value) {
    assigned.computeIfAbsent(name, k -> new HashSet<>()).add(value);
  }

  /** The names given more than one value, at least one of them an argument value. */
  public Set<String> ambiguous() {
    Set<String> found = new HashSet<>();
    assigned.forEach(
        (name, values) -> {
          if (values.size() > 1 && values.stream().anyMatch(ArgValue.class::isInstance)) {
            found.add(name);
          }
        });
    return found;
  }
}
