package dev.warden.rules.exposure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Auth;
import dev.warden.inventory.ServerlessFunction;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags public API routes (REST, HTTP or WebSocket) that no authorizer protects, by route. */
@AutoService(Rule.class)
public final class UnauthenticatedRoute implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-API-001",
          "Public API route has no authorizer",
          Severity.HIGH,
          Category.MISSING_AUTH,
          Optional.of(Owasp.SAS_2),
          "Put an authorizer on the route (Cognito, JWT, Lambda or IAM); if the route must be"
              + " open, verify the caller in the function (for a webhook, its signature) and say so"
              + " in a suppression with the reason.",
          List.of(
              "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html",
              "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-controlling-access-to-apis.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Trigger trigger : function.triggers()) {
      if (trigger.kind() != TriggerKind.HTTP
          || !trigger.isPublic()
          || trigger.auth() != Auth.NONE
          || isAuthorizer(trigger)) {
        continue;
      }
      String route = trigger.route().map(Object::toString).orElse(trigger.name());
      String api = trigger.api().map(a -> " of " + a).orElse("");
      findings.add(
          Finding.of(
              INFO,
              function,
              trigger.at(),
              route + api,
              route + api + " reaches " + function.logicalId() + " without authentication"));
    }
    return findings;
  }

  /** The trigger by which API Gateway calls a Lambda authorizer: the authentication itself. */
  private static boolean isAuthorizer(Trigger trigger) {
    return "authorizer".equals(trigger.details().get("role"));
  }
}
