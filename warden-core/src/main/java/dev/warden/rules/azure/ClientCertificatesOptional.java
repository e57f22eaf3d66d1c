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

/** Flags function apps that turned client certificates on but left them optional. */
@AutoService(Rule.class)
public final class ClientCertificatesOptional extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-008",
          "Azure function app asks for client certificates but does not require them",
          Severity.LOW,
          Category.MISSING_AUTH,
          Optional.of(Owasp.SAS_2),
          "Set clientCertMode to Required (Terraform client_certificate_mode = \"Required\") so that mutual TLS is enforced, and check the certificate in the function.",
          List.of(
              "https://learn.microsoft.com/azure/app-service/app-service-web-configure-tls-mutual-auth"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Setting<String>> setting = function.host().clientCertMode();
    if (setting.isEmpty()) {
      return List.of();
    }
    Setting<String> s = setting.get();
    if (!s.value().toLowerCase(java.util.Locale.ROOT).startsWith("optional")) {
      return List.of();
    }
    Finding finding =
        at(
            INFO,
            function,
            s,
            "client-certificates",
            function.logicalId()
                + " enables client certificates in mode "
                + s.value()
                + ": callers without a certificate get through, so mutual TLS protects nothing",
            Severity.LOW);
    return List.of(finding);
  }
}
