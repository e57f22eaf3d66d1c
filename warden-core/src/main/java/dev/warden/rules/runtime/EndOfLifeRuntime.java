package dev.warden.rules.runtime;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags functions on a runtime past its end of support (no more security patches): medium, high
 * once it has gone without patches for more than a year; a runtime whose end comes within 90 days
 * is reported low, so there is time to move. Dates come from the bundled runtime table and are
 * compared with the scan's clock.
 */
@AutoService(Rule.class)
public final class EndOfLifeRuntime implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-RT-001",
          "Function runs on a runtime that no longer receives security updates",
          Severity.MEDIUM,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_3),
          "Move the function to a supported runtime (the message names one) and redeploy; test"
              + " the upgrade, since major language versions are not backward compatible.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html",
              "https://cloud.google.com/functions/docs/runtime-support"));

  private static final int WARNING_DAYS = 90;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<Cloud> clouds() {
    return EVERY_CLOUD;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<LambdaRuntimes.Entry> runtime =
        function
            .runtime()
            .flatMap(id -> LambdaRuntimes.of(function.cloud()).flatMap(table -> table.get(id)));
    if (runtime.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(context.clock());
    LocalDate end = runtime.get().deprecated();
    long daysPast = ChronoUnit.DAYS.between(end, today);
    String upgrade =
        runtime.get().upgrade().isEmpty() ? "" : "; move to " + runtime.get().upgrade();
    if (daysPast < -WARNING_DAYS) {
      return List.of();
    }
    Finding finding =
        Finding.of(
            INFO,
            function,
            function.declaredAt(),
            runtime.get().id(),
            daysPast >= 0
                ? function.logicalId()
                    + " runs on "
                    + runtime.get().id()
                    + ", out of support since "
                    + end
                    + " ("
                    + daysPast
                    + " days without security patches)"
                    + upgrade
                : function.logicalId()
                    + " runs on "
                    + runtime.get().id()
                    + ", whose support ends on "
                    + end
                    + " (in "
                    + -daysPast
                    + " days)"
                    + upgrade);
    Severity severity =
        daysPast < 0 ? Severity.LOW : daysPast > 365 ? Severity.HIGH : Severity.MEDIUM;
    return List.of(finding.withSeverity(severity));
  }
}
