package dev.warden.rules.iam;

import com.google.auto.service.AutoService;
import dev.warden.iam.EffectivePermissions.StatementRef;
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
 * Flags roles that can read data out of every resource of a kind: every object, secret, parameter,
 * table, queue or key of the account. Reading the resources the function owns is its job; reading
 * all of them is what an attacker who takes the function wants.
 */
@AutoService(Rule.class)
public final class UnscopedDataRead implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-005",
          "Function role can read the data of every resource of a kind",
          Severity.HIGH,
          Category.DATA_EXPOSURE,
          Optional.of(Owasp.SAS_4),
          "Scope the read actions to the buckets, tables, secrets and keys the function uses.",
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Risk> risks = context.permissions(function).risks();
    if (risks.stream()
        .anyMatch(r -> r.type() == RiskType.ADMIN && r.method().equals("AllActions"))) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Risk risk : risks) {
      if (risk.type() != RiskType.DATA_EXFILTRATION || !risk.resources().contains("*")) {
        continue;
      }
      List<StatementRef> granting =
          Grants.writtenOnAny(risk.statements(), context.policies(function));
      if (granting.isEmpty()) {
        continue; // only the policies SAM generates for event sources grant it on *
      }
      findings.add(
          Finding.of(
              INFO,
              function,
              Grants.actionAt(granting, risk.actions().get(0), function.role().at()),
              risk.method(),
              "role "
                  + function.role().displayName()
                  + " can read "
                  + what(risk.method())
                  + " ("
                  + String.join(", ", risk.actions())
                  + " on *)"
                  + Grants.conditional(risk)
                  + "; granted by "
                  + Grants.cite(granting)));
    }
    return findings;
  }

  private static String what(String method) {
    return switch (method) {
      case "S3ObjectRead" -> "every object of every bucket";
      case "SecretRead" -> "every secret";
      case "ParameterRead" -> "every parameter";
      case "TableRead" -> "every table";
      case "KeyDecrypt" -> "whatever any KMS key encrypted";
      case "QueueRead" -> "the messages of every queue";
      case "StreamRead" -> "every stream";
      case "LogRead" -> "every log";
      case "FunctionCodeRead" -> "the code and environment of every function";
      default -> "data of every " + method;
    };
  }
}
