package dev.warden.rules.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.inventory.Cloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bundled table of runtimes and the dates they lose support, with its source and retrieval date:
 * Lambda's ({@code lambda-runtimes.json}) and Google Cloud Functions' ({@code gcp-runtimes.json}).
 */
final class LambdaRuntimes {

  record Entry(String id, LocalDate deprecated, String upgrade) {}

  private static final LambdaRuntimes BUNDLED = load("lambda-runtimes.json");
  private static final LambdaRuntimes GCP = load("gcp-runtimes.json");

  private final Map<String, Entry> byId;
  private final String source;
  private final LocalDate retrieved;

  private LambdaRuntimes(Map<String, Entry> byId, String source, LocalDate retrieved) {
    this.byId = Map.copyOf(byId);
    this.source = source;
    this.retrieved = retrieved;
  }

  static LambdaRuntimes bundled() {
    return BUNDLED;
  }

  /** The table of the cloud's runtimes; empty for a cloud without one bundled (Azure). */
  static Optional<LambdaRuntimes> of(Cloud cloud) {
    return switch (cloud) {
      case AWS -> Optional.of(BUNDLED);
      case GCP -> Optional.of(GCP);
      case AZURE -> Optional.empty();
    };
  }

  Optional<Entry> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  String source() {
    return source;
  }

  LocalDate retrieved() {
    return retrieved;
  }

  private static LambdaRuntimes load(String resource) {
    try (InputStream in = LambdaRuntimes.class.getResourceAsStream(resource)) {
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Entry> byId = new HashMap<>();
      for (JsonNode runtime : root.get("runtimes")) {
        String id = runtime.get("id").asText();
        byId.put(
            id,
            new Entry(
                id,
                LocalDate.parse(runtime.get("deprecated").asText()),
                runtime.get("upgrade").asText()));
      }
      return new LambdaRuntimes(
          byId, root.get("source").asText(), LocalDate.parse(root.get("retrieved").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled runtime table cannot be read", e);
    }
  }
}
