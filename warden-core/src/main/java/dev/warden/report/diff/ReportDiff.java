package dev.warden.report.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed between two Warden JSON reports of the same app or account: findings new in the
 * second, fixed since the first, and changed (same fingerprint, other severity or message); the
 * functions whose risk score moved, and the functions that appeared or went. Findings are matched
 * by fingerprint (rule, function id, subject), which survives edits elsewhere in a file and, for
 * live snapshots, identifies functions by their ARN.
 */
public final class ReportDiff {

  /** One finding as the report gives it. */
  public record Item(
      String fingerprint,
      String ruleId,
      String severity,
      String function,
      String location,
      String message) {}

  /** A finding present in both with another severity or message. */
  public record Changed(Item before, Item after) {}

  /** A function whose score moved. */
  public record RiskMove(String functionId, String name, int before, int after) {}

  private final List<Item> added = new ArrayList<>();
  private final List<Item> fixed = new ArrayList<>();
  private final List<Changed> changed = new ArrayList<>();
  private final List<RiskMove> moves = new ArrayList<>();
  private final List<String> newFunctions = new ArrayList<>();
  private final List<String> goneFunctions = new ArrayList<>();

  private ReportDiff() {}

  /** Thrown when a file is not a Warden JSON report. */
  public static final class NotAReport extends Exception {
    private static final long serialVersionUID = 1L;

    NotAReport(String message) {
      super(message);
    }
  }

  public static ReportDiff of(Path before, Path after) throws IOException, NotAReport {
    return of(read(before), read(after));
  }

