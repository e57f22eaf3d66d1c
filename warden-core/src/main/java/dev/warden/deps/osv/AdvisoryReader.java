package dev.warden.deps.osv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OSV JSON into {@link Advisory}. Unknown fields are ignored (the schema only adds fields
 * between minor versions); a record without an id, or with events that are not one-key objects, is
 * refused with a message naming the file and what is wrong.
 */
public final class AdvisoryReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> EVENTS = Set.of("introduced", "fixed", "last_affected", "limit");

  private AdvisoryReader() {}

  /** Thrown for a record that breaks the schema. */
  public static final class InvalidAdvisory extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidAdvisory(String message) {
      super(message);
    }
  }

  /**
   * The record in the OSV format again, with only what {@link #read} keeps: id, aliases, summary,
   * modified, withdrawn, severity, CWE ids and the affected packages with their ranges and
   * versions. The index stores this form (details and references make most of a record's size, and
   * reading them again at every lookup made matching slow); it reads back to the same advisory.
   */
  public static String compact(Advisory advisory) {
    com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
    root.put("id", advisory.id());
    root.put("modified", advisory.modified());
    advisory.withdrawn().ifPresent(w -> root.put("withdrawn", w));
    if (!advisory.aliases().isEmpty()) {
      advisory.aliases().forEach(root.putArray("aliases")::add);
    }
    if (!advisory.summary().isEmpty()) {
      root.put("summary", advisory.summary());
    }
    com.fasterxml.jackson.databind.node.ArrayNode severity = JSON.createArrayNode();
    com.fasterxml.jackson.databind.node.ObjectNode specific = JSON.createObjectNode();
    for (Advisory.Severity entry : advisory.severity()) {
      if (entry.type().equals(Advisory.DATABASE_RATING)) {
        specific.put("severity", entry.score());
      } else {
        severity.addObject().put("type", entry.type()).put("score", entry.score());
      }
    }
    if (!severity.isEmpty()) {
      root.set("severity", severity);
    }
    if (!advisory.weaknesses().isEmpty()) {
      advisory.weaknesses().forEach(specific.putArray("cwe_ids")::add);
    }
    if (!specific.isEmpty()) {
      root.set("database_specific", specific);
    }
    com.fasterxml.jackson.databind.node.ArrayNode affected = root.putArray("affected");
    for (Advisory.Affected entry : advisory.affected()) {
      com.fasterxml.jackson.databind.node.ObjectNode one = affected.addObject();
      one.putObject("package").put("ecosystem", entry.ecosystem()).put("name", entry.name());
      if (!entry.ranges().isEmpty()) {
        com.fasterxml.jackson.databind.node.ArrayNode ranges = one.putArray("ranges");
        for (Advisory.Range range : entry.ranges()) {
          com.fasterxml.jackson.databind.node.ObjectNode r = ranges.addObject();
          r.put("type", range.type());
          com.fasterxml.jackson.databind.node.ArrayNode events = r.putArray("events");
          for (Advisory.Event event : range.events()) {
            events.addObject().put(event.kind(), event.version());
          }
        }
      }
      if (!entry.versions().isEmpty()) {
        entry.versions().forEach(one.putArray("versions")::add);
      }
    }
    return root.toString();
  }

  public static Advisory read(String file, String json) throws InvalidAdvisory {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidAdvisory(
          file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("id").isTextual()) {
      throw new InvalidAdvisory(file + ": an OSV record is an object with an \"id\"");
    }
    String id = root.get("id").asText();
    List<String> aliases = new ArrayList<>();
    root.path("aliases").forEach(a -> aliases.add(a.asText()));
    List<Advisory.Severity> severity = new ArrayList<>();
    root.path("severity")
        .forEach(
            s ->
                severity.add(
                    new Advisory.Severity(s.path("type").asText(), s.path("score").asText())));
    List<String> weaknesses = new ArrayList<>();
    root.path("database_specific").path("cwe_ids").forEach(c -> weaknesses.add(c.asText()));
    JsonNode rated = root.path("database_specific").path("severity");
    if (rated.isTextual()) {
      severity.add(new Advisory.Severity(Advisory.DATABASE_RATING, rated.asText()));
    }
    List<Advisory.Affected> affected = new ArrayList<>();
    for (JsonNode entry : root.path("affected")) {
      JsonNode pkg = entry.path("package");
      if (!pkg.path("ecosystem").isTextual() || !pkg.path("name").isTextual()) {
        throw new InvalidAdvisory(
            file + ": " + id + ": an affected entry needs package.ecosystem and package.name");
      }
      List<Advisory.Range> ranges = new ArrayList<>();
      for (JsonNode range : entry.path("ranges")) {
        List<Advisory.Event> events = new ArrayList<>();
        for (JsonNode event : range.path("events")) {
          if (!event.isObject() || event.size() != 1) {
            throw new InvalidAdvisory(
                file + ": " + id + ": each range event is an object with one key");
          }
          String kind = event.fieldNames().next();
          if (!EVENTS.contains(kind)) {
            throw new InvalidAdvisory(file + ": " + id + ": unknown range event \"" + kind + "\"");
          }
          events.add(new Advisory.Event(kind, event.get(kind).asText()));
        }
        ranges.add(new Advisory.Range(range.path("type").asText(), events));
      }
      List<String> versions = new ArrayList<>();
      entry.path("versions").forEach(v -> versions.add(v.asText()));
      entry
          .path("severity")
          .forEach(
              s ->
                  severity.add(
                      new Advisory.Severity(s.path("type").asText(), s.path("score").asText())));
      affected.add(
          new Advisory.Affected(
              pkg.get("ecosystem").asText(), pkg.get("name").asText(), ranges, versions));
    }
    return new Advisory(
        id,
        aliases,
        root.path("summary").asText(""),
        root.path("modified").asText(""),
        root.path("withdrawn").isTextual()
            ? Optional.of(root.get("withdrawn").asText())
            : Optional.empty(),
        severity,
        affected,
        weaknesses);
  }
}
