package dev.warden.rules.exposure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Auth;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
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

/**
 * Flags public entry points (API routes, AppSync APIs) whose only protection is an API key: a key
 * identifies a client for usage plans, it does not authenticate a user, and it travels in every
 * request.
 */
@AutoService(Rule.class)
public final class ApiKeyOnlyAuth implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-API-002",
          "Entry point is protected by an API key only",
          Severity.MEDIUM,
          Category.MISSING_AUTH,
          Optional.of(Owasp.SAS_2),
          "Add a real authorizer (Cognito, JWT, IAM or Lambda); keep the API key for usage plans"
              + " and throttling only.",
          List.of(
              "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html",
              "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Trigger trigger : function.triggers()) {
      if (!trigger.isPublic() || trigger.auth() != Auth.API_KEY) {
        continue;
      }
      String what =
          trigger
                  .route()
                  .map(Object::toString)
                  .orElse(trigger.kind().wireName() + " " + trigger.name())
              + trigger.api().map(a -> " of " + a).orElse("");
      findings.add(
          Finding.of(
              INFO,
              function,
              trigger.at(),
              what,
              what + " accepts any caller that has the API key, which every client carries"));
    }
    return findings;
  }
}
