package dev.warden.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.inventory.snapshot.SnapshotLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;

/**
 * One region: its Lambda functions (every version, then per function the calls that describe it),
 * event source mappings and layers; its API Gateway REST, HTTP and WebSocket APIs; its Lambda log
 * groups; then the S3 buckets, SNS topics, EventBridge rules and SQS queues that trigger its
 * functions. The per-function and per-API work runs on the shared call pool.
 */
final class RegionCollector {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LATEST = "$LATEST";

  private final Region region;
  private final String account;
  private final AwsClients clients;
  private final CallRunner runner;
  private final ExecutorService pool;
  private final Progress progress;
  private final boolean withCode;
  private final CodeDownloader code;
  private final List<Future<?>> pending = new ArrayList<>();
  private final TriggerSources sources;

  RegionCollector(
      Region region,
      String account,
      AwsClients clients,
      CallRunner runner,
      ExecutorService pool,
      Progress progress,
      CodeDownloader code,
      boolean withCode) {
    this.region = region;
    this.account = account;
    this.clients = clients;
    this.runner = runner;
    this.pool = pool;
    this.progress = progress;
    this.code = code;
    this.withCode = withCode;
    this.sources = new TriggerSources(region, clients, runner);
  }

  private String dir() {
    return "regions/" + region.id() + "/";
  }

  void collect() {
    Optional<JsonNode> functions = listFunctions();
    if (functions.isEmpty()) {
      return; // recorded; a region that refuses ListFunctions refuses the rest too
    }
    List<JsonNode> latest = new ArrayList<>();
    for (JsonNode f : functions.get().path("Functions")) {
      if (f.path("Version").asText(LATEST).equals(LATEST)) {
        latest.add(f);
      }
    }
    progress.functionsFound(region.id(), latest.size());
    for (JsonNode f : latest) {
      String name = f.path("FunctionName").asText();
      pending.add(pool.submit(() -> function(name)));
    }
    lambdaAccountWide(latest);
    ApiCollector apis = new ApiCollector(region, clients, runner, pool, pending);
    apis.collect();
    logGroups();
    alarms();
    await();
    sources.collect(dir(), pool, pending);
    await();
  }

  private Optional<JsonNode> listFunctions() {
    LambdaClient lambda = clients.lambda(region);
    return runner.fetch(
        dir() + "lambda/list-functions.json",
        "lambda",
        "ListFunctions",
        region.id(),
        null,
        () ->
            SdkJson.merged(
                lambda
                    .listFunctionsPaginator(
                        r -> r.functionVersion(FunctionVersion.ALL).maxItems(50))
                    .stream()
                    .toList(),
                "Functions",
                "NextMarker"));
  }

  private void lambdaAccountWide(List<JsonNode> latest) {
    LambdaClient lambda = clients.lambda(region);
    runner
        .fetch(
            dir() + "lambda/list-event-source-mappings.json",
            "lambda",
            "ListEventSourceMappings",
            region.id(),
            null,
            () ->
                SdkJson.merged(
                    lambda.listEventSourceMappingsPaginator(r -> r.maxItems(100)).stream().toList(),
                    "EventSourceMappings",
                    "NextMarker"))
        .ifPresent(sources::fromMappings);
    Map<String, Set<Long>> layers = new LinkedHashMap<>();
    Map<String, String> layerArns = new LinkedHashMap<>();
    for (JsonNode f : latest) {
      for (JsonNode layer : f.path("Layers")) {
        String text = layer.path("Arn").asText();
        String[] arn = text.split(":", -1);
        // arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME:VERSION
        if (arn.length == 8
            && arn[4].equals(account)
            && arn[3].equals(region.id())
            && arn[7].chars().allMatch(Character::isDigit)) {
          layers.computeIfAbsent(arn[6], k -> new LinkedHashSet<>()).add(Long.parseLong(arn[7]));
          layerArns.put(arn[6], text.substring(0, text.lastIndexOf(':')));
        }
      }
    }
    layers.forEach(
        (name, versions) ->
            pending.add(pool.submit(() -> layer(name, layerArns.get(name), versions))));
  }

