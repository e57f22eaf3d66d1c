package dev.warden.inventory.serverless;

import static dev.warden.inventory.serverless.Tree.getAtt;
import static dev.warden.inventory.serverless.Tree.obj;
import static dev.warden.inventory.serverless.Tree.ref;
import static dev.warden.inventory.serverless.Tree.seq;
import static dev.warden.inventory.serverless.Tree.str;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A function's {@code events}, each as the SAM event (or the resources) the framework deploys for
 * it: {@code http} and {@code httpApi} on the service's shared REST and HTTP APIs ({@link
 * ServerlessApis}), {@code websocket} routes, {@code s3} (the bucket made unless {@code existing}),
 * {@code sqs} and {@code stream} (with the role's read permissions), {@code sns} (the topic made
 * from a name), {@code schedule}, {@code eventBridge}, {@code alb}, {@code iot}, {@code
 * cognitoUserPool}, {@code alexaSkill}, {@code alexaSmartHome}, {@code cloudwatchLog}, {@code
 * kafka}, {@code msk}, {@code activemq} and {@code rabbitmq}.
 */
final class ServerlessEvents {

  private final ServerlessCompiler compiler;
  private final ServerlessApis apis;

  ServerlessEvents(ServerlessCompiler compiler) {
    this.compiler = compiler;
    this.apis = new ServerlessApis(compiler);
  }

  void read(String key, String logicalId, Value.Obj function, Tree.Builder samEvents) {
    int index = 0;
    for (Value item : function.list("events")) {
      index++;
      Value.Field kind;
      if (item instanceof Value.Obj event && event.fields().size() == 1) {
        kind = event.fields().get(0);
      } else if (item instanceof Value.Str bare && bare.text().isConcrete()) {
        // a kind without settings: `- alexaSkill`
        kind = new Value.Field(bare.text().toString(), bare.at(), new Value.Nil(bare.at()));
      } else {
        compiler.problem(
            item.at(),
            "an event of function " + key + " is not one kind with its settings",
            "Write each event as '- http: …', '- sqs: …' and so on.");
        continue;
      }
      String name = ServerlessCompiler.capitalize(kind.key()) + "Event" + index;
      Value spec = kind.value();
      SourceLocation at = kind.keyAt();
      switch (kind.key()) {
        case "http" -> apis.http(logicalId, spec, at).ifPresent(e -> samEvents.put(name, e));
        case "httpApi" -> apis.httpApi(logicalId, spec, at).ifPresent(e -> samEvents.put(name, e));
        case "websocket" -> apis.websocket(logicalId, spec, at);
        case "s3" -> s3(logicalId, spec, at).ifPresent(e -> samEvents.put(name, e));
        case "sqs" -> samEvents.put(name, sqs(key, spec, at));
        case "stream" -> samEvents.put(name, stream(key, spec, at));
        case "sns" -> samEvents.put(name, sns(spec, at));
        case "schedule" -> samEvents.put(name, schedule(spec, at));
        case "eventBridge" -> samEvents.put(name, eventBridge(spec, at));
        case "alb" -> alb(logicalId, spec, at);
        case "iot" -> samEvents.put(name, iot(spec, at));
        case "cognitoUserPool" -> samEvents.put(name, cognito(spec, at));
        case "alexaSkill", "alexaSmartHome" -> samEvents.put(name, alexa(spec, at));
        case "cloudwatchLog" -> samEvents.put(name, cloudwatchLog(spec, at));
        case "kafka" -> samEvents.put(name, kafka(spec, at));
        case "msk" -> samEvents.put(name, msk(spec, at));
        case "activemq", "rabbitmq" -> samEvents.put(name, mq(spec, at));
        default ->
            compiler.problem(
                at,
                "event kind " + kind.key() + " of function " + key + " is not read",
                "Warden reads http, httpApi, websocket, s3, sqs, stream, sns, schedule,"
                    + " eventBridge, alb, iot, cognitoUserPool, alexaSkill, cloudwatchLog, kafka,"
                    + " msk, activemq and rabbitmq events.");
      }
    }
  }

  /** Makes what the events share: the REST, HTTP and WebSocket APIs. */
  void finish() {
    apis.finish();
  }

  private static Value.Obj event(String type, Tree.Builder properties, SourceLocation at) {
    return obj(at).put("Type", str(type, at)).put("Properties", properties.build()).build();
  }

  /** The settings of an event given as a mapping, or its one value under {@code key}. */
  private static Value.Obj settings(Value spec, String key) {
    if (spec instanceof Value.Obj o) {
      return o;
    }
    return obj(spec.at()).put(key, spec).build();
  }

