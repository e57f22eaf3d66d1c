package dev.warden.inventory.snapshot;

import dev.warden.inventory.Value;
import java.util.List;
import java.util.Optional;

/** One file of AWS CLI output, recognised by its content. */
public record AwsExport(String display, String folder, Kind kind, Value.Obj document) {

  /** What the file holds. */
  public enum Kind {
    /** {@code aws lambda list-functions}: {@code Functions} of function configurations. */
    LIST_FUNCTIONS,
    /** {@code aws lambda get-function}: {@code Configuration}, {@code Code}, {@code Tags}. */
    GET_FUNCTION,
    /** {@code aws lambda get-function-configuration}: one configuration. */
    FUNCTION_CONFIGURATION,
    /** {@code aws lambda get-policy}: the resource-based policy as a JSON string. */
    GET_POLICY,
    /** {@code aws iam get-account-authorization-details}: roles and managed policies. */
    AUTHORIZATION_DETAILS,
    /** {@code aws lambda get-function-url-config}: a function URL and its auth type. */
    URL_CONFIG,
    /** {@code aws lambda list-event-source-mappings}: queues and streams the functions poll. */
    EVENT_SOURCE_MAPPINGS,
    /** {@code aws lambda list-aliases}: the aliases of one function and the versions they name. */
    ALIASES,
    /** {@code aws lambda get-function-event-invoke-config}: retries and destinations. */
    EVENT_INVOKE_CONFIG,
    /** {@code aws lambda get-function-code-signing-config}: the signing config a function has. */
    CODE_SIGNING,
    /** {@code aws lambda get-layer-version-policy}, with the layer version the collector adds. */
    LAYER_POLICY,
    /** {@code aws apigateway get-rest-apis}: REST APIs with their resource policies. */
    REST_APIS,
    /** {@code aws apigateway get-resources --embed methods}: one REST API's paths and methods. */
    REST_RESOURCES,
    /** {@code aws apigatewayv2 get-apis}: HTTP and WebSocket APIs. */
    HTTP_APIS,
    /** {@code aws apigatewayv2 get-routes}: one API's routes and their authorization. */
    HTTP_ROUTES,
    /** {@code aws apigatewayv2 get-integrations}: one API's integrations (the functions). */
    HTTP_INTEGRATIONS,
    /** {@code aws apigateway get-stages}: one REST API's stages (access logs, throttling). */
    REST_STAGES,
    /** {@code aws apigatewayv2 get-stages}: one HTTP or WebSocket API's stages. */
    HTTP_STAGES,
    /** {@code aws events describe-rule}: a rule's pattern or schedule. */
    RULE,
    /** {@code aws events list-targets-by-rule}: what a rule invokes. */
    RULE_TARGETS,
    /** {@code aws cloudwatch describe-alarms}: what watches the APIs. */
    ALARMS,
    /** {@code aws sns list-subscriptions-by-topic}: the functions a topic invokes. */
    SUBSCRIPTIONS,
    /** {@code aws logs describe-log-groups}: log groups and their retention. */
    LOG_GROUPS,
    /** {@code aws s3api get-bucket-notification-configuration}, with the bucket's name. */
    BUCKET_NOTIFICATIONS,
    /** {@code aws s3api get-public-access-block}, with the bucket's name. */
    PUBLIC_ACCESS_BLOCK,
    /** {@code aws sqs get-queue-attributes} and {@code aws sns get-topic-attributes}. */
    ATTRIBUTES,
    /** A snapshot's {@code manifest.json} ({@code schemas/snapshot-manifest-v1.schema.json}). */
    MANIFEST
  }