  private void function(String name) {
    LambdaClient lambda = clients.lambda(region);
    String base = dir() + "lambda/functions/" + SnapshotLayout.segment(name) + "/";
    String r = region.id();
    Optional<JsonNode> function =
        runner.fetch(
            base + "get-function.json",
            "lambda",
            "GetFunction",
            r,
            name,
            () -> SdkJson.of(lambda.getFunction(q -> q.functionName(name))));
    runner
        .fetch(
            base + "get-policy.json",
            "lambda",
            "GetPolicy",
            r,
            name,
            () -> SdkJson.of(lambda.getPolicy(q -> q.functionName(name))))
        .ifPresent(sources::fromPolicy);
    runner.fetch(
        base + "list-aliases.json",
        "lambda",
        "ListAliases",
        r,
        name,
        () ->
            SdkJson.merged(
                lambda.listAliasesPaginator(q -> q.functionName(name)).stream().toList(),
                "Aliases",
                "NextMarker"));
    runner.fetch(
        base + "get-function-url-config.json",
        "lambda",
        "GetFunctionUrlConfig",
        r,
        name,
        () -> SdkJson.of(lambda.getFunctionUrlConfig(q -> q.functionName(name))));
    runner.fetch(
        base + "get-function-event-invoke-config.json",
        "lambda",
        "GetFunctionEventInvokeConfig",
        r,
        name,
        () -> SdkJson.of(lambda.getFunctionEventInvokeConfig(q -> q.functionName(name))));
    runner.fetch(
        base + "get-function-code-signing-config.json",
        "lambda",
        "GetFunctionCodeSigningConfig",
        r,
        name,
        () -> SdkJson.of(lambda.getFunctionCodeSigningConfig(q -> q.functionName(name))));
    if (withCode && function.isPresent()) {
      code.function(region.id(), name, function.get());
    }
    progress.functionDone();
  }

  private void layer(String name, String layerArn, Set<Long> versions) {
    LambdaClient lambda = clients.lambda(region);
    String base = dir() + "lambda/layers/" + SnapshotLayout.segment(name) + "/";
    runner.fetch(
        base + "list-layer-versions.json",
        "lambda",
        "ListLayerVersions",
        region.id(),
        name,
        () ->
            SdkJson.merged(
                lambda.listLayerVersionsPaginator(q -> q.layerName(name)).stream().toList(),
                "LayerVersions",
                "NextMarker"));
    for (long version : versions) {
      String id = name + ":" + version;
      runner.fetch(
          base + version + "/get-layer-version-policy.json",
          "lambda",
          "GetLayerVersionPolicy",
          region.id(),
          id,
          () -> {
            ObjectNode policy =
                SdkJson.of(
                    lambda.getLayerVersionPolicy(q -> q.layerName(name).versionNumber(version)));
            policy.put("LayerVersionArn", layerArn + ":" + version);
            return policy;
          });
      if (withCode) {
        code.layer(region, name, version, lambda);
      }
    }
  }

  private void logGroups() {
    runner.fetch(
        dir() + "logs/describe-log-groups.json",
        "cloudwatchlogs",
        "DescribeLogGroups",
        region.id(),
        "/aws/lambda/",
        () ->
            SdkJson.merged(
                clients
                    .logs(region)
                    .describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/aws/lambda/"))
                    .stream()
                    .toList(),
                "logGroups",
                "nextToken"));
  }

  /** The region's alarms: whether anything watches the public APIs (and functions). */
  private void alarms() {
    runner.fetch(
        dir() + "cloudwatch/describe-alarms.json",
        "cloudwatch",
        "DescribeAlarms",
        region.id(),
        null,
        () ->
            SdkJson.merged(
                clients.cloudWatch(region).describeAlarmsPaginator(r -> r.maxRecords(100)).stream()
                    .toList(),
                List.of("MetricAlarms", "CompositeAlarms"),
                List.of("NextToken")));
  }

  private void await() {
    for (int i = 0; i < pending.size(); i++) {
      try {
        pending.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("collection interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "collecting " + region.id() + " failed: " + e.getCause(), e.getCause());
      }
    }
  }

  /** A policy or document that AWS returns as a JSON string; an empty object when it is not. */
  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }
}
