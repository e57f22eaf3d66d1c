package dev.warden.inventory.sam;

import dev.warden.inventory.Auth;
import dev.warden.inventory.InvokePermission;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.inventory.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Triggers and settings that plain CloudFormation resources attach to functions from the outside:
 * event source mappings, invoke permissions, function URLs, bucket notifications, topic
 * subscriptions, EventBridge rules and schedules, log subscriptions, IoT rules, Cognito hooks,
 * CodeCommit triggers, state machines, AppSync data sources and load balancer target groups.
 */
final class TriggerLinks {

  private final LoadContext context;
  private final Functions functions;
  private final Resources resources;
  private final FunctionReader reader;
  private final Set<String> seenServices = new HashSet<>();

  TriggerLinks(
      LoadContext context, Functions functions, Resources resources, FunctionReader reader) {
    this.context = context;
    this.functions = functions;
    this.resources = resources;
    this.reader = reader;
  }

  void linkAll() {
    eventSourceMappings();
    functionUrls();
    eventInvokeConfigs();
    bucketNotifications();
    topicSubscriptions();
    eventRules();
    schedules();
    logSubscriptions();
    iotRules();
    cognitoHooks();
    codeCommitTriggers();
    stateMachines();
    appSyncDataSources();
    targetGroups();
    permissions();
  }

  private Optional<FunctionDraft> function(Value.Obj p, String key) {
    return Props.text(p, key).flatMap(functions::find);
  }

  private Optional<String> referencedId(Optional<SymbolicText> reference, String... types) {
    return reference
        .flatMap(r -> context.referenced(r, Set.of(types)))
        .map(TemplateResource::logicalId);
  }

  private void eventSourceMappings() {
    for (TemplateResource mapping : context.ofType("AWS::Lambda::EventSourceMapping")) {
      Value.Obj p = context.properties(mapping);
      Optional<FunctionDraft> function = function(p, "FunctionName");
      if (function.isEmpty()) {
        continue;
      }
      Optional<SymbolicText> source = Props.text(p, "EventSourceArn");
      TriggerKind kind =
          source
              .map(FunctionReader::kindOfStreamArn)
              .orElse(p.has("SelfManagedEventSource") ? TriggerKind.KAFKA : TriggerKind.OTHER);
      Map<String, String> details = new LinkedHashMap<>();
      Props.integer(p, "BatchSize").ifPresent(b -> details.put("batchSize", Integer.toString(b)));
      Props.bool(p, "Enabled").filter(e -> !e).ifPresent(e -> details.put("enabled", "false"));
      Props.strings(p, "Topics").forEach(t -> details.merge("topics", t, (a, b) -> a + "," + b));
      Optional<String> sourceId =
          referencedId(
              source,
              "AWS::SQS::Queue",
              "AWS::Kinesis::Stream",
              "AWS::DynamoDB::Table",
              "AWS::MSK::Cluster",
              "AWS::AmazonMQ::Broker");
      boolean open =
          kind == TriggerKind.SQS
              && sourceId
                  .map(id -> resources.anyoneMay(id, List.of("sqs:SendMessage")))
                  .orElse(false);
      function
          .get()
          .addTrigger(
              Trigger.ofSource(kind, mapping.logicalId(), source, sourceId, details, mapping.at())
                  .withPublic(open));
    }
  }

  private void functionUrls() {
    for (TemplateResource url : context.ofType("AWS::Lambda::Url")) {
      Value.Obj p = context.properties(url);
      function(p, "TargetFunctionArn")
          .ifPresent(f -> f.url = Optional.of(reader.functionUrl(p, url.at())));
    }
  }

  private void eventInvokeConfigs() {
    for (TemplateResource config : context.ofType("AWS::Lambda::EventInvokeConfig")) {
      Value.Obj p = context.properties(config);
      function(p, "FunctionName")
          .ifPresent(f -> f.asyncConfig = Optional.of(reader.asyncConfig(p, config.at())));
    }
  }

  private void bucketNotifications() {
    for (TemplateResource bucket : context.ofType("AWS::S3::Bucket")) {
      Value.Obj p = context.properties(bucket);
      for (Value item : Props.obj(p, "NotificationConfiguration").list("LambdaConfigurations")) {
        Optional<Value.Obj> config = item.asObj();
        Optional<FunctionDraft> function = config.flatMap(c -> function(c, "Function"));
        if (function.isEmpty()) {
          continue;
        }
        Map<String, String> details = new LinkedHashMap<>();
        Props.string(config.get(), "Event").ifPresent(e -> details.put("events", e));
        config.get().obj("Filter").ifPresent(f -> details.put("filter", SamEvents.compact(f)));
        boolean open = resources.anyoneMay(bucket.logicalId(), List.of("s3:PutObject"));
        function
            .get()
            .addTrigger(
                Trigger.ofSource(
                        TriggerKind.S3,
                        bucket.logicalId(),
                        Optional.of(context.resolver().nameOf(bucket)),
                        Optional.of(bucket.logicalId()),
                        details,
                        item.at())
                    .withPublic(open));
      }
    }
  }

