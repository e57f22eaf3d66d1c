package dev.warden.rules.cost;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.ServerlessFunction;
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

/**
 * Flags public functions without reserved concurrency: a flood of calls can use the whole account's
 * concurrency, so the bill grows without bound and every other function of the account is
 * throttled.
 */
@AutoService(Rule.class)
public final class UncappedPublicFunction implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DOW-002",
          "Public function has no reserved concurrency",
          Severity.MEDIUM,
          Category.DENIAL_OF_WALLET,
          Optional.of(Owasp.SAS_8),
          "Set ReservedConcurrentExecutions to the most the function needs at peak; it caps both"
              + " its cost and its share of the account's concurrency.",
          List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (!function.isPublic() || function.reservedConcurrency().isPresent()) {
      return List.of();
    }
    return List.of(
        Finding.of(
            INFO,
            function,
            function.declaredAt(),
            "concurrency",
            function.logicalId()
                + " is public and may scale to the account's whole concurrency: a flood of calls"
                + " raises the bill and throttles every other function of the account"));
  }
}
