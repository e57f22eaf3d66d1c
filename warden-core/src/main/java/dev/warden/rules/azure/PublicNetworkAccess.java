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

/**
 * Flags function apps open to any internet address: public network access on and no access
 * restriction.
 */
@AutoService(Rule.class)
public final class PublicNetworkAccess extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-009",
          "Azure function app is reachable from the whole internet",
          Severity.LOW,
          Category.PUBLIC_ENTRY_POINT,
          Optional.of(Owasp.SAS_3),
          "Set publicNetworkAccess to Disabled and reach the app through a private endpoint, or restrict it with access restrictions (ipSecurityRestrictions, Terraform site_config.ip_restriction) to the front door or API Management in front of it.",
          List.of("https://learn.microsoft.com/azure/app-service/networking-features"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Setting<Boolean>> setting = function.host().publicNetworkAccess();
    if (setting.isEmpty()) {
      return List.of();
    }
    Setting<Boolean> s = setting.get();
    if (!s.value()) {
      return List.of();
    }
    Finding finding =
        at(
            INFO,
            function,
            s,
            "public-network",
            function.logicalId()
                + " accepts traffic from any internet address (public network access on, no access restrictions)",
            Severity.LOW);
    return List.of(finding);
  }
}
