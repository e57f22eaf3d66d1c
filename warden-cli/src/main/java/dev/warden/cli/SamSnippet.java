package dev.warden.cli;

import java.util.List;
import java.util.Map;

/**
 * A function's generated policy as SAM YAML to paste under the function: {@code Policies} with one
 * inline statement list; ARNs with template symbols become {@code !Sub} strings.
 */
final class SamSnippet {

  private SamSnippet() {}

  @SuppressWarnings("unchecked")
  static String of(String function, Object policy) {
    Map<String, Object> document = (Map<String, Object>) policy;
    StringBuilder yaml = new StringBuilder();
    yaml.append(function)
        .append(":\n  Properties:\n    Policies:\n      - Version: \"2012-10-17\"\n");
    yaml.append("        Statement:\n");
    for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
      yaml.append("          - Sid: ").append(statement.get("Sid")).append('\n');
      yaml.append("            Effect: Allow\n            Action:\n");
      for (Object action : (List<Object>) statement.get("Action")) {
        yaml.append("              - ").append(action).append('\n');
      }
      yaml.append("            Resource: ")
          .append(resource(String.valueOf(statement.get("Resource"))))
          .append('\n');
    }
    return yaml.toString();
  }

  /** A Resource as YAML: a {@code !Sub} string when it has template values. */
  static String resource(String arn) {
    return arn.contains("${") ? "!Sub \"" + arn + "\"" : "\"" + arn + "\"";
  }
}
