package dev.warden.rules.logging;

import com.google.auto.service.AutoService;
import dev.warden.inventory.Api;
import dev.warden.inventory.ApiStage;
import dev.warden.inventory.App;
import dev.warden.rules.ApiRule;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags stages of internet-facing APIs that keep no access logs (who called what, from where) and,
 * for REST APIs, no execution logs: an attack through the API leaves no trace outside the
 * functions.
 */
@AutoService(Rule.class)
public final class UnloggedPublicApi implements ApiRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-LOG-004",
          "Public API keeps no access logs",
          Severity.MEDIUM,
          Category.LOGGING_MONITORING,
          Optional.of(Owasp.SAS_5),
          "Turn on access logging for the stage (AccessLogSetting / AccessLogSettings with a"
              + " destination log group) and, on REST APIs, execution logging at ERROR or INFO.",
          List.of(
              "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
              "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Api api, App app, RuleContext context) {
    if (!api.isInternetFacing()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    List<ApiStage> stages = api.stages();
    if (stages.isEmpty()) {
      return List.of();
    }
    for (ApiStage stage : stages) {
      if (stage.accessLogDestination().isPresent()) {
        continue;
      }
      boolean executionLogs =
          stage.loggingLevel().map(l -> !l.equalsIgnoreCase("OFF")).orElse(false);
      findings.add(
          Finding.ofApp(
              INFO,
              app.id(),
              stage.at(),
              api.logicalId() + "/" + stage.name(),
              "stage "
                  + stage.name()
                  + " of public API "
                  + api.logicalId()
                  + " keeps no access logs"
                  + (api.kind() == Api.Kind.REST && !executionLogs
                      ? " and no execution logs"
                      : "")));
    }
    return findings;
  }
}
