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

/** Flags function apps with remote debugging on. */
@AutoService(Rule.class)
public final class RemoteDebuggingOn extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-005",
          "Azure function app has remote debugging on",
          Severity.HIGH,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_3),
          "Set siteConfig.remoteDebuggingEnabled to false (Terraform site_config.remote_debugging_enabled = false); turn it on only for a session, never in a template.",
          List.of(
              "https://learn.microsoft.com/azure/app-service/configure-common#configure-general-settings"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Setting<Boolean>> setting = function.host().remoteDebugging();
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
            "remote-debugging",
            function.logicalId()
                + " has remote debugging on: the debugger ports are open to anyone with publishing credentials",
            Severity.HIGH);
    return List.of(finding);
  }
}
