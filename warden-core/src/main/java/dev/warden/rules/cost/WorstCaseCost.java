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
import java.util.Locale;
import java.util.Optional;

/**
 * For each public function, the worst case an attacker can make it cost: every environment its
 * concurrency limit allows (reserved concurrency, else the account's default quota) busy for the
 * whole hour at the function's memory, each call running to its timeout. High from $100 an hour,
 * medium from $10, low below; the figure is in the message.
 */
@AutoService(Rule.class)
public final class WorstCaseCost implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DOW-001",
          "Public function can be made to cost a lot per hour",
          Severity.MEDIUM,
          Category.DENIAL_OF_WALLET,
          Optional.of(Owasp.SAS_8),
          "Cap the function with ReservedConcurrentExecutions, lower its memory and timeout to"
              + " what it needs, require authentication, and throttle the API in front of it.",
          List.of(
              "https://aws.amazon.com/lambda/pricing/",
              "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html"));

  private static final int DEFAULT_MEMORY_MB = 128;
  private static final int DEFAULT_TIMEOUT_S = 3;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (!function.isPublic() || function.reservedConcurrency().map(c -> c == 0).orElse(false)) {
      return List.of();
    }
    LambdaPrices prices = LambdaPrices.bundled();
    int concurrency = function.reservedConcurrency().orElse(prices.defaultConcurrency());
    int memory = function.memoryMb().orElse(DEFAULT_MEMORY_MB);
    int timeout = function.timeoutSeconds().orElse(DEFAULT_TIMEOUT_S);
    boolean arm = function.architectures().contains("arm64");
    double perHour = prices.worstCasePerHour(concurrency, memory, timeout, arm);
    String limit =
        function.reservedConcurrency().isPresent()
            ? concurrency + " concurrent executions (its reserved concurrency)"
            : concurrency + " concurrent executions (the account's default quota, shared)";
    Finding finding =
        Finding.of(
            INFO,
            function,
            function.declaredAt(),
            "cost",
            String.format(
                Locale.ROOT,
                "kept busy by anyone who can call it, %s costs up to $%,.2f per hour ($%,.0f per"
                    + " day): %s x %d MB x %d s calls on %s",
                function.logicalId(),
                perHour,
                perHour * 24,
                limit,
                memory,
                timeout,
                arm ? "arm64" : "x86_64"));
    Severity severity =
        perHour >= 100 ? Severity.HIGH : perHour >= 10 ? Severity.MEDIUM : Severity.LOW;
    return List.of(finding.withSeverity(severity));
  }
}
