package dev.warden.code;

import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event data that reaches a dangerous sink in a function's code.
 *
 * @param kind {@code command}, {@code code}, {@code deserialisation}, {@code sql}, {@code nosql},
 *     {@code xxe}, {@code path}, {@code ssrf}, or {@code log} (the whole event written to the logs)
 * @param sink the call, as written ({@code os.system}, {@code yaml.load}, {@code execSync})
 * @param path the names the data went through, from the event to the sink's argument
 */
public record Injection(String kind, String sink, SourceLocation at, List<String> path) {
  public Injection {
    path = List.copyOf(path);
  }

  /**
   * An injection whose path is read back from a taint map: each tainted name with the name it was
   * tainted from ({@code ""} for the event itself), starting at {@code from}.
   */
  public static Injection traced(
      String kind, String sink, SourceLocation at, Map<String, String> tainted, String from) {
    List<String> path = new ArrayList<>();
    String name = from;
    while (name != null && !path.contains(name)) {
      path.add(0, name);
      String origin = tainted.get(name);
      name = origin == null || origin.isEmpty() ? null : origin;
    }
    return new Injection(kind, sink, at, path);
  }
}