  private void topicSubscriptions() {
    for (TemplateResource subscription : context.ofType("AWS::SNS::Subscription")) {
      Value.Obj p = context.properties(subscription);
      if (!Props.string(p, "Protocol").map("lambda"::equalsIgnoreCase).orElse(false)) {
        continue;
      }
      function(p, "Endpoint")
          .ifPresent(
              f ->
                  addTopicTrigger(
                      f,
                      subscription.logicalId(),
                      Props.text(p, "TopicArn"),
                      p,
                      subscription.at()));
    }
    for (TemplateResource topic : context.ofType("AWS::SNS::Topic")) {
      Value.Obj p = context.properties(topic);
      for (Value item : p.list("Subscription")) {
        Optional<Value.Obj> subscription = item.asObj();
        if (subscription.isEmpty()
            || !Props.string(subscription.get(), "Protocol")
                .map("lambda"::equalsIgnoreCase)
                .orElse(false)) {
          continue;
        }
        function(subscription.get(), "Endpoint")
            .ifPresent(
                f ->
                    addTopicTrigger(
                        f,
                        topic.logicalId(),
                        Optional.of(context.resolver().arnOf(topic)),
                        subscription.get(),
                        item.at()));
      }
    }
  }

  private void addTopicTrigger(
      FunctionDraft function,
      String name,
      Optional<SymbolicText> topic,
      Value.Obj p,
      SourceLocation at) {
    Optional<String> topicId = referencedId(topic, "AWS::SNS::Topic");
    Map<String, String> details = new LinkedHashMap<>();
    p.get("FilterPolicy").ifPresent(f -> details.put("filterPolicy", SamEvents.compact(f)));
    boolean open = topicId.map(id -> resources.anyoneMay(id, List.of("sns:Publish"))).orElse(false);
    function.addTrigger(
        Trigger.ofSource(TriggerKind.SNS, name, topic, topicId, details, at).withPublic(open));
  }

  private void eventRules() {
    for (TemplateResource rule : context.ofType("AWS::Events::Rule")) {
      Value.Obj p = context.properties(rule);
      for (Value item : p.list("Targets")) {
        Optional<FunctionDraft> function = item.asObj().flatMap(t -> function(t, "Arn"));
        if (function.isEmpty()) {
          continue;
        }
        Map<String, String> details = new LinkedHashMap<>();
        Props.string(p, "State")
            .filter(s -> !s.equalsIgnoreCase("ENABLED"))
            .ifPresent(s -> details.put("state", s));
        Optional<String> schedule = Props.string(p, "ScheduleExpression");
        if (schedule.isPresent()) {
          details.put("expression", schedule.get());
          function
              .get()
              .addTrigger(
                  Trigger.ofSource(
                      TriggerKind.SCHEDULE,
                      rule.logicalId(),
                      Optional.empty(),
                      Optional.empty(),
                      details,
                      item.at()));
          continue;
        }
        p.get("EventPattern")
            .ifPresent(pattern -> details.put("pattern", SamEvents.compact(pattern)));
        Optional<SymbolicText> bus = Props.text(p, "EventBusName");
        bus.ifPresent(b -> details.put("eventBus", b.toString()));
        Optional<String> busId = referencedId(bus, "AWS::Events::EventBus");
        boolean open =
            busId.map(id -> resources.anyoneMay(id, List.of("events:PutEvents"))).orElse(false);
        function
            .get()
            .addTrigger(
                Trigger.ofSource(
                        TriggerKind.EVENTBRIDGE, rule.logicalId(), bus, busId, details, item.at())
                    .withPublic(open));
      }
    }
  }

  private void schedules() {
    for (TemplateResource schedule : context.ofType("AWS::Scheduler::Schedule")) {
      Value.Obj p = context.properties(schedule);
      p.obj("Target")
          .flatMap(t -> function(t, "Arn"))
          .ifPresent(
              function -> {
                Map<String, String> details =
                    Map.of("expression", Props.string(p, "ScheduleExpression").orElse("?"));
                function.addTrigger(
                    Trigger.ofSource(
                        TriggerKind.SCHEDULE,
                        schedule.logicalId(),
                        Optional.empty(),
                        Optional.empty(),
                        details,
                        schedule.at()));
              });
    }
  }

