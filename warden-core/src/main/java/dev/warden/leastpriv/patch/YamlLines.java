package dev.warden.leastpriv.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The YAML lines of the blocks a patch adds: a policy list, a role resource. */
final class YamlLines {

  private final int step;

  /** {@code step} is the template's own indentation step, so that new blocks look like the rest. */
  YamlLines(int step) {
    this.step = Math.max(1, step);
  }

  /** {@code Policies:} with the one generated document, at {@code indent}. */
  List<String> policies(int indent, FunctionPatch patch) {
    List<String> lines = new ArrayList<>();
    lines.add(pad(indent) + "# least privilege by warden policy: " + patch.summary());
    lines.add(pad(indent) + "Policies:");
    lines.add(pad(indent + step) + "- Version: \"2012-10-17\"");
    statements(lines, indent + step + 2, patch.policy());
    return lines;
  }

  /**
   * A Serverless Framework function's {@code iamRoleStatements:} (the per-function-roles plugin's
   * key) with the generated statements, at {@code indent}.
   */
  List<String> roleStatements(int indent, FunctionPatch patch) {
    List<String> lines = new ArrayList<>();
    lines.add(pad(indent) + "# least privilege by warden policy: " + patch.summary());
    List<String> statement = new ArrayList<>();
    statements(statement, indent, patch.policy());
    statement.set(0, pad(indent) + "iamRoleStatements:");
    lines.addAll(statement);
    return lines;
  }

  /** An {@code AWS::IAM::Role} Lambda can assume, with the policy inline. */
  List<String> role(
      int indent, String roleId, FunctionPatch patch, java.util.Optional<String> condition) {
    int p = indent + step;
    int q = p + step;
    int r = q + step;
    List<String> lines = new ArrayList<>();
    lines.add(pad(indent) + roleId + ":");
    lines.add(
        pad(p)
            + "# least privilege by warden policy for "
            + patch.logicalId()
            + ": "
            + patch.summary());
    lines.add(pad(p) + "Type: AWS::IAM::Role");
    condition.ifPresent(c -> lines.add(pad(p) + "Condition: " + c));
    lines.add(pad(p) + "Properties:");
    lines.add(pad(q) + "AssumeRolePolicyDocument:");
    lines.add(pad(r) + "Version: \"2012-10-17\"");
    lines.add(pad(r) + "Statement:");
    lines.add(pad(r + step) + "- Effect: Allow");
    lines.add(pad(r + step + 2) + "Principal: {Service: lambda.amazonaws.com}");
    lines.add(pad(r + step + 2) + "Action: sts:AssumeRole");
    patch
        .boundary()
        .ifPresent(b -> lines.add(pad(q) + "PermissionsBoundary: " + scalar(b.toString())));
    lines.add(pad(q) + "Policies:");
    lines.add(pad(r) + "- PolicyName: least-privilege");
    lines.add(pad(r + 2) + "PolicyDocument:");
    lines.add(pad(r + 2 + step) + "Version: \"2012-10-17\"");
    statements(lines, r + 2 + step, patch.policy());
    return lines;
  }

  @SuppressWarnings("unchecked")
  private void statements(List<String> lines, int indent, Map<String, Object> policy) {
    lines.add(pad(indent) + "Statement:");
    for (Map<String, Object> statement : (List<Map<String, Object>>) policy.get("Statement")) {
      int item = indent + step;
      lines.add(pad(item) + "- Sid: " + statement.get("Sid"));
      lines.add(pad(item + 2) + "Effect: Allow");
      lines.add(pad(item + 2) + "Action:");
      for (Object action : (List<Object>) statement.get("Action")) {
        lines.add(pad(item + 2 + step) + "- " + action);
      }
      lines.add(pad(item + 2) + "Resource: " + scalar(String.valueOf(statement.get("Resource"))));
    }
  }

  /** A quoted string, or a {@code !Sub} of one when it holds template values. */
  static String scalar(String text) {
    String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return text.contains("${") ? "!Sub " + quoted : quoted;
  }

  static String pad(int indent) {
    return " ".repeat(indent);
  }
}
