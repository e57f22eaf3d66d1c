package dev.warden.rules.iam;

import com.google.auto.service.AutoService;
import dev.warden.iam.EscalationMethods;
import dev.warden.iam.PermissionAnalysis;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags each published privilege-escalation method a function's role can carry out, one finding per
 * method. A role that already allows everything (or all of IAM) is reported as administrator
 * instead: every method is moot there.
 */
@AutoService(Rule.class)
public final class PrivilegeEscalationPath implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-002",
          "Function role can escalate its privileges",
          Severity.HIGH,
          Category.PRIVILEGE_ESCALATION,
          Optional.of(Owasp.SAS_4),
          "Remove the actions the method needs, or scope them: iam:PassRole to the one role the"
              + " function must pass with an iam:PassedToService condition, IAM and Lambda write"
              + " actions to the resources the function owns.",
          List.of(
              "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
              "https://pathfinding.cloud/",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    PermissionAnalysis analysis = context.permissions(function);
    boolean administrator =
        analysis.risks().stream()
            .anyMatch(
                r ->
                    r.type() == RiskType.ADMIN
                        && (r.method().equals("AllActions") || r.method().equals("IamFullAccess")));
    if (administrator) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Risk risk : analysis.risks()) {
      if (risk.type() != RiskType.PRIVILEGE_ESCALATION) {
        continue;
      }
      String precondition =
          EscalationMethods.ALL.stream()
              .filter(m -> m.name().equals(risk.method()))
              .map(EscalationMethods.EscalationMethod::precondition)
              .findFirst()
              .orElse("");
      findings.add(
          Finding.of(
              INFO,
              function,
              Grants.actionAt(risk.statements(), risk.actions().get(0), function.role().at()),
              risk.method(),
              "role "
                  + function.role().displayName()
                  + " can escalate by "
                  + risk.method()
                  + ": "
                  + String.join(", ", risk.actions())
                  + Grants.conditional(risk)
                  + " (needs "
                  + precondition
                  + "); granted by "
                  + Grants.cite(risk.statements())));
    }
    return findings;
  }
}
