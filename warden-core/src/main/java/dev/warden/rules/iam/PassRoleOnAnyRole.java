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

/** Flags iam:PassRole on every role, to any service. */
@AutoService(Rule.class)
public final class PassRoleOnAnyRole implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-006",
          "Function role may pass any role to any service",
          Severity.HIGH,
          Category.PRIVILEGE_ESCALATION,
          Optional.of(Owasp.SAS_4),
          "Name the role(s) the function passes in Resource and add a condition"
              + " \"StringEquals\": {\"iam:PassedToService\": \"<service>.amazonaws.com\"}.",
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Risk> risks = context.permissions(function).risks();
    if (risks.stream()
        .anyMatch(r -> r.type() == RiskType.ADMIN && r.method().equals("AllActions"))) {
      return List.of(); // an administrator needs no PassRole to do anything
    }
    Optional<Risk> risk = Grants.first(risks, RiskType.PASSROLE_WILDCARD);
    return risk.map(
            r ->
                List.of(
                    Finding.of(
                        INFO,
                        function,
                        Grants.actionAt(r.statements(), "iam:PassRole", function.role().at()),
                        "passrole",
                        "role "
                            + function.role().displayName()
                            + " may pass any role ("
                            + String.join(", ", r.resources())
                            + ") to any service; granted by "
                            + Grants.cite(r.statements()))))
        .orElse(List.of());
  }
}
