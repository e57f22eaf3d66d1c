package dev.warden.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.iam.EffectivePermissions.ActionGrant;
import dev.warden.iam.EffectivePermissions.StatementRef;
import dev.warden.iam.PermissionAnalysis;
import dev.warden.iam.PolicyProblem;
import dev.warden.iam.Risk;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes {@code warden iam analyze --format json} ({@code schemas/iam-analysis-v1.schema.json}):
 * {@code {"allowed": [{"action", "accessLevel", "resources"}], "risks": [{"type", "method",
 * "actions", "resources", "statements": [{"file", "line", "sid"}]}], "problems": [...]}}.
 */
public final class IamAnalysisJsonWriter {

  /**
   * Writes the analysis of {@code subject} (a policy file, a function's role).
   *
   * @param unknowns what the analysis could not see (policies outside the app)
   */
  public void write(
      String subject,
      PermissionAnalysis analysis,
      List<PolicyProblem> problems,
      List<String> unknowns,
      Writer out)
      throws IOException {
    try (JsonGenerator json = JsonOutput.open(out)) {
      json.writeStartObject();
      json.writeNumberField("schemaVersion", 1);
      json.writeStringField("subject", subject);
      JsonOutput.data(json);
      json.writeArrayFieldStart("allowed");
      for (ActionGrant grant : analysis.allowed()) {
        allowed(json, grant);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("risks");
      for (Risk risk : analysis.risks()) {
        risk(json, risk);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("problems");
      for (PolicyProblem problem : problems) {
        json.writeStartObject();
        json.writeStringField("file", problem.at().file());
        json.writeNumberField("line", problem.at().line());
        json.writeNumberField("column", problem.at().column());
        json.writeStringField("severity", problem.code().isError() ? "error" : "warning");
        json.writeStringField("code", problem.code().name().toLowerCase(java.util.Locale.ROOT));
        json.writeStringField("message", problem.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      strings(json, "unknowns", unknowns);
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void allowed(JsonGenerator json, ActionGrant grant) throws IOException {
    json.writeStartObject();
    json.writeStringField("action", grant.action());
    json.writeStringField(
        "accessLevel", grant.accessLevel().map(level -> level.title()).orElse("Unknown"));
    strings(json, "resources", grant.resources());
    if (!grant.allExcept().isEmpty()) {
      strings(json, "allExcept", grant.allExcept());
    }
    if (!grant.deniedResources().isEmpty()) {
      strings(json, "deniedResources", grant.deniedResources());
    }
    json.writeBooleanField("conditional", grant.conditional());
    json.writeEndObject();
  }

  private static void risk(JsonGenerator json, Risk risk) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", risk.type().wireName());
    json.writeStringField("method", risk.method());
    strings(json, "actions", risk.actions());
    strings(json, "resources", risk.resources());
    json.writeBooleanField("conditional", risk.conditional());
    json.writeArrayFieldStart("statements");
    for (StatementRef ref : risk.statements()) {
      json.writeStartObject();
      json.writeStringField("file", ref.statement().at().file());
      json.writeNumberField("line", ref.statement().at().line());
      if (ref.statement().sid().isPresent()) {
        json.writeStringField("sid", ref.statement().sid().get());
      } else {
        json.writeNullField("sid");
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void strings(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