  static JsonNode read(Path file) throws IOException, NotAReport {
    JsonNode report;
    try {
      report = new ObjectMapper().readTree(Files.readString(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new NotAReport(
          file + ":" + e.getLocation().getLineNr() + ": not JSON: " + e.getOriginalMessage());
    }
    if (report == null
        || !report.path("tool").path("name").asText().equals("warden")
        || !report.has("findings")
        || !report.has("functions")) {
      throw new NotAReport(
          file + ": not a Warden JSON report (write one with warden scan --format json)");
    }
    if (report.path("schemaVersion").asInt() != 1) {
      throw new NotAReport(
          file + ": report schema version " + report.path("schemaVersion") + " is not 1");
    }
    return report;
  }

  static ReportDiff of(JsonNode before, JsonNode after) {
    ReportDiff diff = new ReportDiff();
    Map<String, Item> old = findings(before);
    Map<String, Item> now = findings(after);
    now.forEach(
        (fingerprint, item) -> {
          Item was = old.get(fingerprint);
          if (was == null) {
            diff.added.add(item);
          } else if (!was.severity().equals(item.severity())
              || !was.message().equals(item.message())) {
            diff.changed.add(new Changed(was, item));
          }
        });
    old.forEach(
        (fingerprint, item) -> {
          if (!now.containsKey(fingerprint)) {
            diff.fixed.add(item);
          }
        });
    Map<String, JsonNode> oldFunctions = functions(before);
    Map<String, JsonNode> newFunctions = functions(after);
    newFunctions.forEach(
        (id, fn) -> {
          JsonNode was = oldFunctions.get(id);
          if (was == null) {
            diff.newFunctions.add(fn.path("name").asText(id));
          } else if (was.path("riskScore").asInt() != fn.path("riskScore").asInt()) {
            diff.moves.add(
                new RiskMove(
                    id,
                    fn.path("name").asText(id),
                    was.path("riskScore").asInt(),
                    fn.path("riskScore").asInt()));
          }
        });
    oldFunctions.forEach(
        (id, fn) -> {
          if (!newFunctions.containsKey(id)) {
            diff.goneFunctions.add(fn.path("name").asText(id));
          }
        });
    diff.moves.sort(
        (a, b) ->
            Integer.compare(Math.abs(b.after() - b.before()), Math.abs(a.after() - a.before())));
    return diff;
  }

  private static Map<String, Item> findings(JsonNode report) {
    Map<String, Item> items = new LinkedHashMap<>();
    for (JsonNode f : report.path("findings")) {
      JsonNode at = f.path("location");
      items.put(
          f.path("fingerprint").asText(),
          new Item(
              f.path("fingerprint").asText(),
              f.path("ruleId").asText(),
              f.path("severity").asText(),
              f.path("function").asText(f.path("resource").asText("")),
              at.path("file").asText()
                  + (at.path("line").asInt() > 0 ? ":" + at.path("line").asInt() : ""),
              f.path("message").asText()));
    }
    return items;
  }

  private static Map<String, JsonNode> functions(JsonNode report) {
    Map<String, JsonNode> functions = new LinkedHashMap<>();
    for (JsonNode fn : report.path("functions")) {
      functions.put(fn.path("id").asText(), fn);
    }
    return functions;
  }

  public List<Item> added() {
    return List.copyOf(added);
  }

  public List<Item> fixed() {
    return List.copyOf(fixed);
  }

  public List<Changed> changed() {
    return List.copyOf(changed);
  }

  public List<RiskMove> moves() {
    return List.copyOf(moves);
  }

  /** True when the second report has a new finding at or above {@code severity}. */
  public boolean hasNewAtLeast(String severity) {
    List<String> order = List.of("info", "low", "medium", "high", "critical");
    int floor = order.indexOf(severity.toLowerCase(Locale.ROOT));
    return added.stream().anyMatch(i -> order.indexOf(i.severity()) >= floor);
  }

  public void table(Writer out) {
    PrintWriter w = new PrintWriter(out);
    w.printf(
        Locale.ROOT,
        "%d new, %d fixed, %d changed findings; %d risk scores moved; %d functions new, %d gone%n",
        added.size(),
        fixed.size(),
        changed.size(),
        moves.size(),
        newFunctions.size(),
        goneFunctions.size());
    section(w, "NEW", added);
    section(w, "FIXED", fixed);
    if (!changed.isEmpty()) {
      w.println();
      w.println("CHANGED");
      for (Changed c : changed) {
        w.printf(
            Locale.ROOT,
            "  %-8s -> %-8s %-12s %s  %s%n",
            c.before().severity(),
            c.after().severity(),
            c.after().ruleId(),
            c.after().function(),
            c.after().location());
      }
    }
    if (!moves.isEmpty()) {
      w.println();
      w.println("RISK");
      for (RiskMove m : moves) {
        w.printf(Locale.ROOT, "  %3d -> %3d  %s%n", m.before(), m.after(), m.name());
      }
    }
    if (!newFunctions.isEmpty() || !goneFunctions.isEmpty()) {
      w.println();
      newFunctions.forEach(n -> w.println("  + function " + n));
      goneFunctions.forEach(n -> w.println("  - function " + n));
    }
    w.flush();
  }

  private static void section(PrintWriter w, String title, List<Item> items) {
    if (items.isEmpty()) {
      return;
    }
    w.println();
    w.println(title);
    for (Item i : items) {
      w.printf(
          Locale.ROOT,
          "  %-8s %-12s %s  %s%n           %s%n",
          i.severity(),
          i.ruleId(),
          i.function(),
          i.location(),
          i.message());
    }
  }

  public void json(Writer out) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.set("new", items(mapper, added));
    root.set("fixed", items(mapper, fixed));
    ArrayNode changes = root.putArray("changed");
    for (Changed c : changed) {
      ObjectNode node = changes.addObject();
      node.set("before", mapper.valueToTree(c.before()));
      node.set("after", mapper.valueToTree(c.after()));
    }
    ArrayNode risk = root.putArray("riskMoves");
    moves.forEach(m -> risk.add(mapper.valueToTree(m)));
    ArrayNode appeared = root.putArray("newFunctions");
    newFunctions.forEach(appeared::add);
    ArrayNode gone = root.putArray("goneFunctions");
    goneFunctions.forEach(gone::add);
    mapper.writerWithDefaultPrettyPrinter().writeValue(out, root);
  }

  private static ArrayNode items(ObjectMapper mapper, List<Item> items) {
    ArrayNode array = mapper.createArrayNode();
    items.forEach(i -> array.add(mapper.valueToTree(i)));
    return array;
  }
}
