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
import java.util.List;
import java.util.Optional;

/**
 * Flags functions invoked asynchronously (S3, SNS, EventBridge, schedules, IoT…) with neither a
 * dead-letter queue nor an on-failure destination: after Lambda's retries the event is dropped, and
 * with it the evidence of an attack that made the function fail.
 */
@AutoService(Rule.class)
public final class AsyncWithoutFailureDestination implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-RT-002",
          "Asynchronous trigger has no dead-letter queue or on-failure destination",
          Severity.LOW,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_10),
          "Add an on-failure destination (EventInvokeConfig.DestinationConfig.OnFailure) or a"
              + " DeadLetterQueue, and alarm on its depth.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.deadLetter().isPresent()
        || function.asyncConfig().flatMap(c -> c.onFailure()).isPresent()) {
      return List.of();
    }
    List<Trigger> async =
        function.triggers().stream()
            .filter(t -> t.kind().delivery() == TriggerKind.Delivery.ASYNCHRONOUS)
            .filter(t -> t.kind() != TriggerKind.OTHER)
            .toList();
    if (async.isEmpty()) {
      return List.of();
    }
    List<String> names =
        async.stream().map(t -> t.name() + " (" + t.kind().wireName() + ")").toList();
    return List.of(
        Finding.of(
            INFO,
            function,
            async.get(0).at(),
            "on-failure",
            "events from "
                + String.join(", ", names)
                + " that still fail after Lambda's retries are dropped: "
                + function.logicalId()
                + " has no dead-letter queue or on-failure destination"));
  }
}
