package dev.warden.scan;

import dev.warden.inventory.document.ReadLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What to scan and how.
 *
 * @param paths files or folders; folders are searched for inputs
 * @param parameters template parameter values by name, like {@code --parameter-overrides}
 * @param stage the Serverless Framework stage ({@code --stage}); null for the configuration's own
 */
public record ScanRequest(
    List<Path> paths, Map<String, String> parameters, ReadLimits limits, @Nullable String stage) {
  public ScanRequest {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("nothing to scan");
    }
    paths = List.copyOf(paths);
    parameters = Map.copyOf(new TreeMap<>(parameters));
  }

  public ScanRequest(List<Path> paths, Map<String, String> parameters, ReadLimits limits) {
    this(paths, parameters, limits, null);
  }

  public static ScanRequest of(Path... paths) {
    return new ScanRequest(List.of(paths), Map.of(), ReadLimits.DEFAULT);
  }
}