  private void logSubscriptions() {
    for (TemplateResource filter : context.ofType("AWS::Logs::SubscriptionFilter")) {
      Value.Obj p = context.properties(filter);
      function(p, "DestinationArn")
          .ifPresent(
              function -> {
                Optional<SymbolicText> group = Props.text(p, "LogGroupName");
                Map<String, String> details =
                    Map.of("filterPattern", Props.string(p, "FilterPattern").orElse(""));
                function.addTrigger(
                    Trigger.ofSource(
                        TriggerKind.CLOUDWATCH_LOGS,
                        filter.logicalId(),
                        group,
                        referencedId(group, "AWS::Logs::LogGroup"),
                        details,
                        filter.at()));
              });
    }
  }

  private void iotRules() {
    for (TemplateResource rule : context.ofType("AWS::IoT::TopicRule")) {
      Value.Obj payload = Props.obj(context.properties(rule), "TopicRulePayload");
      for (Value action : payload.list("Actions")) {
        action
            .asObj()
            .flatMap(a -> a.obj("Lambda"))
            .flatMap(l -> function(l, "FunctionArn"))
            .ifPresent(
                function -> {
                  Map<String, String> details =
                      Map.of("sql", Props.string(payload, "Sql").orElse("?"));
                  function.addTrigger(
                      Trigger.ofSource(
                          TriggerKind.IOT,
                          rule.logicalId(),
                          Optional.empty(),
                          Optional.empty(),
                          details,
                          action.at()));
                });
      }
    }
  }

  private void cognitoHooks() {
    for (TemplateResource pool : context.ofType("AWS::Cognito::UserPool")) {
      Value.Obj p = context.properties(pool);
      boolean selfSignUp =
          !p.obj("AdminCreateUserConfig")
              .flatMap(c -> Props.bool(c, "AllowAdminCreateUserOnly"))
              .orElse(false);
      for (Value.Field hook : Props.obj(p, "LambdaConfig").fields()) {
        Optional<SymbolicText> target =
            hook.value()
                .asText()
                .or(() -> hook.value().asObj().flatMap(o -> Props.text(o, "LambdaArn")));
        target
            .flatMap(functions::find)
            .ifPresent(
                function ->
                    function.addTrigger(
                        Trigger.ofSource(
                                TriggerKind.COGNITO,
                                pool.logicalId() + "." + hook.key(),
                                Optional.of(context.resolver().arnOf(pool)),
                                Optional.of(pool.logicalId()),
                                Map.of("trigger", hook.key()),
                                hook.keyAt())
                            .withPublic(selfSignUp && SamEvents.runsBeforeSignIn(hook.key()))));
      }
    }
  }

  private void codeCommitTriggers() {
    for (TemplateResource repository : context.ofType("AWS::CodeCommit::Repository")) {
      Value.Obj p = context.properties(repository);
      for (Value item : p.list("Triggers")) {
        Optional<Value.Obj> trigger = item.asObj();
        trigger
            .flatMap(t -> function(t, "DestinationArn"))
            .ifPresent(
                function -> {
                  Map<String, String> details = new LinkedHashMap<>();
                  details.put("events", String.join(",", Props.strings(trigger.get(), "Events")));
                  Props.strings(trigger.get(), "Branches")
                      .forEach(b -> details.merge("branches", b, (x, y) -> x + "," + y));
                  function.addTrigger(
                      Trigger.ofSource(
                          TriggerKind.CODECOMMIT,
                          Props.string(trigger.get(), "Name").orElse(repository.logicalId()),
                          Optional.of(context.resolver().arnOf(repository)),
                          Optional.of(repository.logicalId()),
                          details,
                          item.at()));
                });
      }
    }
  }

