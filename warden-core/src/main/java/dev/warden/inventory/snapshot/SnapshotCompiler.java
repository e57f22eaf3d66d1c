package dev.warden.inventory.snapshot;

import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.inventory.ValueTree;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compiles the AWS CLI exports of one folder into a CloudFormation template: each function's
 * configuration (the fullest one given: get-function over get-function-configuration over
 * list-functions) as an {@code AWS::Lambda::Function}, the roles the functions use (from the
 * authorization details, with their inline and attached policies, customer-managed ones with their
 * default version, boundaries and trust policies) as {@code AWS::IAM::Role} and {@code
 * AWS::IAM::ManagedPolicy}, and each statement of a function's resource-based policy as an {@code
 * AWS::Lambda::Permission}. Values keep the export files' locations.
 */
final class SnapshotCompiler {

  private final DocumentReader json = new DocumentReader(ReadLimits.DEFAULT);
  private static final String LATEST = "$LATEST";
  private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Za-z0-9]+");

  private final List<InputProblem> problems;
  private final Map<String, Value.Obj> functions = new LinkedHashMap<>();
  private final Map<String, Integer> rank = new LinkedHashMap<>();
  private final Map<String, Value.Obj> roles = new LinkedHashMap<>();
  private final Map<String, Value.Obj> managedPolicies = new LinkedHashMap<>();
  private final List<Value.Obj> functionPolicies = new ArrayList<>();
  private final Map<String, Value.Obj> tags = new LinkedHashMap<>();
  private final List<Value.Obj> urls = new ArrayList<>();
  private Value.@org.jspecify.annotations.Nullable Obj manifest;
  private final List<Value.Obj> mappings = new ArrayList<>();
  private final Map<String, Value> concurrency = new LinkedHashMap<>();
  private final Map<String, Value> codeSigning = new LinkedHashMap<>();
  private final List<Value.Obj> invokeConfigs = new ArrayList<>();
  private final List<Value.Obj> logGroups = new ArrayList<>();
  private final Map<String, Value.Obj> bucketNotifications = new LinkedHashMap<>();
  private final Map<String, Value.Obj> publicAccessBlocks = new LinkedHashMap<>();
  private final Map<String, Value.Obj> queueAttributes = new LinkedHashMap<>();
  private final Map<String, Value.Obj> topicAttributes = new LinkedHashMap<>();
  private final List<Value.Obj> subscriptions = new ArrayList<>();
  private final List<AwsExport> rules = new ArrayList<>();
  private final List<AwsExport> ruleTargets = new ArrayList<>();
  private final List<Value.Obj> layerPolicies = new ArrayList<>();
  private final ApiExports apis;
  private final Map<String, Map<String, Value.Obj>> versions = new LinkedHashMap<>();
  private final List<Value.Obj> aliases = new ArrayList<>();

  private final java.util.function.Predicate<String> hasFile;

  /**
   * @param hasFile whether the snapshot folder holds a file at this relative path (the packages
   *     {@code warden collect aws --with-code} downloads)
   */
  SnapshotCompiler(List<InputProblem> problems, java.util.function.Predicate<String> hasFile) {
    this.problems = problems;
    this.hasFile = hasFile;
    this.apis = new ApiExports(problems);
  }

  private final Map<String, Value.Obj> downloadedLayers = new LinkedHashMap<>();

  /**
   * A layer a function runs: a reference to the layer compiled from its package when {@code
   * --with-code} downloaded it ({@code layers/REGION/NAME-VERSION.zip}, read for dependencies like
   * a local layer), else its ARN as exported.
   */
  private Value layer(Value arn) {
    String[] parts = arn.asString().orElse("").split(":", -1);
    if (parts.length != 8 || !parts[5].equals("layer")) {
      return arn;
    }
    String path = SnapshotLayout.layerPackage(parts[3], parts[6], parts[7]);
    if (!hasFile.test(path)) {
      return arn;
    }
    String id = "Layer" + logicalId(parts[6]) + parts[7].replaceAll("[^0-9]", "");
    downloadedLayers.computeIfAbsent(
        id,
        k ->
            resource(
                "AWS::Serverless::LayerVersion",
                new ValueTree(arn.at())
                    .put("LayerName", Value.Str.of(parts[6], arn.at()))
                    .put("ContentUri", Value.Str.of(path, arn.at())),
                arn.at()));
    return ref(id, arn.at());
  }

  /** Where {@code --with-code} puts a function's package ({@link SnapshotLayout}). */
  static String packagePath(String functionArn) {
    String[] parts = functionArn.split(":", -1);
    return SnapshotLayout.functionPackage(
        parts.length > 3 ? parts[3] : "", parts[parts.length - 1]);
  }

  void add(AwsExport export) {
    Value.Obj doc = export.document();
    switch (export.kind()) {
      case LIST_FUNCTIONS -> {
        List<Value> items = doc.list("Functions");
        for (int i = 0; i < items.size(); i++) {
          Optional<Value.Obj> f = items.get(i).asObj();
          if (f.isPresent() && isArn(f.get(), "FunctionArn")) {
            function(f.get(), 1);
          } else {
            edited(items.get(i), "Functions[" + i + "]", "FunctionArn");
          }
        }
      }
      case FUNCTION_CONFIGURATION -> function(doc, 2);
      case GET_FUNCTION -> {
        doc.obj("Configuration").ifPresent(f -> function(f, 3));
        Optional<String> arn =
            doc.obj("Configuration")
                .flatMap(c -> c.get("FunctionArn").flatMap(Value::asString))
                .map(SnapshotCompiler::unqualified);
        arn.ifPresent(a -> doc.obj("Tags").ifPresent(t -> tags.put(a, t)));
        arn.ifPresent(
            a ->
                doc.obj("Concurrency")
                    .flatMap(c -> c.get("ReservedConcurrentExecutions"))
                    .ifPresent(c -> concurrency.put(a, c)));
      }
      case CODE_SIGNING ->
          doc.get("CodeSigningConfigArn")
              .filter(v -> !v.asString().orElse("").isEmpty())
              .ifPresent(
                  v ->
                      doc.get("FunctionName")
                          .flatMap(Value::asString)
                          .ifPresent(name -> codeSigning.put(name, v)));
      case EVENT_INVOKE_CONFIG -> invokeConfigs.add(doc);
      case LOG_GROUPS -> logGroups.addAll(doc.objects("logGroups"));
      case BUCKET_NOTIFICATIONS -> bucketNotifications.put(bucketOf(export), doc);
      case PUBLIC_ACCESS_BLOCK -> publicAccessBlocks.put(bucketOf(export), doc);
      case ATTRIBUTES -> {
        doc.obj("Attributes")
            .flatMap(a -> a.get("QueueArn"))
            .flatMap(Value::asString)
            .ifPresent(q -> queueAttributes.put(q, doc));
        doc.obj("Attributes")
            .flatMap(a -> a.get("TopicArn"))
            .flatMap(Value::asString)
            .ifPresent(t -> topicAttributes.put(t, doc));
      }
      case RULE -> rules.add(export);
      case RULE_TARGETS -> ruleTargets.add(export);
      case SUBSCRIPTIONS -> subscriptions.addAll(doc.objects("Subscriptions"));
      case LAYER_POLICY -> layerPolicies.add(doc);
      case ALIASES -> aliases.addAll(doc.objects("Aliases"));
      case ALARMS,
          REST_APIS,
          REST_RESOURCES,
          REST_STAGES,
          HTTP_APIS,
          HTTP_ROUTES,
          HTTP_INTEGRATIONS,
          HTTP_STAGES ->
          apis.add(export);
      case GET_POLICY -> functionPolicies.add(doc);
      case MANIFEST -> manifest = doc;
      case URL_CONFIG -> urls.add(doc);
      case EVENT_SOURCE_MAPPINGS -> mappings.addAll(doc.objects("EventSourceMappings"));
      case AUTHORIZATION_DETAILS -> {
        List<Value> items = doc.list("RoleDetailList");
        for (int i = 0; i < items.size(); i++) {
          Optional<Value.Obj> r = items.get(i).asObj();
          if (r.isPresent() && isArn(r.get(), "Arn")) {
            roles.put(r.get().get("Arn").flatMap(Value::asString).orElseThrow(), r.get());
          } else {
            edited(items.get(i), "RoleDetailList[" + i + "]", "Arn");
          }
        }
        for (Value item : doc.list("Policies")) {
          item.asObj()
              .ifPresent(
                  p ->
                      p.get("Arn")
                          .flatMap(Value::asString)
                          .ifPresent(a -> managedPolicies.put(a, p)));
        }
      }
    }
  }

  private static boolean isArn(Value.Obj obj, String key) {
    return obj.get(key).flatMap(Value::asString).map(a -> a.startsWith("arn:")).orElse(false);
  }

  /** An entry a hand edit broke: said with its path inside the file; the rest is read. */
  private void edited(Value item, String path, String key) {
    problems.add(
        new InputProblem(
            item.at(),
            path
                + (item.asObj().isEmpty() ? " is not an object" : " has no " + key + " ARN")
                + "; this entry is not read",
            "Export the file again with the AWS CLI, or mend the entry; the rest of the snapshot"
                + " is read."));
  }

  /**
   * The bucket an S3 answer describes: the {@code Bucket} the collector writes beside it, else the
   * folder or file it is in (S3 answers do not name their bucket).
   */
  private static String bucketOf(AwsExport export) {
    Optional<String> named = export.document().get("Bucket").flatMap(Value::asString);
    if (named.isPresent()) {
      return named.get();
    }
    String folder = export.folder();
    return folder.substring(folder.lastIndexOf('/') + 1);
  }

  private void function(Value.Obj configuration, int fullness) {
    String version = configuration.get("Version").flatMap(Value::asString).orElse(LATEST);
    if (!version.equals(LATEST)) {
      // a published version (list-functions --function-version ALL): read when an alias runs it
      configuration
          .get("FunctionArn")
          .flatMap(Value::asString)
          .map(SnapshotCompiler::unqualified)
          .ifPresent(
              arn ->
                  versions
                      .computeIfAbsent(arn, k -> new LinkedHashMap<>())
                      .put(version, configuration));
      return;
    }
    configuration
        .get("FunctionArn")
        .flatMap(Value::asString)
        .map(SnapshotCompiler::unqualified)
        .ifPresent(
            arn -> {
              if (rank.getOrDefault(arn, 0) < fullness) {
                functions.put(arn, configuration);
                rank.put(arn, fullness);
              }
            });
  }

  /** The function an answer names by its {@code FunctionArn}, unqualified; empty when none. */
  private static String functionOf(Value.Obj answer) {
    return answer
        .get("FunctionArn")
        .flatMap(Value::asString)
        .map(SnapshotCompiler::unqualified)
        .orElse("");
  }

  /** {@code arn:…:function:name:alias} → {@code arn:…:function:name}. */
  static String unqualified(String arn) {
    String[] parts = arn.split(":", -1);
    return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : arn;
  }

  static String logicalId(String name) {
    StringBuilder id = new StringBuilder();
    for (String part : NOT_ALNUM.split(name, -1)) {
      if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.length() == 0 ? "Resource" : id.toString();
  }

  /** The account the manifest names, when the folder has one. */
  Optional<String> account() {
    return manifest == null ? Optional.empty() : manifest.get("account").flatMap(Value::asString);
  }

  /** Every call the manifest says failed, as a coverage gap at its line. */
  List<InputProblem> coverageGaps() {
    List<InputProblem> gaps = new ArrayList<>();
    if (manifest == null) {
      return gaps;
    }
    for (Value item : manifest.list("failures")) {
      item.asObj()
          .ifPresent(
              f ->
                  gaps.add(
                      new InputProblem(
                          f.at(),
                          "coverage gap: "
                              + text(f, "service")
                              + " "
                              + text(f, "operation")
                              + " in "
                              + text(f, "region")
                              + f.get("resource")
                                  .flatMap(Value::asString)
                                  .map(r -> " for " + r)
                                  .orElse("")
                              + " failed with "
                              + text(f, "error")
                              + f.get("message")
                                  .flatMap(Value::asString)
                                  .map(m -> ": " + m)
                                  .orElse("")
                              + "; what it would have returned is not in this scan",
                          "Grant the collector's policy (README) and collect again, or accept"
                              + " the gap.")));
    }
    return gaps;
  }

  private static String text(Value.Obj obj, String key) {
    return obj.get(key).flatMap(Value::asString).orElse("?");
  }

  boolean isEmpty() {
    return functions.isEmpty();
  }

  /**
   * The ARN of each function, by the logical id the template gives it (after {@link #template}).
   */
  Map<String, String> arns() {
    Map<String, String> arns = new LinkedHashMap<>();
    arnsByLogicalId.forEach(arns::put);
    return arns;
  }

  private final Map<String, String> arnsByLogicalId = new LinkedHashMap<>();

  Value.Obj template(SourceLocation at) {
    ValueTree resources = new ValueTree(at);
    Map<String, String> functionIds = new LinkedHashMap<>();
    Map<String, String> roleIds = new LinkedHashMap<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (Map.Entry<String, Value.Obj> entry : functions.entrySet()) {
      Value.Obj f = entry.getValue();
      String name = f.get("FunctionName").flatMap(Value::asString).orElse(entry.getKey());
      String id = unique(logicalId(name), taken);
      taken.add(id);
      functionIds.put(entry.getKey(), id);
      arnsByLogicalId.put(id, entry.getKey());
      registerRole(f, roleIds);
    }
    Map<String, Value.Obj> aliased = aliasedVersions(functionIds, roleIds);
    for (Map.Entry<String, Value.Obj> entry : functions.entrySet()) {
      resources.put(
          functionIds.get(entry.getKey()), lambda(entry.getKey(), entry.getValue(), roleIds));
    }
    for (Map.Entry<String, Value.Obj> alias : aliased.entrySet()) {
      String arn = unqualified(arnsByLogicalId.get(alias.getKey()));
      resources.put(alias.getKey(), lambda(arn, alias.getValue(), roleIds));
    }
    downloadedLayers.forEach(resources::put);
    for (Map.Entry<String, String> role : roleIds.entrySet()) {
      resources.put(role.getValue(), role(roles.get(role.getKey())));
      attachCustomerPolicies(roles.get(role.getKey()), role.getValue(), resources);
    }
    boundaries.forEach(resources::put);
    int n = 0;
    for (Value.Obj policy : functionPolicies) {
      for (Value.Obj statement : statements(policy)) {
        Optional<String> target =
            statement.get("Resource").flatMap(Value::asString).map(SnapshotCompiler::unqualified);
        if (target.isEmpty() || !functionIds.containsKey(target.get())) {
          continue;
        }
        String id = functionIds.get(target.get()) + "Permission" + n;
        n++;
        resources.put(id, permission(statement, functionIds.get(target.get())));
      }
    }
    for (Value.Obj url : urls) {
      String target = functionOf(url);
      if (functionIds.containsKey(target)) {
        ValueTree p =
            new ValueTree(url.at())
                .put("TargetFunctionArn", ref(functionIds.get(target), url.at()))
                .put("AuthType", url.get("AuthType"))
                .put("InvokeMode", url.get("InvokeMode"))
                .put("Cors", url.get("Cors"));
        resources.put(
            functionIds.get(target) + "Url",
            new ValueTree(url.at())
                .put("Type", Value.Str.of("AWS::Lambda::Url", url.at()))
                .put("Properties", p.build())
                .build());
      }
    }
    queues(resources); // before the mappings, which name the queues compiled here
    int m = 0;
    for (Value.Obj mapping : mappings) {
      String target = functionOf(mapping);
      if (!functionIds.containsKey(target)) {
        continue;
      }
      ValueTree p =
          new ValueTree(mapping.at())
              .put("FunctionName", ref(functionIds.get(target), mapping.at()))
              .put("EventSourceArn", eventSource(mapping))
              .put("BatchSize", mapping.get("BatchSize"))
              .put(
                  "Enabled",
                  new Value.Bool(
                      !mapping
                          .get("State")
                          .flatMap(Value::asString)
                          .orElse("Enabled")
                          .equals("Disabled"),
                      mapping.at()));
      String id = functionIds.get(target) + "Mapping" + m;
      m++;
      resources.put(
          id,
          new ValueTree(mapping.at())
              .put("Type", Value.Str.of("AWS::Lambda::EventSourceMapping", mapping.at()))
              .put("Properties", p.build())
              .build());
    }
    invokeConfigs(functionIds, resources);
    logGroups(functionIds, resources);
    buckets(functionIds, resources);
    layerPermissions(resources);
    topics(functionIds, resources);
    rules(functionIds, resources);
    apis.compile(functionIds, resources, this::document);
    return new ValueTree(at)
        .put("AWSTemplateFormatVersion", Value.Str.of("2010-09-09", at))
        .put(
            "Description",
            Value.Str.of(
                account()
                    .map(a -> "AWS account " + a + " snapshot")
                    .orElse("AWS account snapshot (AWS CLI exports)"),
                at))
        .put("Resources", resources.build())
        .build();
  }

  private final Map<String, String> queueIds = new LinkedHashMap<>();

  /** A mapping's source: the queue compiled from its attributes, else the ARN as exported. */
  private @org.jspecify.annotations.Nullable Value eventSource(Value.Obj mapping) {
    Optional<Value> source = mapping.get("EventSourceArn");
    if (source.isEmpty()) {
      return null;
    }
    String id = queueIds.get(source.get().asString().orElse(""));
    return id == null ? source.get() : getAtt(id, "Arn", source.get().at());
  }

  static Value.Obj getAtt(String logicalId, String attribute, SourceLocation at) {
    return new ValueTree(at)
        .put(
            "Fn::GetAtt",
            new Value.Seq(List.of(Value.Str.of(logicalId, at), Value.Str.of(attribute, at)), at))
        .build();
  }

  private void invokeConfigs(Map<String, String> functionIds, ValueTree resources) {
    int n = 0;
    for (Value.Obj config : invokeConfigs) {
      String target = functionOf(config);
      if (!functionIds.containsKey(target)) {
        continue;
      }
      ValueTree p =
          new ValueTree(config.at())
              .put("FunctionName", ref(functionIds.get(target), config.at()))
              .put("Qualifier", Value.Str.of(LATEST, config.at()))
              .put("MaximumRetryAttempts", config.get("MaximumRetryAttempts"))
              .put("MaximumEventAgeInSeconds", config.get("MaximumEventAgeInSeconds"))
              .put("DestinationConfig", config.get("DestinationConfig"));
      resources.put(
          functionIds.get(target) + "InvokeConfig" + n++,
          resource("AWS::Lambda::EventInvokeConfig", p, config.at()));
    }
  }

  /**
   * Each function's {@code /aws/lambda/NAME} log group with its retention, so that the retention
   * rule sees what the account has rather than "no group declared".
   */
  private void logGroups(Map<String, String> functionIds, ValueTree resources) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String arn : functionIds.keySet()) {
      String[] parts = arn.split(":", -1);
      names.add(parts[3] + "|/aws/lambda/" + parts[parts.length - 1]);
    }
    int n = 0;
    for (Value.Obj group : logGroups) {
      String name = group.get("logGroupName").flatMap(Value::asString).orElse("");
      String region =
          group
              .get("arn")
              .flatMap(Value::asString)
              .map(a -> a.split(":", -1))
              .filter(a -> a.length > 3)
              .map(a -> a[3])
              .orElse("");
      if (!names.contains(region + "|" + name)) {
        continue;
      }
      ValueTree p =
          new ValueTree(group.at())
              .put("LogGroupName", group.get("logGroupName"))
              .put("RetentionInDays", group.get("retentionInDays"))
              .put("KmsKeyId", group.get("kmsKeyId"));
      resources.put("LogGroup" + n++, resource("AWS::Logs::LogGroup", p, group.at()));
    }
  }

  /** Trigger buckets: their notifications (to the functions) and public access block. */
  private void buckets(Map<String, String> functionIds, ValueTree resources) {
    java.util.Set<String> all = new java.util.LinkedHashSet<>(bucketNotifications.keySet());
    all.addAll(publicAccessBlocks.keySet());
    for (String bucket : all) {
      Value.Obj notifications = bucketNotifications.get(bucket);
      Value.Obj block = publicAccessBlocks.get(bucket);
      SourceLocation at = (notifications != null ? notifications : block).at();
      ValueTree p = new ValueTree(at).put("BucketName", Value.Str.of(bucket, at));
      if (notifications != null) {
        List<Value> lambdas = new ArrayList<>();
        for (Value.Obj c : notifications.objects("LambdaFunctionConfigurations")) {
          String target =
              c.get("LambdaFunctionArn")
                  .flatMap(Value::asString)
                  .map(SnapshotCompiler::unqualified)
                  .orElse("");
          Value function =
              functionIds.containsKey(target)
                  ? getAtt(functionIds.get(target), "Arn", c.at())
                  : c.get("LambdaFunctionArn").orElse(Value.Str.of(target, c.at()));
          Value events = c.get("Events").orElse(new Value.Seq(List.of(), c.at()));
          for (Value event : events.asList()) {
            lambdas.add(
                new ValueTree(c.at())
                    .put("Event", event)
                    .put("Function", function)
                    .put("Filter", c.get("Filter").orElse(null))
                    .build());
          }
        }
        p.put(
            "NotificationConfiguration",
            new ValueTree(at).put("LambdaConfigurations", new Value.Seq(lambdas, at)).build());
      }
      if (block != null) {
        block
            .get("PublicAccessBlockConfiguration")
            .ifPresent(b -> p.put("PublicAccessBlockConfiguration", b));
      }
      resources.put(
          unique(logicalId(bucket) + "Bucket", List.of()), resource("AWS::S3::Bucket", p, at));
    }
  }

  /** Queues that functions poll, with their policies (who may send to them). */
  private void queues(ValueTree resources) {
    for (Map.Entry<String, Value.Obj> queue : queueAttributes.entrySet()) {
      Value.Obj doc = queue.getValue();
      String name = queue.getKey().substring(queue.getKey().lastIndexOf(':') + 1);
      String id = logicalId(name) + "Queue";
      queueIds.put(queue.getKey(), id);
      resources.put(
          id,
          resource(
              "AWS::SQS::Queue",
              new ValueTree(doc.at()).put("QueueName", Value.Str.of(name, doc.at())),
              doc.at()));
      Optional<Value> policy =
          doc.obj("Attributes").flatMap(a -> a.get("Policy")).map(this::document);
      policy.ifPresent(
          d ->
              resources.put(
                  id + "Policy",
                  resource(
                      "AWS::SQS::QueuePolicy",
                      new ValueTree(doc.at())
                          .put("Queues", new Value.Seq(List.of(ref(id, doc.at())), doc.at()))
                          .put("PolicyDocument", d),
                      doc.at())));
    }
  }

  /**
   * Topics that invoke the functions: their policies (who may publish) and their Lambda
   * subscriptions, so that a topic anybody may publish to reaches the function it triggers.
   */
  private void topics(Map<String, String> functionIds, ValueTree resources) {
    Map<String, String> topicIds = new LinkedHashMap<>();
    java.util.Set<String> arns = new java.util.LinkedHashSet<>(topicAttributes.keySet());
    subscriptions.forEach(s -> s.get("TopicArn").flatMap(Value::asString).ifPresent(arns::add));
    for (String arn : arns) {
      Value.Obj attributes = topicAttributes.get(arn);
      SourceLocation at =
          attributes != null
              ? attributes.at()
              : subscriptions.stream()
                  .filter(s -> s.get("TopicArn").flatMap(Value::asString).orElse("").equals(arn))
                  .findFirst()
                  .orElseThrow()
                  .at();
      String name = arn.substring(arn.lastIndexOf(':') + 1);
      String id = unique(logicalId(name) + "Topic", topicIds.values());
      topicIds.put(arn, id);
      resources.put(
          id,
          resource(
              "AWS::SNS::Topic", new ValueTree(at).put("TopicName", Value.Str.of(name, at)), at));
      if (attributes != null) {
        attributes
            .obj("Attributes")
            .flatMap(a -> a.get("Policy"))
            .map(this::document)
            .ifPresent(
                d ->
                    resources.put(
                        id + "Policy",
                        resource(
                            "AWS::SNS::TopicPolicy",
                            new ValueTree(at)
                                .put("Topics", new Value.Seq(List.of(ref(id, at)), at))
                                .put("PolicyDocument", d),
                            at)));
      }
    }
    int n = 0;
    for (Value.Obj subscription : subscriptions) {
      String endpoint =
          unqualified(subscription.get("Endpoint").flatMap(Value::asString).orElse(""));
      String topic = subscription.get("TopicArn").flatMap(Value::asString).orElse("");
      if (!subscription.get("Protocol").flatMap(Value::asString).orElse("").equals("lambda")
          || !functionIds.containsKey(endpoint)) {
        continue;
      }
      SourceLocation at = subscription.at();
      resources.put(
          topicIds.get(topic) + "Subscription" + n++,
          resource(
              "AWS::SNS::Subscription",
              new ValueTree(at)
                  .put("TopicArn", ref(topicIds.get(topic), at))
                  .put("Protocol", Value.Str.of("lambda", at))
                  .put("Endpoint", getAtt(functionIds.get(endpoint), "Arn", at)),
              at));
    }
  }

  /**
   * EventBridge rules that invoke the functions, with their schedule or pattern. A targets export
   * belongs to the rule it names (the collector writes {@code Rule} beside the targets), else to
   * the rule whose name its folder or file carries, else to the only rule.
   */
  private void rules(Map<String, String> functionIds, ValueTree resources) {
    Map<String, Value.Obj> byName = new LinkedHashMap<>();
    for (AwsExport rule : rules) {
      rule.document()
          .get("Name")
          .flatMap(Value::asString)
          .ifPresent(n -> byName.put(n, rule.document()));
    }
    Map<String, List<Value>> targets = new LinkedHashMap<>();
    for (AwsExport export : ruleTargets) {
      Optional<String> rule =
          export
              .document()
              .get("Rule")
              .flatMap(Value::asString)
              .or(
                  () ->
                      byName.keySet().stream()
                          .filter(n -> export.display().contains(n))
                          .findFirst())
              .or(
                  () ->
                      byName.size() == 1
                          ? Optional.of(byName.keySet().iterator().next())
                          : Optional.empty());
      if (rule.isEmpty() || !byName.containsKey(rule.get())) {
        problems.add(
            new InputProblem(
                SourceLocation.ofFile(export.display()),
                "cannot tell which EventBridge rule these targets belong to; not read",
                "Put the list-targets-by-rule export in a folder or file named after the rule,"
                    + " beside its describe-rule export."));
        continue;
      }
      for (Value.Obj t : export.document().objects("Targets")) {
        String arn = unqualified(t.get("Arn").flatMap(Value::asString).orElse(""));
        targets
            .computeIfAbsent(rule.get(), k -> new ArrayList<>())
            .add(
                new ValueTree(t.at())
                    .put("Id", t.get("Id"))
                    .put(
                        "Arn",
                        functionIds.containsKey(arn)
                            ? getAtt(functionIds.get(arn), "Arn", t.at())
                            : t.get("Arn").orElse(null))
                    .build());
      }
    }
    for (Map.Entry<String, Value.Obj> rule : byName.entrySet()) {
      Value.Obj r = rule.getValue();
      resources.put(
          ruleId(r),
          resource(
              "AWS::Events::Rule",
              new ValueTree(r.at())
                  .put("Name", r.get("Name"))
                  .put("EventBusName", r.get("EventBusName"))
                  .put("ScheduleExpression", r.get("ScheduleExpression"))
                  .put("EventPattern", r.get("EventPattern").map(this::document))
                  .put("State", r.get("State"))
                  .put(
                      "Targets",
                      new Value.Seq(targets.getOrDefault(rule.getKey(), List.of()), r.at())),
              r.at()));
    }
  }

  /** Who else may use a layer version the functions run (get-layer-version-policy). */
  private void layerPermissions(ValueTree resources) {
    int n = 0;
    for (Value.Obj policy : layerPolicies) {
      for (Value.Obj statement : statements(policy)) {
        Value principal = statement.get("Principal").orElse(Value.Str.of("*", statement.at()));
        if (principal instanceof Value.Obj obj) {
          principal = obj.get("AWS").orElse(Value.Str.of("*", statement.at()));
        }
        ValueTree p =
            new ValueTree(statement.at())
                .put("LayerVersionArn", policy.get("LayerVersionArn"))
                .put("Action", Value.Str.of("lambda:GetLayerVersion", statement.at()))
                .put("Principal", principal);
        resources.put(
            "LayerPermission" + n++,
            resource("AWS::Lambda::LayerVersionPermission", p, statement.at()));
      }
    }
  }

  static Value.Obj resource(String type, ValueTree properties, SourceLocation at) {
    return new ValueTree(at)
        .put("Type", Value.Str.of(type, at))
        .put("Properties", properties.build())
        .build();
  }

  private void registerRole(Value.Obj f, Map<String, String> roleIds) {
    Optional<String> roleArn = f.get("Role").flatMap(Value::asString);
    if (roleArn.isPresent()
        && roles.containsKey(roleArn.get())
        && !roleIds.containsKey(roleArn.get())) {
      Value.Obj role = roles.get(roleArn.get());
      String roleName = role.get("RoleName").flatMap(Value::asString).orElse("Role");
      String roleId = logicalId(roleName);
      roleIds.put(
          roleArn.get(),
          unique(roleId.endsWith("Role") ? roleId : roleId + "Role", roleIds.values()));
    }
  }

  /**
   * The published versions that aliases run and that differ from $LATEST in what the rules judge
   * (runtime, role, handler, environment, layers, network, key): each becomes a function of its
   * own, identified by the alias ARN ({@code WebAliasLive}), since it is what callers of the alias
   * get. A version that matches $LATEST adds nothing and is left out.
   */
  private Map<String, Value.Obj> aliasedVersions(
      Map<String, String> functionIds, Map<String, String> roleIds) {
    Map<String, Value.Obj> aliased = new LinkedHashMap<>();
    for (Value.Obj alias : aliases) {
      String aliasArn = alias.get("AliasArn").flatMap(Value::asString).orElse("");
      String function = unqualified(aliasArn);
      String version = alias.get("FunctionVersion").flatMap(Value::asString).orElse(LATEST);
      Value.Obj latest = functions.get(function);
      Value.Obj published = versions.getOrDefault(function, Map.of()).get(version);
      if (latest == null || published == null || !differs(latest, published)) {
        continue;
      }
      String id =
          unique(
              functionIds.get(function)
                  + "Alias"
                  + logicalId(alias.get("Name").flatMap(Value::asString).orElse(version)),
              arnsByLogicalId.keySet());
      arnsByLogicalId.put(id, aliasArn);
      registerRole(published, roleIds);
      aliased.put(id, published);
    }
    return aliased;
  }

  private static final List<String> JUDGED =
      List.of("Runtime", "Role", "Handler", "Environment", "Layers", "VpcConfig", "KMSKeyArn");

  private static boolean differs(Value.Obj latest, Value.Obj published) {
    for (String key : JUDGED) {
      if (!render(latest.get(key)).equals(render(published.get(key)))) {
        return true;
      }
    }
    return false;
  }

  /** A value's content without its locations, for comparing two configurations. */
  private static String render(Optional<Value> value) {
    if (value.isEmpty()) {
      return "";
    }
    Value v = value.get();
    if (v instanceof Value.Obj obj) {
      StringBuilder text = new StringBuilder("{");
      obj.fields().stream()
          .sorted(java.util.Comparator.comparing(Value.Field::key))
          .forEach(
              f ->
                  text.append(f.key())
                      .append('=')
                      .append(render(Optional.of(f.value())))
                      .append(','));
      return text.append('}').toString();
    }
    if (v instanceof Value.Seq seq) {
      StringBuilder text = new StringBuilder("[");
      seq.asList().forEach(i -> text.append(render(Optional.of(i))).append(','));
      return text.append(']').toString();
    }
    return v.asString().orElse("?");
  }

  static Value.Obj ref(String logicalId, SourceLocation at) {
    return new ValueTree(at).put("Ref", Value.Str.of(logicalId, at)).build();
  }

  private static String unique(String id, java.util.Collection<String> taken) {
    String candidate = id;
    int n = 2;
    while (taken.contains(candidate)) {
      candidate = id + n++;
    }
    return candidate;
  }

  private Value.Obj lambda(String arn, Value.Obj f, Map<String, String> roleIds) {
    ValueTree resource =
        new ValueTree(f.at()).put("Type", Value.Str.of("AWS::Lambda::Function", f.at()));
    ValueTree p = resource.properties();
    copy(f, "FunctionName", p, "FunctionName");
    copy(f, "Runtime", p, "Runtime");
    copy(f, "Handler", p, "Handler");
    copy(f, "MemorySize", p, "MemorySize");
    copy(f, "Timeout", p, "Timeout");
    copy(f, "KMSKeyArn", p, "KmsKeyArn");
    copy(f, "Architectures", p, "Architectures");
    copy(f, "PackageType", p, "PackageType");
    f.get("Role")
        .ifPresent(
            role ->
                p.put(
                    "Role",
                    role.asString().filter(roleIds::containsKey).isPresent()
                        ? new ValueTree(role.at())
                            .put(
                                "Fn::GetAtt",
                                new Value.Seq(
                                    List.of(
                                        Value.Str.of(roleIds.get(role.asString().get()), role.at()),
                                        Value.Str.of("Arn", role.at())),
                                    role.at()))
                            .build()
                        : role));
    f.obj("Environment").ifPresent(e -> p.put("Environment", e));
    f.obj("TracingConfig").ifPresent(t -> p.put("TracingConfig", t));
    f.obj("DeadLetterConfig").ifPresent(d -> p.put("DeadLetterConfig", d));
    f.obj("LoggingConfig").ifPresent(l -> p.put("LoggingConfig", l));
    f.obj("VpcConfig")
        .filter(v -> !v.list("SubnetIds").isEmpty())
        .ifPresent(
            v ->
                p.put(
                    "VpcConfig",
                    new ValueTree(v.at())
                        .put("SubnetIds", v.get("SubnetIds"))
                        .put("SecurityGroupIds", v.get("SecurityGroupIds"))
                        .build()));
    List<Value> layers = new ArrayList<>();
    for (Value layer : f.list("Layers")) {
      layer.asObj().flatMap(l -> l.get("Arn")).map(this::layer).ifPresent(layers::add);
    }
    if (!layers.isEmpty()) {
      p.put("Layers", new Value.Seq(layers, f.at()));
    }
    String downloaded = packagePath(arn);
    if (hasFile.test(downloaded)) {
      p.put("Code", Value.Str.of(downloaded, f.at()));
    } else if (f.get("PackageType").flatMap(Value::asString).orElse("Zip").equals("Image")) {
      p.put(
          "Code",
          new ValueTree(f.at()).put("ImageUri", Value.Str.of("deployed image", f.at())).build());
    } else {
      p.put(
          "Code",
          new ValueTree(f.at())
              .put("S3Bucket", Value.Str.of("deployed package", f.at()))
              .put("S3Key", Value.Str.of(arn, f.at()))
              .build());
    }
    Value reserved = concurrency.get(arn);
    if (reserved != null) {
      p.put("ReservedConcurrentExecutions", reserved);
    }
    f.get("FunctionName")
        .flatMap(Value::asString)
        .map(codeSigning::get)
        .ifPresent(c -> p.put("CodeSigningConfigArn", c));
    Value.Obj tagMap = tags.get(arn);
    if (tagMap != null) {
      List<Value> list = new ArrayList<>();
      for (Value.Field t : tagMap.fields()) {
        list.add(
            new ValueTree(t.keyAt())
                .put("Key", Value.Str.of(t.key(), t.keyAt()))
                .put("Value", t.value())
                .build());
      }
      p.put("Tags", new Value.Seq(list, tagMap.at()));
    }
    return resource.build();
  }

  private Value.Obj role(Value.Obj role) {
    ValueTree resource =
        new ValueTree(role.at()).put("Type", Value.Str.of("AWS::IAM::Role", role.at()));
    ValueTree p = resource.properties();
    copy(role, "RoleName", p, "RoleName");
    role.get("AssumeRolePolicyDocument")
        .map(this::document)
        .ifPresent(d -> p.put("AssumeRolePolicyDocument", d));
    List<Value> inline = new ArrayList<>();
    for (Value item : role.list("RolePolicyList")) {
      item.asObj()
          .ifPresent(
              policy ->
                  inline.add(
                      new ValueTree(policy.at())
                          .put("PolicyName", policy.get("PolicyName"))
                          .put("PolicyDocument", policy.get("PolicyDocument").map(this::document))
                          .build()));
    }
    if (!inline.isEmpty()) {
      p.put("Policies", new Value.Seq(inline, role.at()));
    }
    List<Value> awsManaged = new ArrayList<>();
    for (Value item : role.list("AttachedManagedPolicies")) {
      item.asObj()
          .flatMap(a -> a.get("PolicyArn"))
          .filter(a -> !managedPolicies.containsKey(a.asString().orElse("")))
          .ifPresent(awsManaged::add);
    }
    if (!awsManaged.isEmpty()) {
      p.put("ManagedPolicyArns", new Value.Seq(awsManaged, role.at()));
    }
    role.obj("PermissionsBoundary")
        .flatMap(b -> b.get("PermissionsBoundaryArn"))
        .ifPresent(b -> p.put("PermissionsBoundary", boundary(b)));
    return resource.build();
  }

  private final Map<String, Value.Obj> boundaries = new LinkedHashMap<>();

  /**
   * A role's permissions boundary: a reference to the customer-managed policy compiled from the
   * account details (so its document bounds the role), else its ARN (AWS-managed boundaries are
   * bundled).
   */
  private Value boundary(Value arn) {
    Value.Obj policy = managedPolicies.get(arn.asString().orElse(""));
    Optional<Value> document = policy == null ? Optional.empty() : defaultVersion(policy);
    if (document.isEmpty()) {
      return arn;
    }
    String id =
        logicalId(policy.get("PolicyName").flatMap(Value::asString).orElse("Policy")) + "Boundary";
    boundaries.computeIfAbsent(
        id,
        k ->
            resource(
                "AWS::IAM::ManagedPolicy",
                new ValueTree(policy.at())
                    .put("ManagedPolicyName", policy.get("PolicyName"))
                    .put("PolicyDocument", document.get()),
                policy.at()));
    return ref(id, arn.at());
  }

  /** The document of a managed policy's default version. */
  private Optional<Value> defaultVersion(Value.Obj policy) {
    return policy.list("PolicyVersionList").stream()
        .flatMap(v -> v.asObj().stream())
        .filter(v -> v.get("IsDefaultVersion").flatMap(Value::asString).orElse("").equals("true"))
        .findFirst()
        .flatMap(v -> v.get("Document"))
        .map(this::document);
  }

  /** Customer-managed policies the account details include, attached to the role by reference. */
  private void attachCustomerPolicies(Value.Obj role, String roleId, ValueTree resources) {
    for (Value item : role.list("AttachedManagedPolicies")) {
      Optional<String> arn = item.asObj().flatMap(a -> a.get("PolicyArn")).flatMap(Value::asString);
      if (arn.isEmpty() || !managedPolicies.containsKey(arn.get())) {
        continue;
      }
      Value.Obj policy = managedPolicies.get(arn.get());
      Optional<Value> document = defaultVersion(policy);
      if (document.isEmpty()) {
        continue;
      }
      String id =
          logicalId(policy.get("PolicyName").flatMap(Value::asString).orElse("Policy")) + roleId;
      resources.put(
          id,
          new ValueTree(policy.at())
              .put("Type", Value.Str.of("AWS::IAM::ManagedPolicy", policy.at()))
              .put(
                  "Properties",
                  new ValueTree(policy.at())
                      .put("ManagedPolicyName", policy.get("PolicyName"))
                      .put("PolicyDocument", document.get())
                      .put(
                          "Roles",
                          new Value.Seq(
                              List.of(
                                  new ValueTree(policy.at())
                                      .put("Ref", Value.Str.of(roleId, policy.at()))
                                      .build()),
                              policy.at()))
                      .build())
              .build());
    }
  }

  private List<Value.Obj> statements(Value.Obj getPolicy) {
    Optional<Value> policy = getPolicy.get("Policy");
    Value parsed = policy.map(this::document).orElse(new Value.Obj(List.of(), getPolicy.at()));
    List<Value.Obj> statements = new ArrayList<>();
    if (parsed instanceof Value.Obj obj) {
      statements.addAll(obj.objects("Statement"));
    }
    return statements;
  }

  /**
   * A permission's source ARN: the rule compiled from the snapshot when it names one (so that the
   * rule and the permission are one trigger, as in a template), else as exported.
   */
  private Value sourceArn(Value arn) {
    String text = arn.asString().orElse("");
    for (AwsExport rule : rules) {
      Value.Obj r = rule.document();
      if (r.get("Arn").flatMap(Value::asString).orElse("").equals(text)) {
        return getAtt(ruleId(r), "Arn", arn.at());
      }
    }
    return arn;
  }

  private static String ruleId(Value.Obj rule) {
    return logicalId(rule.get("Name").flatMap(Value::asString).orElse("")) + "Rule";
  }

  private Value.Obj permission(Value.Obj statement, String functionId) {
    SourceLocation at = statement.at();
    ValueTree p = new ValueTree(at);
    p.put("FunctionName", new ValueTree(at).put("Ref", Value.Str.of(functionId, at)).build());
    p.put("Action", statement.get("Action").map(a -> a.asList().isEmpty() ? a : a.asList().get(0)));
    Value principal = statement.get("Principal").orElse(Value.Str.of("*", at));
    if (principal instanceof Value.Obj obj) {
      principal = obj.get("Service").or(() -> obj.get("AWS")).orElse(Value.Str.of("*", at));
    }
    p.put("Principal", principal);
    Optional<Value.Obj> condition = statement.obj("Condition");
    condition.ifPresent(
        c -> {
          conditionValue(c, "AWS:SourceArn").ifPresent(v -> p.put("SourceArn", sourceArn(v)));
          conditionValue(c, "AWS:SourceAccount").ifPresent(v -> p.put("SourceAccount", v));
          conditionValue(c, "aws:PrincipalOrgID").ifPresent(v -> p.put("PrincipalOrgID", v));
          conditionValue(c, "lambda:FunctionUrlAuthType")
              .ifPresent(v -> p.put("FunctionUrlAuthType", v));
        });
    return new ValueTree(at)
        .put("Type", Value.Str.of("AWS::Lambda::Permission", at))
        .put("Properties", p.build())
        .build();
  }

  private static Optional<Value> conditionValue(Value.Obj condition, String key) {
    for (Value.Field operator : condition.fields()) {
      Optional<Value.Obj> entries = operator.value().asObj();
      if (entries.isEmpty()) {
        continue;
      }
      for (Value.Field entry : entries.get().fields()) {
        if (entry.key().equalsIgnoreCase(key)) {
          return Optional.of(entry.value());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A policy document: an object as the CLI prints it, or a JSON string (URL-encoded when it comes
   * from the raw API), read with the location of the string.
   */
  private Value document(Value value) {
    if (!(value instanceof Value.Str str) || str.text().concrete().isEmpty()) {
      return value;
    }
    String text = str.text().concrete().get().trim();
    if (text.startsWith("%7B") || text.startsWith("%7b")) {
      text = URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
    try {
      return json.parseJsonLine(value.at().file(), value.at().line(), text).root();
    } catch (InputError e) {
      problems.add(
          new InputProblem(
              value.at(),
              "policy document is not JSON: " + e.problem(),
              "Export it again with the AWS CLI; the rest of the snapshot is read."));
      return new Value.Obj(List.of(), value.at());
    }
  }

  private static void copy(Value.Obj from, String key, ValueTree to, String as) {
    from.get(key).ifPresent(v -> to.put(as, v));
  }
}
