package dev.warden.inventory.sam;

import dev.warden.inventory.Auth;
import dev.warden.inventory.HttpRoute;
import dev.warden.inventory.Policy;
import dev.warden.inventory.PolicyKind;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.inventory.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Events} of SAM functions, as triggers, with the permissions SAM adds to the function's
 * generated role for them and for its dead-letter queue and destinations.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-eventsource.html
 */
final class SamEvents {

  private static final String MANAGED = "arn:aws:iam::aws:policy/service-role/";

  private final LoadContext context;
  private final Apis apis;
  private final Resources resources;

  SamEvents(LoadContext context, Apis apis, Resources resources) {
    this.context = context;
    this.apis = apis;
    this.resources = resources;
  }

  void readAll(Functions functions) {
    for (FunctionDraft draft : functions.all()) {
      if (!draft.isSam()) {
        continue;
      }
      for (Value.Field event : Props.obj(draft.properties, "Events").fields()) {
        if (!(event.value() instanceof Value.Obj definition)) {
          context.problem(
              event.keyAt(),
              "event " + event.key() + " is not a mapping",
              "Give each event a Type and Properties.");
          continue;
        }
        read(draft, event.key(), definition, event.keyAt());
      }
      deadLetterPolicy(draft);
      destinationPolicies(draft);
    }
  }

