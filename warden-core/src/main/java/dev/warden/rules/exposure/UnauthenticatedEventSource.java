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
import java.util.Set;

/**
 * Flags public triggers other than API routes and function URLs (which have their own rules) that
 * check nobody: an Alexa skill trigger without a skill id (any skill may invoke the function), an
 * internet-facing load balancer without an authentication action.
 */
@AutoService(Rule.class)
public final class UnauthenticatedEventSource implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-EXP-004",
          "Public trigger accepts events from anybody",
          Severity.HIGH,
          Category.MISSING_AUTH,
          Optional.of(Owasp.SAS_2),
          "Pin the trigger to its caller: the SkillId of an Alexa skill, an authenticate-oidc or"
              + " authenticate-cognito action on the load balancer listener.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/services-alexa.html",
              "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html"));

  /** Kinds that other rules cover with more precise messages. */
  private static final Set<TriggerKind> COVERED_ELSEWHERE =
      Set.of(TriggerKind.HTTP, TriggerKind.FUNCTION_URL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Trigger trigger : function.triggers()) {
      if (!trigger.isPublic()
          || trigger.auth() != Auth.NONE
          || COVERED_ELSEWHERE.contains(trigger.kind())) {
        continue;
      }
      findings.add(
          Finding.of(
              INFO,
              function,
              trigger.at(),
              trigger.kind().wireName() + ":" + trigger.name(),
              why(trigger) + "; " + function.logicalId() + " runs on whatever it is sent"));
    }
    return findings;
  }

  private static String why(Trigger trigger) {
    if (trigger.kind() == TriggerKind.ALEXA) {
      return "the Alexa trigger "
          + trigger.name()
          + " has no SkillId: any Alexa skill may invoke it";
    }
    if (trigger.kind() == TriggerKind.LOAD_BALANCER) {
      return "the load balancer target " + trigger.name() + " is reachable without authentication";
    }
    return "the " + trigger.kind().wireName() + " trigger " + trigger.name() + " checks no caller";
  }
}