  private Optional<Value.Obj> s3(String logicalId, Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "bucket");
    Value bucket = s.get("bucket").orElse(str("?", at));
    Tree.Builder p = obj(at);
    boolean existing = s.get("existing").flatMap(Value::asBoolean).orElse(false);
    Optional<String> name = bucket.asString();
    if (bucket instanceof Value.Obj reference) {
      p.put("Bucket", reference);
    } else if (existing || name.isEmpty()) {
      // The framework wires an existing bucket through a custom resource; its policy is elsewhere.
      compiler.invokePermission(
          logicalId.replaceFirst("LambdaFunction$", "")
              + "S3Permission"
              + ServerlessCompiler.alphanumeric(name.orElse("Bucket")),
          logicalId,
          "s3.amazonaws.com",
          Optional.of(
              Tree.symbolic(
                  dev.warden.inventory.SymbolicText.of("arn:aws:s3:::")
                      .append(bucket.asText().orElse(dev.warden.inventory.SymbolicText.empty())),
                  bucket.at())),
          at);
      return Optional.empty();
    } else {
      String bucketId = "S3Bucket" + ServerlessCompiler.alphanumeric(name.get());
      compiler.resource(
          bucketId,
          obj(bucket.at())
              .put("Type", str("AWS::S3::Bucket", bucket.at()))
              .put("Properties", obj(bucket.at()).put("BucketName", bucket).build())
              .build());
      p.put("Bucket", ref(bucketId, bucket.at()));
    }
    p.put("Events", s.get("event").orElse(str("s3:ObjectCreated:*", at)));
    List<Value> rules = s.list("rules");
    if (!rules.isEmpty()) {
      List<Value> filters = new java.util.ArrayList<>();
      for (Value rule : rules) {
        rule.asObj()
            .ifPresent(
                r ->
                    r.fields()
                        .forEach(
                            f ->
                                filters.add(
                                    obj(f.keyAt())
                                        .put("Name", str(f.key(), f.keyAt()))
                                        .put("Value", f.value())
                                        .build())));
      }
      p.put("Filter", obj(at).put("S3Key", obj(at).put("Rules", seq(at, filters)).build()).build());
    }
    return Optional.of(event("S3", p, at));
  }

  private Value.Obj sqs(String key, Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "arn");
    Value arn = s.get("arn").orElse(str("?", at));
    compiler.roleOf(key).ifPresent(role -> role.allowEventSource("sqs", arn));
    Tree.Builder p = obj(at).put("Queue", arn);
    s.get("batchSize").ifPresent(b -> p.put("BatchSize", b));
    s.get("enabled").ifPresent(e -> p.put("Enabled", e));
    s.get("maximumBatchingWindow").ifPresent(w -> p.put("MaximumBatchingWindowInSeconds", w));
    return event("SQS", p, at);
  }

  private Value.Obj stream(String key, Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "arn");
    Value arn = s.get("arn").orElse(str("?", at));
    String type =
        s.get("type")
            .flatMap(Value::asString)
            .orElse(
                arn.asText().map(Object::toString).orElse("").contains(":kinesis:")
                    ? "kinesis"
                    : "dynamodb")
            .toLowerCase(Locale.ROOT);
    compiler.roleOf(key).ifPresent(role -> role.allowEventSource(type, arn));
    Tree.Builder p =
        obj(at)
            .put("Stream", arn)
            .put("StartingPosition", s.get("startingPosition").orElse(str("TRIM_HORIZON", at)));
    s.get("batchSize").ifPresent(b -> p.put("BatchSize", b));
    s.get("enabled").ifPresent(e -> p.put("Enabled", e));
    return event(type.equals("kinesis") ? "Kinesis" : "DynamoDB", p, at);
  }

  private Value.Obj sns(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "topicName");
    Tree.Builder p = obj(at);
    Optional<Value> arn = s.get("arn");
    Optional<Value> topicName = s.get("topicName");
    Optional<String> name = topicName.flatMap(Value::asString);
    if (arn.isEmpty() && name.isPresent() && name.get().startsWith("arn:")) {
      arn = topicName;
    }
    if (arn.isPresent()) {
      p.put("Topic", arn.get());
    } else {
      String topicId = "SNSTopic" + ServerlessCompiler.alphanumeric(name.orElse("Topic"));
      Value topic = topicName.orElse(str("topic", at));
      compiler.resource(
          topicId,
          obj(topic.at())
              .put("Type", str("AWS::SNS::Topic", topic.at()))
              .put(
                  "Properties",
                  obj(topic.at())
                      .put("TopicName", topic)
                      .put("DisplayName", s.get("displayName"))
                      .build())
              .build());
      p.put("Topic", ref(topicId, topic.at()));
    }
    s.get("filterPolicy").ifPresent(f -> p.put("FilterPolicy", f));
    return event("SNS", p, at);
  }

  private Value.Obj schedule(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "rate");
    Value rate = s.get("rate").orElse(str("?", at));
    if (rate instanceof Value.Seq rates && !rates.items().isEmpty()) {
      rate = rates.items().get(0); // one rule per rate; the first stands for them here
    }
    Tree.Builder p = obj(at).put("Schedule", rate);
    s.get("enabled").ifPresent(e -> p.put("Enabled", e));
    s.get("input").ifPresent(i -> p.put("Input", i));
    return event("Schedule", p, at);
  }

  private Value.Obj eventBridge(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "pattern");
    if (s.has("schedule")) {
      return event("Schedule", obj(at).put("Schedule", s.get("schedule").orElseThrow()), at);
    }
    Tree.Builder p = obj(at).put("Pattern", s.get("pattern").orElse(obj(at).build()));
    s.get("eventBus").ifPresent(b -> p.put("EventBusName", b));
    return event("EventBridgeRule", p, at);
  }

  private void alb(String logicalId, Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "listenerArn");
    String base = logicalId.replaceFirst("LambdaFunction$", "");
    String priority = Tree.text(s.get("priority"), "1");
    String groupId = base + "AlbTargetGroup" + priority;
    compiler.resource(
        groupId,
        obj(at)
            .put("Type", str("AWS::ElasticLoadBalancingV2::TargetGroup", at))
            .put(
                "Properties",
                obj(at)
                    .put("TargetType", "lambda")
                    .put(
                        "Targets",
                        seq(at, List.of(obj(at).put("Id", getAtt(logicalId, "Arn", at)).build())))
                    .build())
            .build());
    Tree.Builder rule =
        obj(at)
            .put("ListenerArn", s.get("listenerArn").orElse(str("?", at)))
            .put("Priority", s.get("priority").orElse(str(priority, at)))
            .put(
                "Actions",
                seq(
                    at,
                    List.of(
                        obj(at)
                            .put("Type", "forward")
                            .put("TargetGroupArn", ref(groupId, at))
                            .build())));
    s.get("conditions").ifPresent(c -> rule.put("Conditions", c));
    compiler.resource(
        base + "AlbListenerRule" + priority,
        obj(at)
            .put("Type", str("AWS::ElasticLoadBalancingV2::ListenerRule", at))
            .put("Properties", rule.build())
            .build());
    compiler.invokePermission(
        base + "LambdaPermissionAlb",
        logicalId,
        "elasticloadbalancing.amazonaws.com",
        Optional.of(ref(groupId, at)),
        at);
  }

  private Value.Obj iot(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "sql");
    Tree.Builder p = obj(at).put("Sql", s.get("sql").orElse(str("?", at)));
    s.get("sqlVersion").ifPresent(v -> p.put("AwsIotSqlVersion", v));
    return event("IoTRule", p, at);
  }

  private Value.Obj cognito(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "pool");
    Value pool = s.get("pool").orElse(str("pool", at));
    String poolId =
        "CognitoUserPool" + ServerlessCompiler.alphanumeric(Tree.text(Optional.of(pool), "Pool"));
    compiler.resource(
        poolId,
        obj(pool.at())
            .put("Type", str("AWS::Cognito::UserPool", pool.at()))
            .put("Properties", obj(pool.at()).put("UserPoolName", pool).build())
            .build());
    return event(
        "Cognito",
        obj(at)
            .put("UserPool", ref(poolId, pool.at()))
            .put("Trigger", s.get("trigger").orElse(str("PreSignUp", at))),
        at);
  }

  private Value.Obj alexa(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "appId");
    Tree.Builder p = obj(at);
    s.get("appId").ifPresent(id -> p.put("SkillId", id));
    return event("AlexaSkill", p, at);
  }

  private Value.Obj cloudwatchLog(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "logGroup");
    return event(
        "CloudWatchLogs",
        obj(at)
            .put("LogGroupName", s.get("logGroup").orElse(str("?", at)))
            .put("FilterPattern", s.get("filter").orElse(str("", at))),
        at);
  }

  private Value.Obj kafka(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "topic");
    Tree.Builder p =
        obj(at)
            .put("KafkaBootstrapServers", s.get("bootstrapServers").orElse(seq(at, List.of())))
            .put("Topics", seq(at, s.get("topic").map(List::of).orElse(List.of())));
    return event("SelfManagedKafka", p, at);
  }

  private Value.Obj msk(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "arn");
    return event(
        "MSK",
        obj(at)
            .put("Stream", s.get("arn").orElse(str("?", at)))
            .put("Topics", seq(at, s.get("topic").map(List::of).orElse(List.of())))
            .put("StartingPosition", s.get("startingPosition").orElse(str("TRIM_HORIZON", at))),
        at);
  }

  private Value.Obj mq(Value spec, SourceLocation at) {
    Value.Obj s = settings(spec, "arn");
    return event(
        "MQ",
        obj(at)
            .put("Broker", s.get("arn").orElse(str("?", at)))
            .put("Queues", seq(at, s.get("queue").map(List::of).orElse(List.of()))),
        at);
  }
}