  private void read(FunctionDraft draft, String name, Value.Obj event, SourceLocation at) {
    String type = Props.string(event, "Type").orElse("");
    Value.Obj p = Props.obj(event, "Properties");
    Map<String, String> details = new LinkedHashMap<>();
    switch (type) {
      case "Api" -> {
        String apiId =
            Props.text(p, "RestApiId").flatMap(this::apiId).orElse(Apis.IMPLICIT_REST_API);
        HttpRoute route =
            new HttpRoute(
                Props.string(p, "Method").orElse("ANY"), Props.string(p, "Path").orElse("/"));
        Value.Obj auth = Props.obj(p, "Auth");
        apis.addRoute(
            apiId,
            route,
            Props.string(auth, "Authorizer"),
            Props.bool(auth, "ApiKeyRequired"),
            draft,
            name,
            at);
      }
      case "HttpApi" -> {
        String apiId = Props.text(p, "ApiId").flatMap(this::apiId).orElse(Apis.IMPLICIT_HTTP_API);
        Optional<String> method = Props.string(p, "Method");
        Optional<String> path = Props.string(p, "Path");
        HttpRoute route =
            method.isEmpty() && path.isEmpty()
                ? new HttpRoute("ANY", "$default")
                : new HttpRoute(method.orElse("ANY"), path.orElse("/"));
        Value.Obj auth = Props.obj(p, "Auth");
        apis.addRoute(
            apiId, route, Props.string(auth, "Authorizer"), Optional.empty(), draft, name, at);
      }
      case "S3" -> {
        Optional<SymbolicText> bucket = Props.text(p, "Bucket");
        Optional<String> bucketId =
            bucket
                .flatMap(b -> context.referenced(b, Set.of("AWS::S3::Bucket")))
                .map(TemplateResource::logicalId);
        details.put("events", String.join(",", Props.strings(p, "Events")));
        filter(p).ifPresent(f -> details.put("filter", f));
        boolean open =
            bucketId.map(id -> resources.anyoneMay(id, List.of("s3:PutObject"))).orElse(false);
        draft.addTrigger(
            Trigger.ofSource(
                    TriggerKind.S3, name, bucketRef(bucket, bucketId), bucketId, details, at)
                .withPublic(open));
      }
      case "SNS" -> {
        Optional<SymbolicText> topic = Props.text(p, "Topic");
        Optional<String> topicId =
            topic
                .flatMap(t -> context.referenced(t, Set.of("AWS::SNS::Topic")))
                .map(TemplateResource::logicalId);
        p.get("FilterPolicy").ifPresent(f -> details.put("filterPolicy", compact(f)));
        boolean open =
            topicId.map(id -> resources.anyoneMay(id, List.of("sns:Publish"))).orElse(false);
        draft.addTrigger(
            Trigger.ofSource(TriggerKind.SNS, name, topic, topicId, details, at).withPublic(open));
      }
      case "SQS" -> {
        Optional<SymbolicText> queue = Props.text(p, "Queue");
        Optional<String> queueId =
            queue
                .flatMap(q -> context.referenced(q, Set.of("AWS::SQS::Queue")))
                .map(TemplateResource::logicalId);
        batch(p, details);
        boolean open =
            queueId.map(id -> resources.anyoneMay(id, List.of("sqs:SendMessage"))).orElse(false);
        draft.addTrigger(
            Trigger.ofSource(TriggerKind.SQS, name, queue, queueId, details, at).withPublic(open));
        draft.addGeneratedManagedPolicy(MANAGED + "AWSLambdaSQSQueueExecutionRole");
      }
      case "Kinesis" -> {
        stream(
            draft,
            name,
            p,
            "Stream",
            TriggerKind.KINESIS,
            Set.of("AWS::Kinesis::Stream"),
            details,
            at);
        draft.addGeneratedManagedPolicy(MANAGED + "AWSLambdaKinesisExecutionRole");
      }
      case "DynamoDB" -> {
        stream(
            draft,
            name,
            p,
            "Stream",
            TriggerKind.DYNAMODB_STREAM,
            Set.of(
                "AWS::DynamoDB::Table",
                "AWS::DynamoDB::GlobalTable",
                "AWS::Serverless::SimpleTable"),
            details,
            at);
        draft.addGeneratedManagedPolicy(MANAGED + "AWSLambdaDynamoDBExecutionRole");
      }
      case "MSK" -> {
        stream(draft, name, p, "Stream", TriggerKind.MSK, Set.of("AWS::MSK::Cluster"), details, at);
        details.put("topics", String.join(",", Props.strings(p, "Topics")));
        draft.addGeneratedManagedPolicy(MANAGED + "AWSLambdaMSKExecutionRole");
      }
      case "MQ" -> {
        Optional<SymbolicText> broker = Props.text(p, "Broker");
        details.put("queues", String.join(",", Props.strings(p, "Queues")));
        draft.addTrigger(
            Trigger.ofSource(
                TriggerKind.MQ,
                name,
                broker,
                referencedId(broker, "AWS::AmazonMQ::Broker"),
                details,
                at));
        broker.ifPresent(
            b ->
                draft.generatedPolicies.add(
                    generated("SamAutoGeneratedAMQPolicy", List.of("mq:DescribeBroker"), b, at)));
        sourceAccessSecret(p)
            .ifPresent(
                secret ->
                    draft.generatedPolicies.add(
                        generated(
                            "SamAutoGeneratedAMQPolicy",
                            List.of("secretsmanager:GetSecretValue"),
                            secret,
                            at)));
      }
      case "SelfManagedKafka" -> {
        details.put(
            "bootstrapServers", String.join(",", Props.strings(p, "KafkaBootstrapServers")));
        details.put("topics", String.join(",", Props.strings(p, "Topics")));
        draft.addTrigger(
            Trigger.ofSource(
                TriggerKind.KAFKA, name, Optional.empty(), Optional.empty(), details, at));
        sourceAccessSecret(p)
            .ifPresent(
                secret ->
                    draft.generatedPolicies.add(
                        generated(
                            "SelfManagedKafkaExecutionRolePolicy",
                            List.of("secretsmanager:GetSecretValue"),
                            secret,
                            at)));
      }
      case "DocumentDB" -> {
        Optional<SymbolicText> cluster = Props.text(p, "Cluster");
        details.put("collection", Props.string(p, "CollectionName").orElse(""));
        details.put("database", Props.string(p, "DatabaseName").orElse(""));
        draft.addTrigger(
            Trigger.ofSource(
                TriggerKind.DOCUMENTDB,
                name,
                cluster,
                referencedId(cluster, "AWS::DocDB::DBCluster"),
                details,
                at));
        sourceAccessSecret(p)
            .ifPresent(
                secret ->
                    draft.generatedPolicies.add(
                        generated(
                            "SamAutoGeneratedDocumentDBPolicy",
                            List.of("secretsmanager:GetSecretValue"),
                            secret,
                            at)));
      }
      case "Schedule" -> {
        details.put("expression", Props.string(p, "Schedule").orElse("?"));
        Props.bool(p, "Enabled").filter(e -> !e).ifPresent(e -> details.put("enabled", "false"));
        draft.addTrigger(
            Trigger.ofSource(
                TriggerKind.SCHEDULE, name, Optional.empty(), Optional.empty(), details, at));
      }
      case "ScheduleV2" -> {
        details.put("expression", Props.string(p, "ScheduleExpression").orElse("?"));
        draft.addTrigger(
            Trigger.ofSource(
                TriggerKind.SCHEDULE, name, Optional.empty(), Optional.empty(), details, at));
      }
      case "CloudWatchEvent", "EventBridgeRule" -> {
        p.get("Pattern").ifPresent(pattern -> details.put("pattern", compact(pattern)));
        Optional<SymbolicText> bus = Props.text(p, "EventBusName");
        Optional<String> busId = referencedId(bus, "AWS::Events::EventBus");
        bus.ifPresent(b -> details.put("eventBus", b.toString()));
        boolean open =
            busId.map(id -> resources.anyoneMay(id, List.of("events:PutEvents"))).orElse(false);
        draft.addTrigger(
            Trigger.ofSource(TriggerKind.EVENTBRIDGE, name, bus, busId, details, at)
                .withPublic(open));
      }
      case "CloudWatchLogs" -> {
        Optional<SymbolicText> group = Props.text(p, "LogGroupName");
        details.put("filterPattern", Props.string(p, "FilterPattern").orElse(""));
        draft.addTrigger(
            Trigger.ofSource(
                TriggerKind.CLOUDWATCH_LOGS,
                name,
                group,
                referencedId(group, "AWS::Logs::LogGroup"),
                details,
                at));
      }
      case "IoTRule" -> {
        details.put("sql", Props.string(p, "Sql").orElse("?"));
        draft.addTrigger(
            Trigger.ofSource(
                TriggerKind.IOT, name, Optional.empty(), Optional.empty(), details, at));
      }
      case "AlexaSkill" -> {
        Optional<SymbolicText> skill = Props.text(p, "SkillId");
        skill.ifPresent(s -> details.put("skillId", s.toString()));
        // Anybody talking to an Alexa device reaches the skill; without a skill id any skill may
        // invoke.
        draft.addTrigger(
            new Trigger(
                TriggerKind.ALEXA,
                name,
                true,
                skill.isPresent() ? Auth.IAM : Auth.NONE,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                skill,
                Optional.empty(),
                details,
                at));
      }
      case "Cognito" -> {
        Optional<SymbolicText> pool = Props.text(p, "UserPool");
        Optional<String> poolId = referencedId(pool, "AWS::Cognito::UserPool");
        List<String> hooks = Props.strings(p, "Trigger");
        details.put("trigger", String.join(",", hooks));
        boolean open =
            poolId.map(this::allowsSelfSignUp).orElse(false)
                && hooks.stream().anyMatch(SamEvents::runsBeforeSignIn);
        draft.addTrigger(
            Trigger.ofSource(TriggerKind.COGNITO, name, pool, poolId, details, at)
                .withPublic(open));
      }
      default -> {
        context.problem(
            at,
            "event "
                + name
                + " has type "
                + (type.isEmpty() ? "(none)" : type)
                + ", which Warden does not know",
            "Use a SAM event source type; the event is kept as an 'other' trigger.");
        details.put("type", type);
        draft.addTrigger(
            Trigger.ofSource(
                TriggerKind.OTHER, name, Optional.empty(), Optional.empty(), details, at));
      }
    }
  }