  /** A state machine invokes every function its definition names. */
  private void stateMachines() {
    for (TemplateResource machine :
        context.ofType("AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine")) {
      Value.Obj p = context.properties(machine);
      StringBuilder text = new StringBuilder();
      p.get("Definition").ifPresent(d -> text.append(SamEvents.compact(d)));
      p.get("DefinitionString").flatMap(Value::asText).ifPresent(d -> text.append(d));
      Props.string(p, "DefinitionUri")
          .flatMap(uri -> context.root().resolveInside(context.path(), uri))
          .ifPresent(file -> text.append(' ').append(readLocal(file)));
      Value.Obj substitutions = Props.obj(p, "DefinitionSubstitutions");
      for (Value.Field substitution : substitutions.fields()) {
        String placeholder = "${" + substitution.key() + "}";
        if (text.indexOf(placeholder) >= 0) {
          text.append(' ')
              .append(substitution.value().asText().map(SymbolicText::toString).orElse(""));
        }
      }

      String definition = text.toString();
      for (FunctionDraft function : functions.all()) {
        if (Functions.mentions(definition, function) || mentionsViaSymbol(definition, function)) {
          function.addTrigger(
              Trigger.ofSource(
                  TriggerKind.STEP_FUNCTIONS,
                  machine.logicalId(),
                  Optional.of(context.resolver().arnOf(machine)),
                  Optional.of(machine.logicalId()),
                  Map.of(),
                  machine.at()));
        }
      }
    }
  }

  private static boolean mentionsViaSymbol(String definition, FunctionDraft function) {
    return definition.contains("${" + function.logicalId() + ".Arn}")
        || definition.contains("${" + function.logicalId() + "}");
  }

  private String readLocal(Path file) {
    try {
      long size = Files.size(file);
      if (size > (4L << 20)) {
        return "";
      }
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      context.problem(
          SourceLocation.ofFile(context.root().display(file)),
          "cannot read the state machine definition: " + e.getMessage(),
          "Check the DefinitionUri.");
      return "";
    }
  }

  private void appSyncDataSources() {
    for (TemplateResource source : context.ofType("AWS::AppSync::DataSource")) {
      Value.Obj p = context.properties(source);
      if (!Props.string(p, "Type").map("AWS_LAMBDA"::equalsIgnoreCase).orElse(false)) {
        continue;
      }
      p.obj("LambdaConfig")
          .flatMap(c -> function(c, "LambdaFunctionArn"))
          .ifPresent(
              function -> {
                Optional<SymbolicText> api = Props.text(p, "ApiId");
                Optional<TemplateResource> graphql =
                    api.flatMap(a -> context.referenced(a, Set.of("AWS::AppSync::GraphQLApi")));
                Auth auth =
                    graphql
                        .map(
                            g ->
                                appSyncAuth(
                                    Props.string(context.properties(g), "AuthenticationType")
                                        .orElse("API_KEY")))
                        .orElse(Auth.API_KEY);
                Map<String, String> details = Map.of("dataSource", source.logicalId());
                function.addTrigger(
                    new Trigger(
                        TriggerKind.APPSYNC,
                        source.logicalId(),
                        true,
                        auth,
                        Optional.empty(),
                        graphql.map(TemplateResource::logicalId),
                        Optional.empty(),
                        api,
                        graphql.map(TemplateResource::logicalId),
                        details,
                        source.at()));
              });
    }
  }

