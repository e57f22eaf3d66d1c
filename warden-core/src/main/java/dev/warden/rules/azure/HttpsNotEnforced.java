package dev.warden.rules.azure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.List;
import java.util.Optional;

/** Flags function apps whose {@code httpsOnly} is off, written or by default. */
@AutoService(Rule.class)
public final class HttpsNotEnforced extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-002",
          "Azure function app accepts plain HTTP",
          Severity.MEDIUM,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_3),
          "Set httpsOnly to true on the site (Terraform https_only = true) so that HTTP requests are redirected to HTTPS.",
          List.of(
              "https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Setting<Boolean>> setting = function.host().httpsOnly();
    if (setting.isEmpty()) {
      return List.of();
    }
    Setting<Boolean> s = setting.get();
    if (s.value()) {
      return List.of();
    }
    Finding finding =
        at(
            INFO,
            function,
            s,
            "https-only",
            function.logicalId()
                + " answers plain HTTP: httpsOnly is off, so keys, tokens and data can travel unencrypted",
            Severity.MEDIUM);
    return List.of(finding);
  }
}
