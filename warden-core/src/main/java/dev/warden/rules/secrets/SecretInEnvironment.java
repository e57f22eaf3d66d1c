package dev.warden.rules.secrets;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import dev.warden.secrets.SecretDetector;
import dev.warden.secrets.SecretMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags environment variables that hold a secret in plain text: a known credential format
 * (critical), a secret-named variable with a secret-looking value (high), or a high-entropy string
 * (medium). When the value comes from a parameter's default, the finding points at the default.
 */
@AutoService(Rule.class)
public final class SecretInEnvironment implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-ENV-001",
          "Secret stored in plain text in an environment variable",
          Severity.CRITICAL,
          Category.SECRET_EXPOSURE,
          Optional.of(Owasp.SAS_7),
          "Rotate the secret, move it to AWS Secrets Manager or SSM Parameter Store"
              + " (SecureString) and read it at run time; pass only its name or ARN in the"
              + " environment. On Google Cloud, store it in Secret Manager and expose it with"
              + " secretEnvironmentVariables (Terraform secret_environment_variables); on Azure,"
              + " store it in Key Vault and set the app setting to"
              + " @Microsoft.KeyVault(SecretUri=...), read with the app's managed identity.",
          List.of(
              "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
              "https://cloud.google.com/functions/docs/configuring/secrets",
              "https://learn.microsoft.com/azure/app-service/app-service-key-vault-references"));

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
    List<Finding> findings = new ArrayList<>();
    for (EnvironmentVariable variable : function.environment()) {
      Optional<String> value = variable.value().concrete();
      if (value.isEmpty()) {
        continue;
      }
      Optional<SecretMatch> secret = SecretDetector.inspect(variable.name(), value.get());
      if (secret.isEmpty()) {
        continue;
      }
      String origin =
          variable.valueAt().line() == variable.at().line()
              ? ""
              : " (the value is written at line "
                  + variable.valueAt().line()
                  + " and passed in the environment at line "
                  + variable.at().line()
                  + ")";
      findings.add(
          Finding.of(
                  INFO,
                  function,
                  variable.valueAt(),
                  variable.name(),
                  "environment variable "
                      + variable.name()
                      + " of "
                      + function.logicalId()
                      + " holds a "
                      + secret.get().kind()
                      + " in plain text: "
                      + secret.get().masked()
                      + origin)
              .withSeverity(severity(secret.get())));
    }
    return findings;
  }

  private static Severity severity(SecretMatch secret) {
    return switch (secret.confidence()) {
      case KNOWN_FORMAT -> Severity.CRITICAL;
      case SECRET_NAME -> Severity.HIGH;
      case HIGH_ENTROPY -> Severity.MEDIUM;
    };
  }
}
