package dev.warden.scan;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings of an earlier JSON report, by fingerprint: with {@code --baseline} a scan reports
 * only what is new since then (the rest is listed as suppressed).
 */
public record Baseline(String file, Set<String> fingerprints) {

  public Baseline {
    fingerprints = Set.copyOf(fingerprints);
  }

  /**
   * Reads a JSON report written by {@code warden scan --format json}.
   *
   * @throws InvalidSettings when the file is not such a report
   */
  public static Baseline read(Path report, String display) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(report.toFile());
    } catch (JsonParseException e) {
      throw invalid(
          display,
          new SourceLocation(display, e.getLocation().getLineNr(), e.getLocation().getColumnNr()),
          "the baseline is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid(
          display, new SourceLocation(display, 0, 0), "cannot read it: " + e.getMessage());
    }
    if (root == null || !root.path("findings").isArray() || !root.has("schemaVersion")) {
      throw invalid(
          display,
          new SourceLocation(display, 1, 1),
          "the baseline is not a Warden JSON report (no schemaVersion and findings)");
    }
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode finding : root.get("findings")) {
      String fingerprint = finding.path("fingerprint").asText("");
      if (!fingerprint.isEmpty()) {
        fingerprints.add(fingerprint);
      }
    }
    return new Baseline(display, fingerprints);
  }

  private static InvalidSettings invalid(String display, SourceLocation at, String message) {
    return new InvalidSettings(
        display + " cannot be used as a baseline",
        List.of(
            new InputProblem(at, message, "Give a report written by warden scan --format json.")));
  }
}
