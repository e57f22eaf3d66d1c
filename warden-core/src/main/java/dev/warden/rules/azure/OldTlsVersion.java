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

/** Flags function apps whose minimum TLS version is 1.0 or 1.1. */
@AutoService(Rule.class)
public final class OldTlsVersion extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-003",
          "Azure function app accepts TLS versions older than 1.2",
          Severity.MEDIUM,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_3),
          "Set siteConfig.minTlsVersion to 1.2 or 1.3 (Terraform site_config.minimum_tls_version).",
          List.of("https://learn.microsoft.com/azure/app-service/overview-tls"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Setting<String>> setting = function.host().minTlsVersion();
    if (setting.isEmpty()) {
      return List.of();
    }
    Setting<String> s = setting.get();
    if (!(s.value().startsWith("1.0") || s.value().startsWith("1.1"))) {
      return List.of();
    }
    Finding finding =
        at(
            INFO,
            function,
            s,
            "min-tls",
            function.logicalId() + " accepts TLS " + s.value() + ", which has known weaknesses",
            Severity.MEDIUM);
    return List.of(finding);
  }
}
