package dev.warden.code;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The values a module assigns to each name, to find the names it gives different argument values
 * (in branches, a switch, a loop): such a name may hold any of them where it is used, so a reader
 * must treat it as unknown rather than keep the first or the last value. {@link #read} runs a
 * reading, and again with those names unknown when there are any.
 */
public final class Assignments {

  private final Map<String, Set<Object>> assigned = new HashMap<>();
  private final Set<String> unknown;

  private Assignments(Set<String> unknown) {
    this.unknown = Set.copyOf(unknown);
  }

  /**
   * Reads once; when the reading gave a name different values, reads again with those names
   * unknown. {@code used} gives the assignments a reading recorded.
   */
  public static <R> R read(Function<Assignments, R> reading, Function<R, Assignments> used) {
    R first = reading.apply(new Assignments(Set.of()));
    Set<String> ambiguous = used.apply(first).ambiguous();
    return ambiguous.isEmpty() ? first : reading.apply(new Assignments(ambiguous));
  }

  /** Records an assignment: an {@link ArgValue}, or any other object for a non-argument value. */
  public void record(String name, Object value) {
    assigned.computeIfAbsent(name, k -> new HashSet<>()).add(value);
  }

  /** True when an earlier reading found the name given different values. */
  public boolean isUnknown(String name) {
    return unknown.contains(name);
  }

  /** The names given more than one value, at least one of them an argument value. */
  Set<String> ambiguous() {
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
