package dev.warden.rules.logging;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.Resource;
import dev.warden.inventory.ResourceKind;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.Value;
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
 * Flags functions whose logs have no retention: the log group the function writes to, or one whose
 * events trigger it, has no {@code RetentionInDays} (low; the message says when it also has no KMS
 * key), or the template declares no log group for the function at all, so Lambda creates {@code
 * /aws/lambda/<name>} on first run with neither retention nor encryption key (info: the group may
 * be managed elsewhere).
 */
@AutoService(Rule.class)
public final class LogsKeptForever implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-LOG-003",
          "Function logs have no retention period",
          Severity.LOW,
          Category.LOGGING_MONITORING,
          Optional.of(Owasp.SAS_5),
          "Declare the function's log group with RetentionInDays (and a KmsKeyId when the logs"
              + " carry personal data), and point the function at it with LoggingConfig.",
          List.of(
              "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.cloud() != Cloud.AWS) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    SymbolicText own =
        function.logGroup().orElse(SymbolicText.of("/aws/lambda/").append(function.name()));
    Optional<Resource> ownGroup = context.index(app).logGroup(own.toString());
    if (ownGroup.isPresent()) {
      unkept(function, ownGroup.get(), "where " + function.logicalId() + " writes its logs")
          .ifPresent(findings::add);
    } else if (function.logGroup().isEmpty()) {
      findings.add(
          Finding.of(
                  INFO,
                  function,
                  function.declaredAt(),
                  "log-group",
                  "no log group is declared for "
                      + function.logicalId()
                      + ": Lambda creates "
                      + own
                      + " on first run and keeps its logs forever, unencrypted by a customer key")
              .withSeverity(Severity.INFO));
    }
    for (Trigger trigger : function.triggers()) {
      Optional<Resource> source =
          trigger
              .sourceResource()
              .flatMap(context.index(app)::resource)
              .filter(r -> r.kind() == ResourceKind.LOG_GROUP)
              .filter(r -> ownGroup.map(o -> !o.logicalId().equals(r.logicalId())).orElse(true));
      source
          .flatMap(s -> unkept(function, s, "whose events trigger " + function.logicalId()))
          .ifPresent(findings::add);
    }
    return findings;
  }

  /** A finding when the declared group keeps its events forever. */
  private static Optional<Finding> unkept(
      ServerlessFunction function, Resource group, String what) {
    Value.Obj properties = group.properties();
    if (properties.has("RetentionInDays")) {
      return Optional.empty();
    }
    SourceLocation at = properties.get("LogGroupName").map(Value::at).orElse(group.at());
    String key = properties.has("KmsKeyId") ? "" : " and no KMS key";
    return Optional.of(
        Finding.of(
            INFO,
            function,
            at,
            "log-group:" + group.logicalId(),
            "log group "
                + group.name()
                + ", "
                + what
                + ", has no retention"
                + key
                + ": everything in it is kept forever"));
  }
}
