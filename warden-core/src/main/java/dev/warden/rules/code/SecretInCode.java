package dev.warden.rules.code;

import com.google.auto.service.AutoService;
import dev.warden.code.CodeSecrets;
import dev.warden.code.FunctionCode;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import dev.warden.secrets.SecretMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags credentials written in a function's code: a known credential format (critical) or a literal
 * assigned to a secret-named variable (high). Shown masked.
 */
@AutoService(Rule.class)
public final class SecretInCode implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-CODE-003",
          "Secret hard-coded in function code",
          Severity.CRITICAL,
          Category.SECRET_EXPOSURE,
          Optional.of(Owasp.SAS_7),
          "Rotate the secret, remove it from the code (and the repository's history), and read it"
              + " at run time from Secrets Manager or SSM Parameter Store.",
          List.of(
              "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html",
              "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<Cloud> clouds() {
    return EVERY_CLOUD;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<FunctionCode> code = context.code(function);
    if (code.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (CodeSecrets.CodeSecret secret : code.get().secrets()) {
      Finding finding =
          Finding.of(
              INFO,
              function,
              secret.at(),
              secret.at().file() + ":" + secret.match().masked(),
              "a "
                  + secret.match().kind()
                  + " is written in the code of "
                  + function.logicalId()
                  + ": "
                  + secret.match().masked());
      findings.add(
          secret.match().confidence() == SecretMatch.Confidence.KNOWN_FORMAT
              ? finding
              : finding.withSeverity(Severity.HIGH));
    }
    return findings;
  }
}