  private static Auth appSyncAuth(String type) {
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "AWS_IAM" -> Auth.IAM;
      case "AMAZON_COGNITO_USER_POOLS" -> Auth.COGNITO;
      case "OPENID_CONNECT" -> Auth.JWT;
      case "AWS_LAMBDA" -> Auth.LAMBDA_AUTHORIZER;
      default -> Auth.API_KEY;
    };
  }

  private void targetGroups() {
    for (TemplateResource group : context.ofType("AWS::ElasticLoadBalancingV2::TargetGroup")) {
      Value.Obj p = context.properties(group);
      if (!Props.string(p, "TargetType").map("lambda"::equalsIgnoreCase).orElse(false)) {
        continue;
      }
      boolean internal =
          !context.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer").isEmpty()
              && context.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer").stream()
                  .allMatch(
                      lb ->
                          Props.string(context.properties(lb), "Scheme")
                              .map("internal"::equalsIgnoreCase)
                              .orElse(false));
      for (Value target : p.list("Targets")) {
        target
            .asObj()
            .flatMap(t -> function(t, "Id"))
            .ifPresent(
                function ->
                    function.addTrigger(
                        new Trigger(
                            TriggerKind.LOAD_BALANCER,
                            group.logicalId(),
                            !internal,
                            Auth.NONE,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(group.logicalId()),
                            Map.of(),
                            target.at())));
      }
    }
  }

  /**
   * Invoke permissions form the function's resource-based policy. A permission for a service whose
   * configuring resource is elsewhere still means the function is invoked that way; a permission
   * for anybody, or for a whole account without a source, is an entry point itself.
   */
  private void permissions() {
    for (TemplateResource permission : context.ofType("AWS::Lambda::Permission")) {
      Value.Obj p = context.properties(permission);
      Optional<FunctionDraft> function = function(p, "FunctionName");
      if (function.isEmpty()) {
        continue;
      }
      SymbolicText principal = Props.text(p, "Principal").orElse(SymbolicText.of("?"));
      InvokePermission statement =
          new InvokePermission(
              Props.string(p, "Action").orElse("lambda:InvokeFunction"),
              principal,
              Props.text(p, "SourceArn"),
              Props.text(p, "SourceAccount"),
              Props.text(p, "PrincipalOrgID"),
              Props.string(p, "FunctionUrlAuthType"),
              permission.at());
      function.get().invokePermissions.add(statement);
      impliedTrigger(function.get(), permission, statement);
    }
  }

  private void impliedTrigger(
      FunctionDraft function, TemplateResource permission, InvokePermission statement) {
    String principal = statement.principal().toString();
    Set<TriggerKind> present = EnumSet.noneOf(TriggerKind.class);
    function.triggers.forEach(t -> present.add(t.kind()));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("principal", principal);
    details.put("configuredBy", "invoke permission only");
    if (statement.action().equalsIgnoreCase("lambda:InvokeFunctionUrl")) {
      return;
    }
    Optional<TriggerKind> kind = kindOfPrincipal(principal);
    if (kind.isPresent()) {
      // the permission of a scheduled rule the template declares is that rule's SCHEDULE trigger
      Optional<String> rule =
          statement
              .sourceArn()
              .flatMap(arn -> context.referenced(arn, Set.of("AWS::Events::Rule")))
              .map(TemplateResource::logicalId);
      boolean scheduledRule =
          kind.get() == TriggerKind.EVENTBRIDGE
              && rule.isPresent()
              && function.triggers.stream()
                  .anyMatch(t -> t.kind() == TriggerKind.SCHEDULE && t.name().equals(rule.get()));
      if (!present.contains(kind.get()) && !scheduledRule) {
        boolean open = kind.get() == TriggerKind.ALEXA && statement.sourceArn().isEmpty();
        function.addTrigger(
            new Trigger(
                kind.get(),
                permission.logicalId(),
                open || kind.get() == TriggerKind.ALEXA,
                open ? Auth.NONE : Auth.IAM,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                statement.sourceArn(),
                Optional.empty(),
                details,
                permission.at()));
      }
      return;
    }
    if (principal.endsWith(".amazonaws.com") || principal.endsWith(".amazon.com")) {
      if (!seenServices.add(function.logicalId() + " " + principal)) {
        return;
      }
      function.addTrigger(
          Trigger.ofSource(
              TriggerKind.OTHER,
              permission.logicalId(),
              statement.sourceArn(),
              Optional.empty(),
              details,
              permission.at()));
      return;
    }
    // An account, an ARN or "*": callers with AWS credentials invoke the function directly.
    boolean anyone =
        principal.equals("*")
            && statement.sourceArn().isEmpty()
            && statement.sourceAccount().isEmpty()
            && statement.principalOrgId().isEmpty();
    function.addTrigger(
        new Trigger(
            TriggerKind.LAMBDA,
            permission.logicalId(),
            anyone,
            Auth.IAM,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            statement.sourceArn(),
            Optional.empty(),
            details,
            permission.at()));
  }

  private static Optional<TriggerKind> kindOfPrincipal(String principal) {
    return switch (principal) {
      case "apigateway.amazonaws.com" -> Optional.of(TriggerKind.HTTP);
      case "s3.amazonaws.com" -> Optional.of(TriggerKind.S3);
      case "sns.amazonaws.com" -> Optional.of(TriggerKind.SNS);
      case "events.amazonaws.com" -> Optional.of(TriggerKind.EVENTBRIDGE);
      case "scheduler.amazonaws.com" -> Optional.of(TriggerKind.SCHEDULE);
      case "logs.amazonaws.com" -> Optional.of(TriggerKind.CLOUDWATCH_LOGS);
      case "iot.amazonaws.com" -> Optional.of(TriggerKind.IOT);
      case "cognito-idp.amazonaws.com" -> Optional.of(TriggerKind.COGNITO);
      case "codecommit.amazonaws.com" -> Optional.of(TriggerKind.CODECOMMIT);
      case "alexa-appkit.amazon.com", "alexa-connectedhome.amazon.com" ->
          Optional.of(TriggerKind.ALEXA);
      case "states.amazonaws.com" -> Optional.of(TriggerKind.STEP_FUNCTIONS);
      case "appsync.amazonaws.com" -> Optional.of(TriggerKind.APPSYNC);
      case "elasticloadbalancing.amazonaws.com" -> Optional.of(TriggerKind.LOAD_BALANCER);
      default -> Optional.empty();
    };
  }
}