  private Optional<String> apiId(SymbolicText reference) {
    return context
        .referenced(
            reference,
            Set.of(
                "AWS::Serverless::Api",
                "AWS::Serverless::HttpApi",
                "AWS::ApiGateway::RestApi",
                "AWS::ApiGatewayV2::Api"))
        .map(TemplateResource::logicalId);
  }

  private Optional<String> referencedId(Optional<SymbolicText> reference, String type) {
    return reference
        .flatMap(r -> context.referenced(r, Set.of(type)))
        .map(TemplateResource::logicalId);
  }

  private static Optional<SymbolicText> bucketRef(
      Optional<SymbolicText> bucket, Optional<String> bucketId) {
    return bucket.isPresent() ? bucket : bucketId.map(SymbolicText::symbol);
  }

  private void stream(
      FunctionDraft draft,
      String name,
      Value.Obj p,
      String key,
      TriggerKind kind,
      Set<String> types,
      Map<String, String> details,
      SourceLocation at) {
    Optional<SymbolicText> source = Props.text(p, key);
    Optional<String> sourceId =
        source.flatMap(s -> context.referenced(s, types)).map(TemplateResource::logicalId);
    Props.string(p, "StartingPosition").ifPresent(s -> details.put("startingPosition", s));
    batch(p, details);
    p.obj("DestinationConfig")
        .flatMap(d -> d.obj("OnFailure"))
        .flatMap(f -> Props.text(f, "Destination"))
        .ifPresent(d -> details.put("onFailure", d.toString()));
    draft.addTrigger(Trigger.ofSource(kind, name, source, sourceId, details, at));
  }

  private static void batch(Value.Obj p, Map<String, String> details) {
    Props.integer(p, "BatchSize").ifPresent(b -> details.put("batchSize", Integer.toString(b)));
    Props.bool(p, "Enabled").filter(e -> !e).ifPresent(e -> details.put("enabled", "false"));
  }

  private static Optional<String> filter(Value.Obj p) {
    return p.obj("Filter").map(SamEvents::compact);
  }

