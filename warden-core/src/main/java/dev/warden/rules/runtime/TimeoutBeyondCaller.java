package dev.warden.rules.runtime;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags functions whose timeout is far above what their callers can use: every trigger is
 * synchronous with a hard limit (API Gateway waits 29 seconds, AppSync 30, Cognito hooks 5, Alexa
 * 8), yet the function may run much longer. Time after the caller gave up is paid for and serves
 * nobody; for a public function it is the lever of a denial-of-wallet attack.
 */
@AutoService(Rule.class)
public final class TimeoutBeyondCaller implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-RT-003",
          "Function timeout is far longer than its callers wait",
          Severity.LOW,
          Category.DENIAL_OF_WALLET,
          Optional.of(Owasp.SAS_8),
          "Set Timeout just above the function's longest normal run and no higher than its"
              + " callers' limit.",
          List.of(
              "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html"));

  /** How long each synchronous caller waits, in seconds. */
  private static final Map<TriggerKind, Integer> CALLER_LIMIT = limits();

  private static Map<TriggerKind, Integer> limits() {
    Map<TriggerKind, Integer> limits = new EnumMap<>(TriggerKind.class);
    limits.put(TriggerKind.HTTP, 29);
    limits.put(TriggerKind.APPSYNC, 30);
    limits.put(TriggerKind.COGNITO, 5);
    limits.put(TriggerKind.ALEXA, 8);
    return limits;
  }

  /** A timeout this many times the callers' limit is "far" above it. */
  private static final int FACTOR = 2;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.timeoutSeconds().isEmpty() || function.triggers().isEmpty()) {
      return List.of();
    }
    int longestWait = 0;
    for (Trigger trigger : function.triggers()) {
      Integer limit = CALLER_LIMIT.get(trigger.kind());
      if (limit == null) {
        return List.of(); // some caller can wait as long as the function runs
      }
      longestWait = Math.max(longestWait, limit);
    }
    int timeout = function.timeoutSeconds().get();
    if (timeout < FACTOR * longestWait) {
      return List.of();
    }
    return List.of(
        Finding.of(
            INFO,
            function,
            function.declaredAt(),
            "timeout",
            function.logicalId()
                + " may run for "
                + timeout
                + " s, but its callers give up after "
                + longestWait
                + " s"));
  }
}
