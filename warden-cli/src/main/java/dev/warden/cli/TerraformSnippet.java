package dev.warden.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's generated policy as Terraform: an {@code aws_iam_policy_document} data source to
 * attach to the function's role. The account and region become the {@code aws_caller_identity} and
 * {@code aws_region} data sources; a Terraform reference ({@code aws_sqs_queue.orders.arn}) stays
 * an interpolation; a CloudFormation value Terraform has no name for becomes {@code *} in that part
 * only, and a comment above the statement says so.
 */
final class TerraformSnippet {

  private static final Pattern SYMBOL = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern TERRAFORM_REFERENCE =
      Pattern.compile("(?:data\\.)?aws_[a-z0-9_]+\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_]+)+");

  private TerraformSnippet() {}

  static String header() {
    return "data \"aws_caller_identity\" \"current\" {}\n\ndata \"aws_region\" \"current\" {}\n\n";
  }

  @SuppressWarnings("unchecked")
  static String of(String function, Object policy) {
    Map<String, Object> document = (Map<String, Object>) policy;
    StringBuilder hcl = new StringBuilder();
    hcl.append("data \"aws_iam_policy_document\" \"")
        .append(name(function))
        .append("_least_privilege\" {\n");
    for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
      Set<String> unknown = new LinkedHashSet<>();
      String resource = resource(String.valueOf(statement.get("Resource")), unknown);
      hcl.append("  statement {\n");
      for (String value : unknown) {
        hcl.append("    # ${")
            .append(value)
            .append("} is a template value: narrow the * it became\n");
      }
      hcl.append("    sid       = \"").append(statement.get("Sid")).append("\"\n");
      hcl.append("    effect    = \"Allow\"\n");
      List<String> actions = new ArrayList<>();
      for (Object action : (List<Object>) statement.get("Action")) {
        actions.add("\"" + action + "\"");
      }
      hcl.append("    actions   = [").append(String.join(", ", actions)).append("]\n");
      hcl.append("    resources = [\"").append(resource).append("\"]\n");
      hcl.append("  }\n");
    }
    hcl.append("}\n");
    return hcl.toString();
  }

  /** A Terraform name: letters, digits and underscores, lower case. */
  static String name(String function) {
    return function
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("[^A-Za-z0-9_]", "_")
        .toLowerCase(Locale.ROOT);
  }

  private static String resource(String arn, Set<String> unknown) {
    Matcher matcher = SYMBOL.matcher(arn);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String symbol = matcher.group(1);
      String replacement =
          switch (symbol) {
            case "AWS::Region" -> "${data.aws_region.current.name}";
            case "AWS::AccountId" -> "${data.aws_caller_identity.current.account_id}";
            case "AWS::Partition" -> "aws";
            default -> {
              if (TERRAFORM_REFERENCE.matcher(symbol).matches()) {
                yield "${" + symbol + "}";
              }
              unknown.add(symbol);
              yield "*";
            }
          };
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString().replace("\"", "\\\"");
  }
}
