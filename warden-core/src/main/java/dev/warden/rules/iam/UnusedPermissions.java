package dev.warden.rules.iam;

import com.google.auto.service.AutoService;
import dev.warden.code.FunctionCode;
import dev.warden.iam.AccessLevel;
import dev.warden.iam.IamAction;
import dev.warden.iam.IamCatalog;
import dev.warden.inventory.App;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.leastpriv.GeneratedPolicy;
import dev.warden.leastpriv.LeastPrivilege;
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
 * Flags roles that grant actions the function's code never calls and its configuration does not
 * need — only when Warden could read all of the function's code and map every call it makes (an
 * incomplete reading proves nothing unused). Severity by the worst unused action: permissions
 * management high, write medium, read and list low.
 */
@AutoService(Rule.class)
public final class UnusedPermissions implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-009",
          "Function role grants actions the code never uses",
          Severity.MEDIUM,
          Category.OVER_PRIVILEGED,
          Optional.of(Owasp.SAS_4),
          "Replace the role's policies with the least-privilege policy: `warden policy PATH"
              + " --function NAME` prints it, scoped to the resources the code uses.",
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
              "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html"));

  private final LeastPrivilege leastPrivilege = new LeastPrivilege();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<FunctionCode> code = context.code(function);
    if (code.isEmpty()) {
      return List.of();
    }
    GeneratedPolicy policy =
        leastPrivilege.of(
            code.get(), function, app, context.permissions(function), context.policies(function));
    if (!policy.complete() || policy.unused().isEmpty()) {
      return List.of();
    }
    Severity severity = Severity.LOW;
    for (String action : policy.unused()) {
      AccessLevel level =
          IamCatalog.bundled().action(action).map(IamAction::accessLevel).orElse(AccessLevel.READ);
      if (level == AccessLevel.PERMISSIONS_MANAGEMENT) {
        severity = Severity.HIGH;
        break;
      }
      if (level == AccessLevel.WRITE || level == AccessLevel.TAGGING) {
        severity = Severity.MEDIUM;
      }
    }
    List<String> unused = policy.unused();
    return List.of(
        Finding.of(
                INFO,
                function,
                function.role().at(),
                "unused-permissions",
                "role "
                    + function.role().displayName()
                    + " grants "
                    + unused.size()
                    + (unused.size() == 1 ? " action" : " actions")
                    + " that "
                    + function.logicalId()
                    + " never uses ("
                    + policy.reductionPercent()
                    + "% of what it grants): "
                    + Grants.list(unused, 5))
            .withSeverity(severity));
  }
}