  /** The kind of a parsed document, when it is one of the exports Warden reads. */
  public static Optional<Kind> kindOf(Value document) {
    if (!(document instanceof Value.Obj obj)) {
      return Optional.empty();
    }
    if (obj.has("schemaVersion") && obj.has("account") && obj.has("failures")) {
      return Optional.of(Kind.MANIFEST);
    }
    if (obj.has("RoleDetailList")) {
      return Optional.of(Kind.AUTHORIZATION_DETAILS);
    }
    if (!obj.list("Functions").isEmpty()
        && obj.list("Functions").get(0) instanceof Value.Obj first
        && first.has("FunctionArn")) {
      return Optional.of(Kind.LIST_FUNCTIONS);
    }
    if (obj.obj("Configuration").map(c -> c.has("FunctionArn")).orElse(false)) {
      return Optional.of(Kind.GET_FUNCTION);
    }
    if (obj.has("FunctionUrl") && obj.has("AuthType") && obj.has("FunctionArn")) {
      return Optional.of(Kind.URL_CONFIG);
    }
    if (!obj.list("EventSourceMappings").isEmpty()
        && obj.list("EventSourceMappings").get(0) instanceof Value.Obj mapping
        && mapping.has("FunctionArn")) {
      return Optional.of(Kind.EVENT_SOURCE_MAPPINGS);
    }
    if (obj.has("FunctionArn") && obj.has("FunctionName")) {
      return Optional.of(Kind.FUNCTION_CONFIGURATION);
    }
    if (obj.has("FunctionArn")
        && (obj.has("MaximumRetryAttempts")
            || obj.has("DestinationConfig")
            || obj.has("MaximumEventAgeInSeconds"))) {
      return Optional.of(Kind.EVENT_INVOKE_CONFIG);
    }
    if (obj.has("CodeSigningConfigArn") && obj.has("FunctionName")) {
      return Optional.of(Kind.CODE_SIGNING);
    }
    if (first(obj, "Aliases").map(a -> a.has("AliasArn")).orElse(false)) {
      return Optional.of(Kind.ALIASES);
    }
    if (first(obj, "items")
        .map(
            a ->
                a.has("id")
                    && a.has("name")
                    && (a.has("endpointConfiguration")
                        || a.has("createdDate")
                        || a.has("rootResourceId")
                        || a.has("apiKeySource")))
        .orElse(false)) {
      return Optional.of(Kind.REST_APIS);
    }
    if (obj.list("items").stream()
        .flatMap(i -> i.asObj().stream())
        .anyMatch(a -> a.has("id") && a.has("path") && a.has("resourceMethods"))) {
      return Optional.of(Kind.REST_RESOURCES);
    }
    if (first(obj, "Items").map(a -> a.has("ApiId") && a.has("ProtocolType")).orElse(false)) {
      return Optional.of(Kind.HTTP_APIS);
    }
    if (first(obj, "Items").map(a -> a.has("RouteKey") && a.has("RouteId")).orElse(false)) {
      return Optional.of(Kind.HTTP_ROUTES);
    }
    if (first(obj, "Items")
        .map(a -> a.has("IntegrationId") && a.has("IntegrationType"))
        .orElse(false)) {
      return Optional.of(Kind.HTTP_INTEGRATIONS);
    }
    if (first(obj, "item").map(a -> a.has("stageName") && a.has("deploymentId")).orElse(false)) {
      return Optional.of(Kind.REST_STAGES);
    }
    if (first(obj, "Items").map(a -> a.has("StageName")).orElse(false)) {
      return Optional.of(Kind.HTTP_STAGES);
    }
    if (obj.has("Name")
        && obj.get("Arn").flatMap(Value::asString).map(a -> a.contains(":rule/")).orElse(false)) {
      return Optional.of(Kind.RULE);
    }
    if (first(obj, "Targets").map(a -> a.has("Id") && a.has("Arn")).orElse(false)) {
      return Optional.of(Kind.RULE_TARGETS);
    }
    if (obj.has("MetricAlarms")
        && obj.get("MetricAlarms").map(v -> v instanceof Value.Seq).orElse(false)) {
      return Optional.of(Kind.ALARMS);
    }
    if (first(obj, "Subscriptions")
        .map(a -> a.has("TopicArn") && a.has("Protocol"))
        .orElse(false)) {
      return Optional.of(Kind.SUBSCRIPTIONS);
    }
    if (first(obj, "logGroups").map(a -> a.has("logGroupName")).orElse(false)) {
      return Optional.of(Kind.LOG_GROUPS);
    }
    if (obj.has("LambdaFunctionConfigurations")
        || obj.has("QueueConfigurations")
        || obj.has("TopicConfigurations")) {
      return Optional.of(Kind.BUCKET_NOTIFICATIONS);
    }
    if (obj.has("PublicAccessBlockConfiguration")) {
      return Optional.of(Kind.PUBLIC_ACCESS_BLOCK);
    }
    if (obj.obj("Attributes").map(a -> a.has("QueueArn") || a.has("TopicArn")).orElse(false)) {
      return Optional.of(Kind.ATTRIBUTES);
    }
    if (obj.has("LayerVersionArn") && obj.has("Policy")) {
      return Optional.of(Kind.LAYER_POLICY);
    }
    if (obj.get("Policy").flatMap(Value::asString).map(p -> p.trim().startsWith("{")).orElse(false)
        && obj.has("RevisionId")) {
      return Optional.of(Kind.GET_POLICY);
    }
    return Optional.empty();
  }

  private static Optional<Value.Obj> first(Value.Obj obj, String list) {
    List<Value> items = obj.list(list);
    return items.isEmpty() ? Optional.empty() : items.get(0).asObj();
  }

  /** True when the first bytes of a file look like one of these exports. */
  public static boolean looksLikeExport(String head) {
    return head.contains("\"FunctionArn\"")
        || head.contains("\"AliasArn\"")
        || head.contains("\"CodeSigningConfigArn\"")
        || head.contains("\"items\"")
        || head.contains("\"Items\"")
        || head.contains("\"item\"")
        || head.contains("\"logGroups\"")
        || head.contains("\"MetricAlarms\"")
        || head.contains(":rule/")
        || head.contains("\"Targets\"")
        || head.contains("\"Subscriptions\"")
        || head.contains("Configurations\"")
        || head.contains("\"PublicAccessBlockConfiguration\"")
        || head.contains("\"QueueArn\"")
        || head.contains("\"TopicArn\"")
        || head.contains("\"EventSourceMappings\"")
        || head.contains("\"RoleDetailList\"")
        || (head.contains("\"wardenVersion\"") && head.contains("\"failures\""))
        || (head.contains("\"Policy\"") && head.contains("\"RevisionId\""));
  }
}
