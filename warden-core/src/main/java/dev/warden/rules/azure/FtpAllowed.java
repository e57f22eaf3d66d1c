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
 * Flags function apps that accept FTP (medium) or FTPS (low) deployments; {@code AllAllowed} is the
 * API's default.
 */
@AutoService(Rule.class)
public final class FtpAllowed extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-004",
          "Azure function app allows FTP deployment",
          Severity.MEDIUM,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_3),
          "Set siteConfig.ftpsState to Disabled (Terraform site_config.ftps_state = \"Disabled\") and deploy with zip deploy or a pipeline; if FTP is needed, use FtpsOnly.",
          List.of("https://learn.microsoft.com/azure/app-service/deploy-ftp#enforce-ftps"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Setting<String>> setting = function.host().ftpsState();
    if (setting.isEmpty()) {
      return List.of();
    }
    Setting<String> s = setting.get();
    if (s.value().equalsIgnoreCase("Disabled")) {
      return List.of();
    }
    Finding finding =
        at(
            INFO,
            function,
            s,
            "ftp",
            function.logicalId()
                + (s.value().equalsIgnoreCase("AllAllowed")
                    ? " accepts FTP in clear text (ftpsState AllAllowed): deployment credentials and code can be read and replaced on the wire"
                    : " accepts FTPS deployments (ftpsState "
                        + s.value()
                        + "): a second way in with basic publishing credentials"),
            Severity.MEDIUM);
    if (!s.value().equalsIgnoreCase("AllAllowed")) {
      return List.of(finding.withSeverity(Severity.LOW));
    }
    return List.of(finding);
  }
}
