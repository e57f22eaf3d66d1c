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
import dev.warden.logs.PermissionUsage;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
              + " --function NAME` prints it, scoped to the resources the code uses, and `warden"
              + " policy PATH --patch` writes it into the template or serverless.yml.",
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
    if (code.isEmpty() || !code.get().complete()) {
      // code not read whole (not in the scan, an image, cut): the policy would be incomplete and
      // say nothing; not computed (a role with every action makes it the scan's costliest step)
      return List.of();
    }
    GeneratedPolicy policy =
        leastPrivilege.of(
            code.get(), function, app, context.permissions(function), context.policies(function));
    if (!policy.complete() || policy.unused().isEmpty()) {
      return List.of();
    }
    Observation observation = observe(function, context, policy.unused());
    List<String> unused = observation.unused();
    if (unused.isEmpty()) {
      return List.of(); // the logs show the function using every one
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
                    + Grants.list(unused, 5)
                    + observation.says())
            .withSeverity(severity)
            .withDetails(observation.details()));
  }

  /**
   * What the audit logs ({@code --trail}) add: actions the code does not show but the logs show the
   * function using are not called unused (the code reading missed a path); the others are confirmed
   * over the logs' window, which the finding carries as evidence.
   */
  record Observation(List<String> unused, String says, Map<String, Object> details) {}

  private static Observation observe(
      ServerlessFunction function, RuleContext context, List<String> unused) {
    if (context.observed().isEmpty()) {
      return new Observation(unused, "", Map.of());
    }
    PermissionUsage logs = context.observed().get();
    String name = function.name().concrete().orElse("");
    Map<String, Object> details = new LinkedHashMap<>();
    logs.window()
        .ifPresent(
            w -> {
              Map<String, Object> window = new LinkedHashMap<>();
              window.put("from", w.from().toString());
              window.put("to", w.to().toString());
              details.put("observedWindow", window);
            });
    if (!logs.sawFunction(name, function.logicalId()) || logs.window().isEmpty()) {
      details.put("observed", false);
      return new Observation(
          unused, "; the audit logs given hold no call of this function", details);
    }
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    seen.addAll(logs.actionsOfFunction(name, function.logicalId()));
    List<String> confirmed = unused.stream().filter(a -> !seen.contains(a)).toList();
    List<String> usedAfterAll = unused.stream().filter(seen::contains).toList();
    details.put("observed", true);
    details.put("usedInLogs", usedAfterAll);
    PermissionUsage.Window window = logs.window().get();
    return new Observation(
        confirmed,
        "; none of them used in the audit logs from "
            + window.from()
            + " to "
            + window.to()
            + (usedAfterAll.isEmpty()
                ? ""
                : " (the logs show " + Grants.list(usedAfterAll, 3) + " used: not counted unused)"),
        details);
  }
}
