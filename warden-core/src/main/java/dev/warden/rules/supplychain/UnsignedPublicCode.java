package dev.warden.rules.supplychain;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.PackageType;
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
 * Flags public functions deployed from zip archives without a code-signing configuration: anyone
 * who can update the function's code (a leaked deployment key, a compromised pipeline) can replace
 * it with unsigned code at the entry point the internet reaches.
 */
@AutoService(Rule.class)
public final class UnsignedPublicCode implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-SC-002",
          "Public function accepts unsigned code",
          Severity.LOW,
          Category.SUPPLY_CHAIN,
          Optional.of(Owasp.SAS_6),
          "Create an AWS Signer profile and a code-signing configuration with"
              + " UntrustedArtifactOnDeployment: Enforce, and set CodeSigningConfigArn on the"
              + " function.",
          List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.cloud() != Cloud.AWS
        || function.packageType() != PackageType.ZIP
        || !function.isPublic()
        || function.codeSigningConfig().isPresent()) {
      return List.of();
    }
    return List.of(
        Finding.of(
            INFO,
            function,
            function.declaredAt(),
            "code-signing",
            function.logicalId()
                + " is public and has no code-signing configuration: any code uploaded with"
                + " deployment rights runs there"));
  }
}
