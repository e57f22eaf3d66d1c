package dev.warden.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.inventory.App;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Reachability;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.report.JsonValues;
import dev.warden.report.WardenVersion;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.scan.ScanResult;
import dev.warden.score.FleetSummary;
import dev.warden.score.RiskScore;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the JSON report (schema version 1, {@code schemas/report-v1.schema.json}) and the JSON
 * inventory ({@code schemas/inventory-v1.schema.json}). Output is deterministic: the same input
 * gives the same bytes.
 */
public final class JsonReportWriter {

  private JsonGenerator open(Writer out) throws IOException {
    return JsonOutput.open(out);
  }

  /** {@code {"schemaVersion": 1, "functions": [...], "apps": [...]}} */
  public void writeInventory(Inventory inventory, Writer out) throws IOException {
    try (JsonGenerator json = open(out)) {
      FunctionJson writer = new FunctionJson(json);
      json.writeStartObject();
      json.writeNumberField("schemaVersion", 1);
      functions(json, writer, inventory, Reachability::of, FunctionJson.FunctionExtras.NONE);
      apps(json, writer, inventory);
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  /** The report contract of DESIGN.md. */
  public void writeReport(ScanResult result, Writer out) throws IOException {
    List<Finding> findings = result.findings();
    List<String> ids = new ArrayList<>();
    Map<String, List<String>> byFunction = new HashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      String id = String.format(Locale.ROOT, "F-%04d", i + 1);
      ids.add(id);
      Finding finding = findings.get(i);
      finding
          .functionId()
          .ifPresent(fn -> byFunction.computeIfAbsent(fn, k -> new ArrayList<>()).add(id));
    }
    try (JsonGenerator json = open(out)) {
      FunctionJson writer = new FunctionJson(json);
      json.writeStartObject();
      json.writeNumberField("schemaVersion", 1);
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", WardenVersion.NAME);
      json.writeStringField("version", WardenVersion.VERSION);
      json.writeEndObject();
      JsonOutput.data(json);
      advisoryDatabase(json, result);
      summary(json, result);
      functions(
          json,
          writer,
          result.inventory(),
          result::reach,
          new FunctionJson.FunctionExtras() {
            @Override
            public void writeRisk(JsonGenerator generator, ServerlessFunction fn)
                throws IOException {
              RiskScore score = result.score(fn);
              generator.writeNumberField("riskScore", score.score());
              generator.writeStringField("riskLevel", score.level().wireName());
              generator.writeObjectFieldStart("risk");
              generator.writeNumberField("exposure", score.exposure());
              generator.writeNumberField("impact", score.impact());
              generator.writeNumberField("likelihood", score.likelihood());
              generator.writeArrayFieldStart("reasons");
              for (String reason : score.reasons()) {
                generator.writeString(reason);
              }
              generator.writeEndArray();
              generator.writeEndObject();
            }

            @Override
            public void writeFindings(JsonGenerator generator, ServerlessFunction fn)
                throws IOException {
              generator.writeArrayFieldStart("findingIds");
              for (String id : byFunction.getOrDefault(fn.id(), List.of())) {
                generator.writeString(id);
              }
              generator.writeEndArray();
            }
          });
      json.writeArrayFieldStart("findings");
      for (int i = 0; i < findings.size(); i++) {
        finding(json, writer, findings.get(i), ids.get(i));
      }
      json.writeEndArray();
      apps(json, writer, result.inventory());
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  /**
   * {@code "advisoryDatabase": {"status", "file", "imported", "ageDays", "advisories", "warning"}}:
   * what the package matches rest on, as of the scan.
   */
  private static void advisoryDatabase(JsonGenerator json, ScanResult result) throws IOException {
    json.writeFieldName("advisoryDatabase");
    JsonValues.write(json, result.advisories().describe(result.clock()));
  }

  private static void summary(JsonGenerator json, ScanResult result) throws IOException {
    FleetSummary summary = result.summary();
    json.writeObjectFieldStart("summary");
    json.writeNumberField("functions", summary.functions());
    json.writeNumberField("atRisk", summary.atRisk());
    json.writeNumberField("serious", summary.serious());
    json.writeNumberField("withUnusedPermissions", summary.withUnusedPermissions());
    json.writeObjectFieldStart("bySeverity");
    for (Severity severity : Severity.values()) {
      json.writeNumberField(severity.wireName(), summary.bySeverity().get(severity));
    }
    json.writeEndObject();
    json.writeNumberField("suppressed", summary.suppressed());
    json.writeNumberField("inputErrors", summary.inputErrors());
    json.writeStringField("headline", summary.headline());
    json.writeArrayFieldStart("topRisks");
    for (FleetSummary.TopRisk risk : summary.topRisks()) {
      json.writeStartObject();
      json.writeStringField("ruleId", risk.ruleId());
      json.writeStringField("title", risk.title());
      json.writeStringField("severity", risk.severity().wireName());
      json.writeNumberField("functions", risk.functions());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("notAnalysed");
    for (String what : summary.notAnalysed()) {
      json.writeString(what);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void functions(
      JsonGenerator json,
      FunctionJson writer,
      Inventory inventory,
      java.util.function.Function<App, Reachability> reachOf,
      FunctionJson.FunctionExtras extras)
      throws IOException {
    Map<String, List<ServerlessFunction>> sharing = inventory.roleSharing();
    json.writeArrayFieldStart("functions");
    for (App app : inventory.apps()) {
      Reachability reach = reachOf.apply(app);
      for (ServerlessFunction fn : app.functions()) {
        writer.function(fn, app, reach, sharing.getOrDefault(fn.id(), List.of()), extras);
      }
    }
    json.writeEndArray();
  }

  private static void apps(JsonGenerator json, FunctionJson writer, Inventory inventory)
      throws IOException {
    json.writeArrayFieldStart("apps");
    for (App app : inventory.apps()) {
      writer.app(app);
    }
    json.writeEndArray();
  }

  private static void finding(JsonGenerator json, FunctionJson writer, Finding finding, String id)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("ruleId", finding.rule().id());
    json.writeStringField("title", finding.rule().title());
    json.writeStringField("category", finding.rule().category().wireName());
    json.writeStringField("severity", finding.severity().wireName());
    if (finding.functionName().isPresent()) {
      json.writeStringField("function", finding.functionName().get());
    } else {
      json.writeNullField("function");
    }
    if (finding.functionId().isPresent()) {
      json.writeStringField("functionId", finding.functionId().get());
    } else {
      json.writeNullField("functionId");
    }
    if (finding.resource().isPresent()) {
      json.writeStringField("resource", finding.resource().get());
    }
    json.writeStringField("fingerprint", finding.fingerprint());
    json.writeFieldName("location");
    writer.location(finding.location());
    json.writeStringField("message", finding.message());
    json.writeStringField("remediation", finding.rule().remediation());
    if (finding.rule().owasp().isPresent()) {
      json.writeStringField("owasp", finding.rule().owasp().get().id());
    }
    json.writeArrayFieldStart("references");
    for (String reference : finding.rule().references()) {
      json.writeString(reference);
    }
    json.writeEndArray();
    if (finding.suppressed()) {
      json.writeBooleanField("suppressed", true);
      json.writeStringField("suppression", finding.suppression().orElseThrow());
    }
    JsonValues.writeFields(json, finding.details());
    json.writeEndObject();
  }
}
