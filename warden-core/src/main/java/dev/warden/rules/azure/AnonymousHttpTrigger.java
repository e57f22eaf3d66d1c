package dev.warden.rules.azure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Auth;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags Azure HTTP triggers with {@code authLevel} {@code anonymous} on an app without built-in
 * authentication: anyone who can reach the app calls the function. High when the app takes internet
 * traffic, medium when its public network access is off.
 */
@AutoService(Rule.class)
public final class AnonymousHttpTrigger extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-001",
          "Azure HTTP trigger accepts anonymous calls",
          Severity.HIGH,
          Category.MISSING_AUTH,
          Optional.of(Owasp.SAS_2),
          "Turn on App Service authentication (authsettingsV2) with your identity provider, or put"
              + " API Management with validate-jwt in front; authLevel function only adds a shared"
              + " key, which identifies nobody.",
          List.of(
              "https://learn.microsoft.com/azure/azure-functions/security-concepts#authorization-level",
              "https://learn.microsoft.com/azure/app-service/overview-authentication-authorization"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Trigger trigger : function.triggers()) {
      if (trigger.kind() != TriggerKind.HTTP || trigger.auth() != Auth.NONE) {
        continue;
      }
      String route = trigger.route().map(Object::toString).orElse(trigger.name());
      Finding finding =
          Finding.of(
              INFO,
              function,
              trigger.at(),
              trigger.name(),
              "HTTP trigger "
                  + trigger.name()
                  + " ("
                  + route
                  + ") of "
                  + function.logicalId()
                  + " has authLevel anonymous"
                  + (trigger.isPublic()
                      ? ": anyone on the internet may call it"
                      : ": anyone who reaches the app's network may call it"));
      findings.add(trigger.isPublic() ? finding : finding.withSeverity(Severity.MEDIUM));
    }
    return findings;
  }
}
