package dev.warden.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.inventory.snapshot.SnapshotLayout;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The resources that trigger a region's functions, found in what was already collected — the source
 * ARNs of the functions' resource policies and the queues of their event source mappings — so that
 * only those are asked about: each S3 bucket's notifications and public-access state, each SNS
 * topic's attributes (its policy), each EventBridge rule and its targets, each SQS queue's
 * attributes (its policy and redrive).
 */
final class TriggerSources {

  private final Region region;
  private final AwsClients clients;
  private final CallRunner runner;
  private final Set<String> arns = new TreeSet<>();

  TriggerSources(Region region, AwsClients clients, CallRunner runner) {
    this.region = region;
    this.clients = clients;
    this.runner = runner;
  }

  /** Notes the source ARNs a function's resource policy names ({@code AWS:SourceArn}). */
  synchronized void fromPolicy(JsonNode getPolicy) {
    JsonNode policy = RegionCollector.parse(getPolicy.path("Policy").asText("{}"));
    JsonNode statements = policy.path("Statement");
    for (JsonNode statement : statements.isArray() ? statements : java.util.List.of(statements)) {
      for (Map.Entry<String, JsonNode> operator : statement.path("Condition").properties()) {
        operator
            .getValue()
            .properties()
            .forEach(
                e -> {
                  if (e.getKey().equalsIgnoreCase("AWS:SourceArn")) {
                    if (e.getValue().isArray()) {
                      e.getValue().forEach(v -> arns.add(v.asText()));
                    } else {
                      arns.add(e.getValue().asText());
                    }
                  }
                });
      }
    }
  }

  /** Notes the queues of the region's event source mappings. */
  synchronized void fromMappings(JsonNode mappings) {
    for (JsonNode mapping : mappings.path("EventSourceMappings")) {
      String source = mapping.path("EventSourceArn").asText();
      if (source.contains(":sqs:")) {
        arns.add(source);
      }
    }
  }

  /** Asks about every source noted, each on the call pool; the futures join {@code pending}. */
  void collect(String dir, ExecutorService pool, List<Future<?>> pending) {
    Set<String> sources;
    synchronized (this) {
      sources = new TreeSet<>(arns);
    }
    for (String arn : sources) {
      String[] parts = arn.split(":", 6);
      if (parts.length < 6 || parts[5].contains("*")) {
        continue;
      }
      Runnable task =
          switch (parts[2]) {
            case "s3" -> () -> bucket(parts[5]);
            case "sns" -> () -> topic(dir, arn, parts);
            case "events" -> () -> rule(dir, parts);
            case "sqs" -> () -> queue(dir, parts);
            default -> null; // API Gateway, IoT, Cognito…: described by their own collections
          };
      if (task != null) {
        pending.add(pool.submit(task));
      }
    }
  }

  private void bucket(String bucket) {
    if (bucket.contains("/")) {
      return;
    }
    S3Client s3 = clients.s3(region);
    String base = "s3/" + SnapshotLayout.segment(bucket) + "/";
    runner.fetch(
        base + "get-bucket-notification-configuration.json",
        "s3",
        "GetBucketNotificationConfiguration",
        region.id(),
        bucket,
        () ->
            named(
                SdkJson.of(s3.getBucketNotificationConfiguration(r -> r.bucket(bucket))), bucket));
    runner.fetch(
        base + "get-public-access-block.json",
        "s3",
        "GetPublicAccessBlock",
        region.id(),
        bucket,
        () -> named(SdkJson.of(s3.getPublicAccessBlock(r -> r.bucket(bucket))), bucket));
    runner.fetch(
        base + "get-bucket-policy-status.json",
        "s3",
        "GetBucketPolicyStatus",
        region.id(),
        bucket,
        () -> named(SdkJson.of(s3.getBucketPolicyStatus(r -> r.bucket(bucket))), bucket));
  }

  /** S3 answers do not name their bucket; the snapshot keeps it beside the answer. */
  private static ObjectNode named(ObjectNode answer, String bucket) {
    answer.put("Bucket", bucket);
    return answer;
  }

  private void topic(String dir, String arn, String[] parts) {
    Region where = Region.of(parts[3]);
    String base = dir + "sns/" + SnapshotLayout.segment(parts[5]) + "/";
    runner.fetch(
        base + "get-topic-attributes.json",
        "sns",
        "GetTopicAttributes",
        where.id(),
        arn,
        () -> SdkJson.of(clients.sns(where).getTopicAttributes(r -> r.topicArn(arn))));
    runner.fetch(
        base + "list-subscriptions-by-topic.json",
        "sns",
        "ListSubscriptionsByTopic",
        where.id(),
        arn,
        () ->
            SdkJson.merged(
                clients.sns(where).listSubscriptionsByTopicPaginator(r -> r.topicArn(arn)).stream()
                    .toList(),
                "Subscriptions",
                "NextToken"));
  }

  private void rule(String dir, String[] parts) {
    // rule/NAME or rule/BUS/NAME
    String[] path = parts[5].split("/", -1);
    if (path.length < 2 || !path[0].equals("rule")) {
      return;
    }
    String name = path[path.length - 1];
    String bus = path.length == 3 ? path[1] : "default";
    Region where = Region.of(parts[3]);
    EventBridgeClient events = clients.events(where);
    String base = dir + "events/" + SnapshotLayout.segment(bus + "." + name) + "/";
    runner.fetch(
        base + "describe-rule.json",
        "eventbridge",
        "DescribeRule",
        where.id(),
        name,
        () -> SdkJson.of(events.describeRule(r -> r.name(name).eventBusName(bus))));
    runner.fetch(
        base + "list-targets-by-rule.json",
        "eventbridge",
        "ListTargetsByRule",
        where.id(),
        name,
        () -> {
          ObjectNode targets =
              (ObjectNode)
                  ApiCollector.pages(
                      token ->
                          events.listTargetsByRule(
                              r -> r.rule(name).eventBusName(bus).nextToken(token)),
                      page -> page.nextToken(),
                      "Targets",
                      "NextToken");
          targets.put("Rule", name);
          targets.put("EventBusName", bus);
          return targets;
        });
  }

  private void queue(String dir, String[] parts) {
    Region where = Region.of(parts[3]);
    String url = "https://sqs." + parts[3] + ".amazonaws.com/" + parts[4] + "/" + parts[5];
    String arn = String.join(":", parts);
    runner.fetch(
        dir + "sqs/" + SnapshotLayout.segment(parts[5]) + "/get-queue-attributes.json",
        "sqs",
        "GetQueueAttributes",
        where.id(),
        arn,
        () ->
            SdkJson.of(
                clients
                    .sqs(where)
                    .getQueueAttributes(
                        r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))));
  }
}
