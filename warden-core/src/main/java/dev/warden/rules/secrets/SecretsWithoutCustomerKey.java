package dev.warden.rules.secrets;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags functions whose environment holds sensitive values (secrets, or values of secret-named
 * variables) with no customer-managed KMS key: the AWS-owned key lets every principal with {@code
 * lambda:GetFunctionConfiguration} read them, and no key policy or CloudTrail decrypt record stands
 * in the way.
 */
@AutoService(Rule.class)
public final class SecretsWithoutCustomerKey implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-ENV-002",
          "Sensitive environment variables are not encrypted with a customer KMS key",
          Severity.MEDIUM,
          Category.SECRET_EXPOSURE,
          Optional.of(Owasp.SAS_7),
          "Move the values to Secrets Manager; until then set KmsKeyArn to a customer-managed key"
              + " whose policy only lets the function's role decrypt.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.kmsKeyArn().isPresent()) {
      return List.of();
    }
    List<EnvironmentVariable> sensitive = new ArrayList<>();
    for (EnvironmentVariable variable : function.environment()) {
      Optional<String> value = variable.value().concrete();
      if (value.isPresent() && SecretDetector.inspect(variable.name(), value.get()).isPresent()) {
        sensitive.add(variable);
      }
    }
    if (sensitive.isEmpty()) {
      return List.of();
    }
    List<String> names = sensitive.stream().map(EnvironmentVariable::name).toList();
    return List.of(
        Finding.of(
            INFO,
            function,
            sensitive.get(sensitive.size() - 1).at(),
            "kms",
            function.logicalId()
                + " keeps "
                + String.join(", ", names)
                + " under the AWS-owned key: anyone who may read the function's configuration"
                + " reads them"));
  }
}
