package dev.warden.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.code.SdkActions;
import dev.warden.code.SdkCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least-privilege IAM policy that lets the collector run, made by Warden's own SDK-to-IAM table
 * ({@link SdkActions}, the one that writes policies for function code) from the SDK operations the
 * collector calls. {@link #OPERATIONS} is the list the collector's code keeps to; the tests check
 * every call made against the simulated account is on it.
 */
public final class CollectorPolicy {

  /** Every SDK operation the collector may call, by SDK service. */
  public static final Map<String, List<String>> OPERATIONS =
      Map.ofEntries(
          Map.entry("STS", List.of("GetCallerIdentity")),
          Map.entry("IAM", List.of("GetAccountAuthorizationDetails")),
          Map.entry(
              "Lambda",
              List.of(
                  "ListFunctions",
                  "GetFunction",
                  "GetPolicy",
                  "ListAliases",
                  "ListEventSourceMappings",
                  "GetFunctionUrlConfig",
                  "GetFunctionEventInvokeConfig",
                  "GetFunctionCodeSigningConfig",
                  "ListLayerVersions",
                  "GetLayerVersionPolicy",
                  "GetLayerVersion")),
          Map.entry(
              "APIGateway", List.of("GetRestApis", "GetResources", "GetAuthorizers", "GetStages")),
          Map.entry(
              "ApiGatewayV2",
              List.of("GetApis", "GetRoutes", "GetIntegrations", "GetAuthorizers", "GetStages")),
          Map.entry(
              "S3",
              List.of(
                  "GetBucketNotificationConfiguration",
                  "GetPublicAccessBlock",
                  "GetBucketPolicyStatus")),
          Map.entry("SNS", List.of("GetTopicAttributes", "ListSubscriptionsByTopic")),
          Map.entry("SQS", List.of("GetQueueAttributes")),
          Map.entry("EventBridge", List.of("DescribeRule", "ListTargetsByRule")),
          Map.entry("CloudWatchLogs", List.of("DescribeLogGroups")),
          Map.entry("CloudWatch", List.of("DescribeAlarms")));

  private CollectorPolicy() {}

  /** The IAM actions of every operation, by IAM service prefix. */
  public static Map<String, Set<String>> actions() {
    Map<String, Set<String>> byPrefix = new TreeMap<>();
    for (Map.Entry<String, List<String>> service : OPERATIONS.entrySet()) {
      for (String operation : service.getValue()) {
        SdkActions.Resolution resolution =
            SdkActions.bundled().resolve(new SdkCall(SdkCall.service(service.getKey()), operation));
        if (resolution.basis() == SdkActions.Basis.UNKNOWN) {
          throw new IllegalStateException(
              "no IAM action known for " + service.getKey() + "." + operation);
        }
        for (SdkActions.ActionNeed need : resolution.actions()) {
          String prefix = need.action().substring(0, need.action().indexOf(':'));
          byPrefix.computeIfAbsent(prefix, k -> new TreeSet<>()).add(need.action());
        }
      }
    }
    return byPrefix;
  }

  /** The policy document: one statement per service, every action read-only. */
  public static ObjectNode document() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode policy = nodes.objectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    for (Map.Entry<String, Set<String>> service : actions().entrySet()) {
      ObjectNode statement = statements.addObject();
      String prefix = service.getKey();
      statement.put(
          "Sid",
          "WardenCollect"
              + Character.toUpperCase(prefix.charAt(0))
              + prefix.substring(1).toLowerCase(Locale.ROOT));
      statement.put("Effect", "Allow");
      ArrayNode actions = statement.putArray("Action");
      service.getValue().forEach(actions::add);
      statement.put("Resource", "*");
    }
    return policy;
  }
}
