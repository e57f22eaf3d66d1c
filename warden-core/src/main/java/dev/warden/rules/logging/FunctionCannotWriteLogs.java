package dev.warden.rules.logging;

import com.google.auto.service.AutoService;
import dev.warden.iam.EffectivePermissions.ActionGrant;
import dev.warden.inventory.App;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Flags functions whose role cannot write to CloudWatch Logs (logs:CreateLogStream and
 * logs:PutLogEvents): the function runs, and nobody sees what it does. Roles defined outside the
 * app are not judged.
 */
@AutoService(Rule.class)
public final class FunctionCannotWriteLogs implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-LOG-001",
          "Function cannot write its logs",
          Severity.MEDIUM,
          Category.LOGGING_MONITORING,
          Optional.of(Owasp.SAS_5),
          "Attach AWSLambdaBasicExecutionRole to the role (or allow logs:CreateLogStream and"
              + " logs:PutLogEvents on the function's log group).",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html",
              "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.role().origin() == ExecutionRole.Origin.EXTERNAL
        || !context.policies(function).unknowns().isEmpty()) {
      return List.of();
    }
    List<ActionGrant> allowed = context.permissions(function).allowed();
    boolean stream = allowed.stream().anyMatch(g -> g.action().equals("logs:CreateLogStream"));
    boolean events = allowed.stream().anyMatch(g -> g.action().equals("logs:PutLogEvents"));
    if (stream && events) {
      return List.of();
    }
    return List.of(
        Finding.of(
            INFO,
            function,
            function.role().at(),
            "logs",
            "role "
                + function.role().displayName()
                + " does not allow "
                + (stream
                    ? "logs:PutLogEvents"
                    : events ? "logs:CreateLogStream" : "logs:CreateLogStream or logs:PutLogEvents")
                + ": the function's logs go nowhere"));
  }
}
