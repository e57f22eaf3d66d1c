package dev.warden.report.sarif;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.inventory.SourceLocation;
import dev.warden.report.JsonValues;
import dev.warden.report.WardenVersion;
import dev.warden.rules.Finding;
import dev.warden.rules.RuleCatalog;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import dev.warden.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a scan as a SARIF 2.1.0 log. */
public final class SarifWriter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/warden-security/warden";

  private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");

  /** The fingerprint's name in {@code partialFingerprints}; its version changes with its recipe. */
  static final String FINGERPRINT_KEY = "wardenFingerprint/v1";

  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("summary", result.summary().headline());
    properties.put("advisoryDatabase", result.advisories().describe(result.clock()));
    write(RuleCatalog.bundled().infos(), result.findings(), properties, out);
  }

  /**
   * One run of {@code findings}, its rules described from {@code rules} (and from the findings for
   * any rule not among them), with {@code properties} on the run.
   */
  public void write(
      List<RuleInfo> catalog, List<Finding> findings, Map<String, Object> properties, Writer out)
      throws IOException {
    Map<String, RuleInfo> rules = new LinkedHashMap<>();
    for (RuleInfo rule : catalog) {
      rules.put(rule.id(), rule);
    }
    for (Finding finding : findings) {
      rules.putIfAbsent(finding.rule().id(), finding.rule());
    }
    Map<String, Integer> index = new HashMap<>();
    int i = 0;
    for (String id : rules.keySet()) {
      index.put(id, i++);
    }
    try (JsonGenerator json =
        new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      tool(json, rules.values());
      json.writeArrayFieldStart("results");
      for (Finding finding : findings) {
        result(json, finding, index.get(finding.rule().id()));
      }
      json.writeEndArray();
      json.writeObjectFieldStart("properties");
      JsonValues.writeFields(json, properties);
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void tool(JsonGenerator json, Iterable<RuleInfo> rules) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "Warden");
    json.writeStringField("version", WardenVersion.VERSION);
    json.writeStringField("semanticVersion", WardenVersion.VERSION.replace("-SNAPSHOT", ""));
    json.writeStringField("informationUri", INFORMATION_URI);
    json.writeArrayFieldStart("rules");
    for (RuleInfo rule : rules) {
      rule(json, rule);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void rule(JsonGenerator json, RuleInfo rule) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", rule.id());
    json.writeStringField("name", pascal(rule.title()));
    text(json, "shortDescription", rule.title());
    text(
        json,
        "fullDescription",
        rule.title()
            + " ("
            + rule.category().wireName()
            + rule.owasp().map(o -> ", OWASP " + o.id()).orElse("")
            + ").");
    json.writeObjectFieldStart("help");
    json.writeStringField("text", rule.remediation());
    StringBuilder markdown = new StringBuilder("**Fix:** ").append(rule.remediation());
    if (!rule.references().isEmpty()) {
      markdown.append("\n\n**References:**\n");
      for (String reference : rule.references()) {
        markdown.append("\n- ").append(reference);
      }
    }
    json.writeStringField("markdown", markdown.toString());
    json.writeEndObject();
    if (!rule.references().isEmpty()) {
      json.writeStringField("helpUri", rule.references().get(0));
    }
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(rule.severity()));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("security-severity", securitySeverity(rule.severity()));
    json.writeStringField("problem.severity", problemSeverity(rule.severity()));
    json.writeStringField("precision", "high");
    json.writeArrayFieldStart("tags");
    json.writeString("security");
    json.writeString(rule.category().wireName());
    if (rule.owasp().isPresent()) {
      json.writeString(rule.owasp().get().id());
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void result(JsonGenerator json, Finding finding, int ruleIndex)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.rule().id());
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("level", level(finding.severity()));
    text(json, "message", finding.message());
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    SourceLocation at = finding.location();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", at.file().replace('\\', '/'));
    json.writeStringField("uriBaseId", "%SRCROOT%");
    json.writeEndObject();
    if (at.line() >= 1) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", at.line());
      if (at.column() >= 1) {
        json.writeNumberField("startColumn", at.column());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
    List<String> logical = finding.functionName().or(finding::resource).stream().toList();
    if (!logical.isEmpty()) {
      json.writeArrayFieldStart("logicalLocations");
      json.writeStartObject();
      json.writeStringField("name", logical.get(0));
      json.writeStringField(
          "fullyQualifiedName", finding.functionId().orElse(at.file() + "#" + logical.get(0)));
      json.writeStringField("kind", finding.functionId().isPresent() ? "function" : "resource");
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT_KEY, finding.fingerprint());
    json.writeEndObject();
    if (finding.suppressed()) {
      json.writeArrayFieldStart("suppressions");
      json.writeStartObject();
      json.writeStringField("kind", "external");
      json.writeStringField("justification", finding.suppression().orElseThrow());
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeObjectFieldStart("properties");
    json.writeStringField("security-severity", securitySeverity(finding.severity()));
    json.writeStringField("category", finding.rule().category().wireName());
    json.writeStringField("severity", finding.severity().wireName());
    JsonValues.writeFields(json, finding.details());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void text(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  /** error for critical and high, warning for medium, note below. */
  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /**
   * The CVSS-like figure code-scanning services rank by: over 9 is critical, 7 to 8.9 high, 4 to
   * 6.9 medium, below 4 low.
   */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  private static String problemSeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "recommendation";
    };
  }

  /** "Function URL requires no authentication" becomes "FunctionUrlRequiresNoAuthentication". */
  private static String pascal(String title) {
    StringBuilder name = new StringBuilder();
    for (String word : NON_WORD.splitAsStream(title).toList()) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.toString();
  }
}
