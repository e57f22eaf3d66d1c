package dev.warden.rules.logging;

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
import java.util.List;
import java.util.Optional;

/**
 * Flags AWS functions without active X-Ray tracing: an investigation cannot follow a request from
 * its entry point through the function to the services it called.
 */
@AutoService(Rule.class)
public final class TracingOff implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-LOG-002",
          "Function tracing is off",
          Severity.LOW,
          Category.LOGGING_MONITORING,
          Optional.of(Owasp.SAS_5),
          "Turn on active tracing: Tracing: Active on the function (Globals.Function.Tracing for"
              + " a whole SAM app; provider.tracing.lambda: true in serverless.yml;"
              + " tracing_config { mode = \"Active\" } in Terraform).",
          List.of("https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.cloud() != Cloud.AWS
        || function.tracing().map("Active"::equalsIgnoreCase).orElse(false)) {
      return List.of();
    }
    return List.of(
        Finding.of(
            INFO,
            function,
            function.declaredAt(),
            "tracing",
            function.logicalId()
                + " has tracing "
                + function.tracing().orElse("off (PassThrough)")
                + ": requests through it cannot be followed end to end"));
  }
}
