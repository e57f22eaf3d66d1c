package dev.warden.rules.gcp;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Auth;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
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
import java.util.Set;

/**
 * Flags HTTP functions that accept unauthenticated calls with ingress {@code ALLOW_ALL}: the
 * network lets the whole internet in and nothing checks who calls. Written or left to the default
 * ({@code ALLOW_ALL}); the finding points at the setting, or at the function when it is unset.
 */
@AutoService(Rule.class)
public final class OpenIngress implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-GCP-002",
          "Unauthenticated Google Cloud function accepts traffic from the whole internet",
          Severity.MEDIUM,
          Category.PUBLIC_ENTRY_POINT,
          Optional.of(Owasp.SAS_3),
          "Set ingress to ALLOW_INTERNAL_ONLY, or ALLOW_INTERNAL_AND_GCLB behind an external"
              + " load balancer with Cloud Armor or IAP (gcloud functions deploy --ingress-settings;"
              + " Terraform ingress_settings), and require authentication.",
          List.of(
              "https://cloud.google.com/functions/docs/networking/network-settings",
              "https://cloud.google.com/functions/docs/securing"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<Cloud> clouds() {
    return Set.of(Cloud.GCP);
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Setting<String>> ingress = function.host().ingress();
    if (ingress.isEmpty() || !ingress.get().value().equals("ALLOW_ALL")) {
      return List.of();
    }
    Optional<Trigger> open =
        function.triggers().stream()
            .filter(t -> t.kind() == TriggerKind.HTTP && t.isPublic() && t.auth() == Auth.NONE)
            .findFirst();
    if (open.isEmpty()) {
      return List.of();
    }
    return List.of(
        Finding.of(
            INFO,
            function,
            ingress.get().at(),
            "ingress",
            function.logicalId()
                + " takes unauthenticated calls ("
                + open.get().details().getOrDefault("invoker", "public invoker")
                + ") and its ingress is ALLOW_ALL"
                + (ingress.get().explicit() ? "" : " (the default: ingressSettings is not set)")
                + ": anyone on the internet can call it, with no load balancer or firewall in"
                + " front"));
  }
}
