package dev.warden.rules.iam;

import com.google.auto.service.AutoService;
import dev.warden.iam.Risk;
import dev.warden.iam.RiskType;
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
 * Flags functions whose role is administrator or can make itself one: every action on every
 * resource, all of IAM, or attaching any policy to a role.
 */
@AutoService(Rule.class)
public final class AdminExecutionRole implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-001",
          "Function role is administrator or can make itself one",
          Severity.CRITICAL,
          Category.OVER_PRIVILEGED,
          Optional.of(Owasp.SAS_4),
          "Give the function its own role with only the actions and resources its code uses;"
              + " `warden iam analyze --function NAME PATH` shows what the role allows now.",
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
              "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Risk> admin = Grants.first(context.permissions(function).risks(), RiskType.ADMIN);
    if (admin.isEmpty()) {
      return List.of();
    }
    Risk risk = admin.get();
    String how =
        switch (risk.method()) {
          case "AllActions" -> "allows every action on every resource";
          case "IamFullAccess" -> "allows all of IAM, so it can grant itself anything";
          default ->
              "can attach any policy to any role ("
                  + Grants.list(risk.actions(), 3)
                  + " on *), its own included";
        };
    return List.of(
        Finding.of(
            INFO,
            function,
            Grants.at(risk.statements(), function.role().at()),
            risk.method(),
            "role "
                + function.role().displayName()
                + " "
                + how
                + Grants.conditional(risk)
                + "; granted by "
                + Grants.cite(risk.statements())));
  }
}
