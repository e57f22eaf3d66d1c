package dev.warden.cli;

import java.util.List;
import java.util.Map;

/**
 * A function's generated policy as Serverless Framework YAML to paste under {@code functions}:
 * {@code iamRoleStatements}, which the serverless-iam-roles-per-function plugin turns into a role
 * of the function's own (the provider-level {@code iam.role.statements} would be shared by every
 * function). ARNs with template values stay CloudFormation {@code !Sub} strings, which Serverless
 * passes through.
 */
final class ServerlessSnippet {

  private ServerlessSnippet() {}

  static String header() {
    return "# needs the plugin serverless-iam-roles-per-function (plugins:"
        + " [serverless-iam-roles-per-function]),\n"
        + "# which gives each function below a role of its own with these statements\n"
        + "functions:\n";
  }

  @SuppressWarnings("unchecked")
  static String of(String function, Object policy) {
    Map<String, Object> document = (Map<String, Object>) policy;
    StringBuilder yaml = new StringBuilder();
    yaml.append("  ").append(function).append(":\n    iamRoleStatements:\n");
    for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
      yaml.append("      - Sid: ").append(statement.get("Sid")).append('\n');
      yaml.append("        Effect: Allow\n        Action:\n");
      for (Object action : (List<Object>) statement.get("Action")) {
        yaml.append("          - ").append(action).append('\n');
      }
      yaml.append("        Resource: ")
          .append(SamSnippet.resource(String.valueOf(statement.get("Resource"))))
          .append('\n');
    }
    return yaml.toString();
  }
}
