package dev.warden.rules.logging;

import com.google.auto.service.AutoService;
import dev.warden.inventory.Api;
import dev.warden.inventory.App;
import dev.warden.rules.ApiRule;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Mentions;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Flags internet-facing APIs that no CloudWatch alarm of the app watches: a flood of requests or a
 * spike of 4xx/5xx answers (someone probing) goes unnoticed.
 */
@AutoService(Rule.class)
public final class UnwatchedPublicApi implements ApiRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-LOG-005",
          "No alarm watches the public API",
          Severity.LOW,
          Category.LOGGING_MONITORING,
          Optional.of(Owasp.SAS_5),
          "Add CloudWatch alarms on the API's Count, 4XXError/4xx and 5XXError/5xx metrics (with"
              + " the ApiName or ApiId dimension) that notify someone.",
          List.of(
              "https://docs.aws.amazon.com/apigateway/latest/developerguide/monitoring-cloudwatch.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Api api, App app, RuleContext context) {
    if (!api.isInternetFacing()
        || Mentions.anyOfType(app, context, api.logicalId(), "AWS::CloudWatch::Alarm")
        || Mentions.anyOfType(app, context, api.logicalId(), "AWS::CloudWatch::CompositeAlarm")) {
      return List.of();
    }
    return List.of(
        Finding.ofApp(
            INFO,
            app.id(),
            api.at(),
            api.logicalId(),
            "no CloudWatch alarm of the app watches public API "
                + api.logicalId()
                + ": floods and probing go unnoticed"));
  }
}
