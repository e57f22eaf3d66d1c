package dev.warden.rules.iam;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
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
 * Flags functions that run with the same role as others: each then holds the union of what they all
 * need, and a compromise of any one is a compromise of all.
 */
@AutoService(Rule.class)
public final class SharedExecutionRole implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-007",
          "Several functions share one execution role",
          Severity.MEDIUM,
          Category.OVER_PRIVILEGED,
          Optional.of(Owasp.SAS_4),
          "Give each function its own role, so that each holds only what its code uses: in SAM,"
              + " leave out Role and list the function's Policies; in serverless.yml, give the"
              + " function iamRoleStatements with the serverless-iam-roles-per-function plugin"
              + " (`warden policy PATH --patch` writes them); in Terraform, one aws_iam_role per"
              + " function.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/operatorguide/least-privilege.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<ServerlessFunction> others = context.sharingRoleWith(function);
    if (others.isEmpty()) {
      return List.of();
    }
    List<String> names =
        others.subList(0, Math.min(6, others.size())).stream()
            .map(ServerlessFunction::logicalId)
            .toList();
    return List.of(
        Finding.of(
            INFO,
            function,
            function.role().at(),
            function.role().displayName(),
            "role "
                + function.role().displayName()
                + " also runs "
                + (others.size() > names.size()
                    ? String.join(", ", names.subList(0, 5))
                        + " and "
                        + (others.size() - 5)
                        + " more functions"
                    : Grants.list(names, 5))
                + ": whoever takes one of these functions holds what all of them need"));
  }
}
