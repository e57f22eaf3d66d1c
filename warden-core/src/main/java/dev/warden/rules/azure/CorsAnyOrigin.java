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

/** Flags function apps whose CORS origins include {@code *}. */
@AutoService(Rule.class)
public final class CorsAnyOrigin extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-006",
          "Azure function app allows cross-origin requests from any site",
          Severity.MEDIUM,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_3),
          "List the origins that need the API in siteConfig.cors.allowedOrigins (Terraform site_config.cors.allowed_origins) instead of *.",
          List.of(
              "https://learn.microsoft.com/azure/azure-functions/functions-how-to-use-azure-function-app-settings#cors"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Setting<List<String>>> setting = function.host().corsOrigins();
    if (setting.isEmpty()) {
      return List.of();
    }
    Setting<List<String>> s = setting.get();
    if (!s.value().contains("*")) {
      return List.of();
    }
    Finding finding =
        at(
            INFO,
            function,
            s,
            "cors",
            function.logicalId()
                + " allows CORS requests from any origin (*): any web page a user visits can call its functions from the user's browser",
            Severity.MEDIUM);
    return List.of(finding);
  }
}
