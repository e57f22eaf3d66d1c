package dev.warden.code;

import dev.warden.inventory.SourceLocation;
import java.util.List;

/**
 * Event data that reaches a dangerous sink in a function's code.
 *
 * @param kind {@code command}, {@code code}, {@code deserialisation}, or {@code log} (the whole
 *     event written to the logs)
 * @param sink the call, as written ({@code os.system}, {@code yaml.load}, {@code execSync})
 * @param path the names the data went through, from the event to the sink's argument
 */
public record Injection(String kind, String sink, SourceLocation at, List<String> path) {
  public Injection {
    path = List.copyOf(path);
  }
}