  private static Optional<SymbolicText> sourceAccessSecret(Value.Obj p) {
    for (Value config : p.list("SourceAccessConfigurations")) {
      Optional<Value.Obj> obj = config.asObj();
      if (obj.isPresent()
          && Props.string(obj.get(), "Type")
              .map(t -> t.toUpperCase(Locale.ROOT).contains("AUTH"))
              .orElse(false)) {
        Optional<SymbolicText> uri = Props.text(obj.get(), "URI");
        if (uri.isPresent()) {
          return uri;
        }
      }
    }
    return Optional.empty();
  }

  /** Cognito lets anybody sign up unless only administrators may create users. */
  private boolean allowsSelfSignUp(String poolId) {
    return resources
        .get(poolId)
        .map(
            pool ->
                !pool.properties()
                    .obj("AdminCreateUserConfig")
                    .flatMap(c -> Props.bool(c, "AllowAdminCreateUserOnly"))
                    .orElse(false))
        .orElse(false);
  }

  /** Hooks that run for people who are not signed in yet. */
  static boolean runsBeforeSignIn(String hook) {
    return switch (hook) {
      case "PreSignUp",
          "CustomMessage",
          "UserMigration",
          "PreAuthentication",
          "DefineAuthChallenge",
          "CreateAuthChallenge",
          "VerifyAuthChallengeResponse",
          "CustomSMSSender",
          "CustomEmailSender" ->
          true;
      default -> false;
    };
  }

  private void deadLetterPolicy(FunctionDraft draft) {
    if (draft.properties.has("Role")) {
      return;
    }
    draft
        .properties
        .obj("DeadLetterQueue")
        .ifPresent(
            dlq ->
                Props.text(dlq, "TargetArn")
                    .ifPresent(
                        target -> {
                          String type =
                              Props.string(dlq, "Type")
                                  .orElse(FunctionReader.serviceOf(target))
                                  .toUpperCase(Locale.ROOT);
                          List<String> actions =
                              type.equals("SNS")
                                  ? List.of("sns:Publish")
                                  : List.of("sqs:SendMessage");
                          draft.generatedPolicies.add(
                              generated(
                                  draft.logicalId() + "RolePolicyDeadLetter",
                                  actions,
                                  target,
                                  Props.at(draft.properties, "DeadLetterQueue")));
                        }));
  }

  private void destinationPolicies(FunctionDraft draft) {
    if (draft.properties.has("Role")) {
      return;
    }
    Value.Obj destinations =
        draft
            .properties
            .obj("EventInvokeConfig")
            .map(c -> Props.obj(c, "DestinationConfig"))
            .orElse(new Value.Obj(List.of(), draft.resource.at()));
    for (Value.Field outcome : destinations.fields()) {
      Optional<Value.Obj> target = outcome.value().asObj();
      Optional<String> type = target.flatMap(t -> Props.string(t, "Type"));
      Optional<SymbolicText> arn = target.flatMap(t -> Props.text(t, "Destination"));
      if (type.isEmpty() || arn.isEmpty()) {
        continue;
      }
      List<String> actions =
          switch (type.get().toUpperCase(Locale.ROOT)) {
            case "SQS" -> List.of("sqs:SendMessage");
            case "SNS" -> List.of("sns:Publish");
            case "LAMBDA" -> List.of("lambda:InvokeFunction");
            case "EVENTBRIDGE" -> List.of("events:PutEvents");
            case "S3" -> List.of("s3:PutObject", "s3:ListBucket");
            default -> List.of();
          };
      if (!actions.isEmpty()) {
        draft.generatedPolicies.add(
            generated(
                draft.logicalId() + "EventInvokeConfig" + outcome.key(),
                actions,
                arn.get(),
                outcome.keyAt()));
      }
    }
  }

  private static Policy generated(
      String name, List<String> actions, SymbolicText resource, SourceLocation at) {
    return new Policy(
        name, PolicyKind.GENERATED, Optional.empty(), Roles.allow(actions, resource, at), at);
  }

  /** A short single-line rendering of a value, for trigger details. */
  static String compact(Value value) {
    StringBuilder out = new StringBuilder();
    render(value, out);
    return out.toString();
  }

  private static void render(Value value, StringBuilder out) {
    if (value instanceof Value.Obj obj) {
      out.append('{');
      boolean first = true;
      for (Value.Field field : obj.fields()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        out.append(field.key()).append(": ");
        render(field.value(), out);
      }
      out.append('}');
    } else if (value instanceof Value.Seq seq) {
      out.append('[');
      for (int i = 0; i < seq.items().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        render(seq.items().get(i), out);
      }
      out.append(']');
    } else {
      out.append(value.asText().map(SymbolicText::toString).orElse("null"));
    }
  }
}
