package dev.warden.rules.exposure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Reachability;
import dev.warden.inventory.Resource;
import dev.warden.inventory.ResourceKind;
import dev.warden.inventory.ResourcePolicies;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags functions that work with a resource anybody may read (they are triggered by it, their
 * environment names it, or a statement of their role names it): a bucket whose policy or ACL lets
 * the public get objects, a queue anyone may receive from, a secret or table anyone may read.
 * Whatever the function stores there is public.
 */
@AutoService(Rule.class)
public final class PublicReadableResource implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DATA-001",
          "Function works with a resource anybody may read",
          Severity.HIGH,
          Category.DATA_EXPOSURE,
          Optional.of(Owasp.SAS_3),
          "Remove the public read from the resource policy (block public access on buckets);"
              + " serve public files through CloudFront with origin access control or presigned"
              + " URLs.",
          List.of(
              "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html"));

  /** The actions by which a party reads each kind of resource. */
  private static final Map<ResourceKind, List<String>> READS = reads();

  private static Map<ResourceKind, List<String>> reads() {
    Map<ResourceKind, List<String>> reads = new HashMap<>();
    reads.put(ResourceKind.BUCKET, List.of("s3:GetObject", "s3:GetObjectVersion"));
    reads.put(ResourceKind.QUEUE, List.of("sqs:ReceiveMessage"));
    reads.put(ResourceKind.SECRET, List.of("secretsmanager:GetSecretValue"));
    reads.put(ResourceKind.TABLE, List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query"));
    reads.put(ResourceKind.STREAM, List.of("kinesis:GetRecords"));
    reads.put(ResourceKind.TOPIC, List.of("sns:Subscribe"));
    return Map.copyOf(reads);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Set<String> used = new LinkedHashSet<>();
    for (Trigger trigger : function.triggers()) {
      trigger.sourceResource().ifPresent(used::add);
    }
    for (Reachability.Reach reach : context.reach(app).named(function)) {
      used.add(reach.logicalId());
    }
    List<Finding> findings = new ArrayList<>();
    for (String logicalId : used) {
      Resource resource = context.index(app).resource(logicalId).orElse(null);
      List<String> reads = resource == null ? null : READS.get(resource.kind());
      if (reads == null) {
        continue;
      }
      Optional<SourceLocation> opened = openedAt(resource, reads);
      opened.ifPresent(
          at ->
              findings.add(
                  Finding.of(
                      INFO,
                      function,
                      at,
                      resource.logicalId(),
                      "anybody may read "
                          + resource.logicalId()
                          + " ("
                          + String.join(", ", reads)
                          + "), which "
                          + function.logicalId()
                          + " uses")));
    }
    return findings;
  }

  /** The actions of the statement that lets anybody read, or the public-read ACL. */
  private static Optional<SourceLocation> openedAt(Resource resource, List<String> reads) {
    if (resource.kind() == ResourceKind.BUCKET && blocksPublicPolicies(resource)) {
      return Optional.empty();
    }
    List<Value.Obj> open = ResourcePolicies.openStatements(resource.policy(), reads);
    if (!open.isEmpty()) {
      Value.Obj statement = open.get(0);
      return Optional.of(statement.get("Action").map(Value::at).orElse(statement.at()));
    }
    if (resource.kind() != ResourceKind.BUCKET) {
      return Optional.empty();
    }
    return resource
        .properties()
        .get("AccessControl")
        .filter(
            acl ->
                acl.asString()
                    .map(a -> a.equals("PublicRead") || a.equals("PublicReadWrite"))
                    .orElse(false))
        .map(Value::at);
  }

  private static boolean blocksPublicPolicies(Resource bucket) {
    return bucket
        .properties()
        .obj("PublicAccessBlockConfiguration")
        .flatMap(b -> b.get("RestrictPublicBuckets"))
        .flatMap(Value::asString)
        .map("true"::equalsIgnoreCase)
        .orElse(false);
  }
}
