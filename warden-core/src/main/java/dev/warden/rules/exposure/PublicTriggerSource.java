package dev.warden.rules.exposure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Resource;
import dev.warden.inventory.ResourcePolicies;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
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
import java.util.Map;
import java.util.Optional;

/**
 * Flags functions triggered by a bucket, queue, topic or event bus that anybody may write to: the
 * function then runs on input from the whole internet. Points at the policy statement (or the
 * bucket ACL) that opens the source.
 */
@AutoService(Rule.class)
public final class PublicTriggerSource implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-EXP-003",
          "Function is triggered by a resource anybody may write to",
          Severity.HIGH,
          Category.PUBLIC_ENTRY_POINT,
          Optional.of(Owasp.SAS_1),
          "Limit the source's resource policy to the principals that must write (an account, a"
              + " role, aws:SourceArn) and block public access on buckets; treat every event as"
              + " untrusted input in the function.",
          List.of(
              "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
              "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html",
              "https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html"));

  /** The actions by which a party puts an event into each kind of source. */
  private static final Map<TriggerKind, List<String>> WRITES =
      Map.of(
          TriggerKind.S3, List.of("s3:PutObject"),
          TriggerKind.SQS, List.of("sqs:SendMessage"),
          TriggerKind.SNS, List.of("sns:Publish"),
          TriggerKind.EVENTBRIDGE, List.of("events:PutEvents"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Trigger trigger : function.triggers()) {
      List<String> writes = WRITES.get(trigger.kind());
      if (writes == null || !trigger.isPublic()) {
        continue;
      }
      Optional<Resource> source = trigger.sourceResource().flatMap(context.index(app)::resource);
      SourceLocation at = source.flatMap(s -> openedAt(s, writes)).orElse(trigger.at());
      String name = source.map(Resource::logicalId).orElse(trigger.name());
      findings.add(
          Finding.of(
              INFO,
              function,
              at,
              trigger.kind().wireName() + ":" + name,
              "anybody may "
                  + String.join(" or ", writes)
                  + " to "
                  + name
                  + ", whose events run "
                  + function.logicalId()));
    }
    return findings;
  }

  /** The principal of the statement that lets anybody write, or the public ACL. */
  private static Optional<SourceLocation> openedAt(Resource source, List<String> writes) {
    List<Value.Obj> open = ResourcePolicies.openStatements(source.policy(), writes);
    if (!open.isEmpty()) {
      Value.Obj statement = open.get(0);
      return Optional.of(statement.get("Principal").map(Value::at).orElse(statement.at()));
    }
    return source.properties().get("AccessControl").map(Value::at);
  }
}
