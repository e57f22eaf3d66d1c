package dev.warden.inventory.terraform;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import dev.warden.inventory.ValueTree;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.terraform.TerraformPlan.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS resources of a Terraform plan as the CloudFormation resources they stand for — functions,
 * roles and their policies and attachments, invoke permissions, URLs, event source mappings, REST
 * and HTTP APIs with routes, methods, integrations and authorizers, buckets with their
 * notifications, topics and subscriptions, queues, tables, EventBridge rules with their targets,
 * log groups — with references between them as {@code Ref} and {@code Fn::GetAtt}.
 */
final class AwsResources {

  private final TerraformPlan plan;
  private final String file;
  private final List<InputProblem> problems;
  private final Map<String, String> logicalIds = new LinkedHashMap<>();
  private final DocumentReader json = new DocumentReader(ReadLimits.DEFAULT);

  AwsResources(TerraformPlan plan, String file, List<InputProblem> problems) {
    this.plan = plan;
    this.file = file;
    this.problems = problems;
    for (Resource resource : plan.all()) {
      logicalIds.put(resource.address(), logicalIdOf(resource.address()));
    }
  }

  /**
   * {@code module.api.aws_lambda_function.handler[0]} → {@code ModuleApiAwsLambdaFunctionHandler0}.
   */
  static String logicalIdOf(String address) {
    StringBuilder id = new StringBuilder();
    for (String part :
        java.util.regex.Pattern.compile("[^A-Za-z0-9]+").splitAsStream(address).toList()) {
      if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }

  /** Every AWS resource Warden models, as CloudFormation {@code Resources}. */
  Value.Obj compile(SourceLocation at) {
    Map<String, ValueTree> resources = new LinkedHashMap<>();
    for (Resource r : plan.all()) {
      if (r.isData()) {
        continue;
      }
      ValueTree properties = new ValueTree(r.at());
      String type = cloudFormationType(r, properties);
      if (type != null) {
        resources.put(
            logicalIds.get(r.address()),
            new ValueTree(r.at()).put("Type", str(type, r.at())).put("Properties", properties));
      }
    }
    attachments(resources);
    notifications(resources);
    eventTargets(resources);
    methodIntegrations(resources);
    ValueTree all = new ValueTree(at);
    resources.forEach(all::put);
    return all.build();
  }

  // ---------------------------------------------------------------- per type

  /**
   * A Terraform type's CloudFormation type, and the attributes that map one to one (property,
   * attribute).
   */
  private record Mapping(String type, List<String> pairs) {}

  private static final Map<String, Mapping> MAPPINGS = new LinkedHashMap<>();

  private static void map(String terraform, String cloudFormation, String pairs) {
    List<String> flat = new ArrayList<>();
    for (String pair : pairs.isEmpty() ? new String[0] : pairs.split(" ", -1)) {
      int equals = pair.indexOf('=');
      flat.add(pair.substring(0, equals));
      flat.add(pair.substring(equals + 1));
    }
    MAPPINGS.put(terraform, new Mapping(cloudFormation, List.copyOf(flat)));
  }

  static {
    map(
        "aws_lambda_function",
        "AWS::Lambda::Function",
        "FunctionName=function_name Runtime=runtime Handler=handler Role=role MemorySize=memory_size Timeout=timeout KmsKeyArn=kms_key_arn Layers=layers Architectures=architectures CodeSigningConfigArn=code_signing_config_arn");
    map("aws_iam_role", "AWS::IAM::Role", "RoleName=name PermissionsBoundary=permissions_boundary");
    map("aws_iam_role_policy", "AWS::IAM::Policy", "");
    map("aws_iam_policy", "AWS::IAM::ManagedPolicy", "ManagedPolicyName=name");
    map(
        "aws_lambda_permission",
        "AWS::Lambda::Permission",
        "Action=action FunctionName=function_name Principal=principal SourceArn=source_arn SourceAccount=source_account PrincipalOrgID=principal_org_id FunctionUrlAuthType=function_url_auth_type");
    map(
        "aws_lambda_function_url",
        "AWS::Lambda::Url",
        "TargetFunctionArn=function_name AuthType=authorization_type Qualifier=qualifier");
    map(
        "aws_lambda_event_source_mapping",
        "AWS::Lambda::EventSourceMapping",
        "EventSourceArn=event_source_arn FunctionName=function_name BatchSize=batch_size Enabled=enabled StartingPosition=starting_position");
    map(
        "aws_apigatewayv2_api",
        "AWS::ApiGatewayV2::Api",
        "Name=name ProtocolType=protocol_type RouteSelectionExpression=route_selection_expression Target=target DisableExecuteApiEndpoint=disable_execute_api_endpoint");
    map(
        "aws_apigatewayv2_integration",
        "AWS::ApiGatewayV2::Integration",
        "ApiId=api_id IntegrationType=integration_type IntegrationUri=integration_uri");
    map(
        "aws_apigatewayv2_route",
        "AWS::ApiGatewayV2::Route",
        "ApiId=api_id RouteKey=route_key AuthorizationType=authorization_type AuthorizerId=authorizer_id ApiKeyRequired=api_key_required");
    map(
        "aws_apigatewayv2_authorizer",
        "AWS::ApiGatewayV2::Authorizer",
        "ApiId=api_id Name=name AuthorizerType=authorizer_type AuthorizerUri=authorizer_uri IdentitySource=identity_sources");
    map("aws_apigatewayv2_stage", "AWS::ApiGatewayV2::Stage", "ApiId=api_id StageName=name");
    map("aws_api_gateway_rest_api", "AWS::ApiGateway::RestApi", "Name=name");
    map(
        "aws_api_gateway_resource",
        "AWS::ApiGateway::Resource",
        "RestApiId=rest_api_id ParentId=parent_id PathPart=path_part");
    map(
        "aws_api_gateway_method",
        "AWS::ApiGateway::Method",
        "RestApiId=rest_api_id ResourceId=resource_id HttpMethod=http_method AuthorizationType=authorization AuthorizerId=authorizer_id ApiKeyRequired=api_key_required");
    map(
        "aws_api_gateway_authorizer",
        "AWS::ApiGateway::Authorizer",
        "RestApiId=rest_api_id Name=name Type=type AuthorizerUri=authorizer_uri ProviderARNs=provider_arns IdentitySource=identity_source");
    map(
        "aws_api_gateway_stage",
        "AWS::ApiGateway::Stage",
        "RestApiId=rest_api_id StageName=stage_name");
    map("aws_s3_bucket", "AWS::S3::Bucket", "BucketName=bucket");
    map("aws_s3_bucket_policy", "AWS::S3::BucketPolicy", "Bucket=bucket");
    map("aws_sns_topic", "AWS::SNS::Topic", "TopicName=name");
    map(
        "aws_sns_topic_subscription",
        "AWS::SNS::Subscription",
        "TopicArn=topic_arn Protocol=protocol Endpoint=endpoint");
    map("aws_sqs_queue", "AWS::SQS::Queue", "QueueName=name");
    map("aws_sqs_queue_policy", "AWS::SQS::QueuePolicy", "");
    map("aws_dynamodb_table", "AWS::DynamoDB::Table", "TableName=name");
    map(
        "aws_cloudwatch_event_rule",
        "AWS::Events::Rule",
        "Name=name ScheduleExpression=schedule_expression EventBusName=event_bus_name");
    map("aws_cloudwatch_log_group", "AWS::Logs::LogGroup", "LogGroupName=name");
  }

  private @org.jspecify.annotations.Nullable String cloudFormationType(Resource r, ValueTree p) {
    Mapping mapping = MAPPINGS.get(r.type());
    if (mapping == null) {
      return null;
    }
    for (int i = 0; i + 1 < mapping.pairs().size(); i += 2) {
      p.put(mapping.pairs().get(i), attr(r, mapping.pairs().get(i + 1)));
    }
    switch (r.type()) {
      case "aws_lambda_function" -> {
        p.put("PackageType", attr(r, "package_type").map(v -> capitalized(v)));
        attr(r, "reserved_concurrent_executions")
            .filter(v -> v.asLong().map(n -> n >= 0).orElse(true))
            .ifPresent(v -> p.put("ReservedConcurrentExecutions", v));
        block(r, "environment")
            .flatMap(e -> e.get("variables"))
            .ifPresent(v -> p.put("Environment", new ValueTree(v.at()).put("Variables", v)));
        block(r, "tracing_config")
            .flatMap(t -> t.get("mode"))
            .ifPresent(m -> p.put("TracingConfig", new ValueTree(m.at()).put("Mode", m)));
        block(r, "vpc_config")
            .ifPresent(
                v ->
                    p.put(
                        "VpcConfig",
                        new ValueTree(v.at())
                            .put("SubnetIds", v.get("subnet_ids"))
                            .put("SecurityGroupIds", v.get("security_group_ids"))));
        block(r, "dead_letter_config")
            .flatMap(d -> d.get("target_arn"))
            .ifPresent(t -> p.put("DeadLetterConfig", new ValueTree(t.at()).put("TargetArn", t)));
        p.put("Code", code(r));
      }
      case "aws_iam_role" -> {
        p.put("AssumeRolePolicyDocument", policy(r, "assume_role_policy"));
        p.put(
            "ManagedPolicyArns", attr(r, "managed_policy_arns").filter(v -> !v.asList().isEmpty()));
        List<Value> inline = new ArrayList<>();
        for (Value block : r.values().list("inline_policy")) {
          block
              .asObj()
              .filter(
                  b ->
                      b.get("policy")
                          .flatMap(Value::asString)
                          .filter(s -> !s.isEmpty())
                          .isPresent())
              .ifPresent(
                  b ->
                      inline.add(
                          new ValueTree(b.at())
                              .put("PolicyName", b.get("name").orElse(str("inline", b.at())))
                              .put("PolicyDocument", parsed(b.get("policy").orElseThrow()))
                              .build()));
        }
        if (!inline.isEmpty()) {
          p.put("Policies", new Value.Seq(inline, r.at()));
        }
      }
      case "aws_iam_role_policy" -> {
        p.put("PolicyName", attr(r, "name").or(() -> Optional.of(str("inline", r.at()))));
        p.put("PolicyDocument", policy(r, "policy"));
        attr(r, "role").ifPresent(role -> p.put("Roles", new Value.Seq(List.of(role), role.at())));
      }
      case "aws_iam_policy" -> {
        p.put("PolicyDocument", policy(r, "policy"));
      }
      case "aws_lambda_function_url" -> {
        block(r, "cors")
            .ifPresent(
                c ->
                    p.put(
                        "Cors",
                        new ValueTree(c.at())
                            .put("AllowOrigins", c.get("allow_origins"))
                            .put("AllowCredentials", c.get("allow_credentials"))));
      }
      case "aws_apigatewayv2_api" -> {
        block(r, "cors_configuration")
            .ifPresent(
                c ->
                    p.put(
                        "CorsConfiguration",
                        new ValueTree(c.at())
                            .put("AllowOrigins", c.get("allow_origins"))
                            .put("AllowCredentials", c.get("allow_credentials"))));
      }
      case "aws_apigatewayv2_route" -> {
        p.put("Target", target(r));
      }
      case "aws_apigatewayv2_authorizer" -> {
        block(r, "jwt_configuration")
            .ifPresent(
                j ->
                    p.put(
                        "JwtConfiguration",
                        new ValueTree(j.at())
                            .put("Issuer", j.get("issuer"))
                            .put("Audience", j.get("audience"))));
      }
      case "aws_apigatewayv2_stage" -> {
        block(r, "access_log_settings")
            .flatMap(a -> a.get("destination_arn"))
            .ifPresent(
                d -> p.put("AccessLogSettings", new ValueTree(d.at()).put("DestinationArn", d)));
        block(r, "default_route_settings")
            .ifPresent(
                d ->
                    p.put(
                        "DefaultRouteSettings",
                        new ValueTree(d.at())
                            .put("ThrottlingBurstLimit", d.get("throttling_burst_limit"))
                            .put("ThrottlingRateLimit", d.get("throttling_rate_limit"))));
      }
      case "aws_api_gateway_rest_api" -> {
        p.put(
            "Policy",
            attr(r, "policy").filter(v -> !v.asString().orElse("x").isEmpty()).map(this::parsed));
        block(r, "endpoint_configuration")
            .flatMap(e -> e.get("types"))
            .ifPresent(t -> p.put("EndpointConfiguration", new ValueTree(t.at()).put("Types", t)));
      }
      case "aws_api_gateway_stage" -> {
        block(r, "access_log_settings")
            .flatMap(a -> a.get("destination_arn"))
            .ifPresent(
                d -> p.put("AccessLogSetting", new ValueTree(d.at()).put("DestinationArn", d)));
      }
      case "aws_s3_bucket_policy" -> {
        p.put("PolicyDocument", policy(r, "policy"));
      }
      case "aws_sqs_queue_policy" -> {
        attr(r, "queue_url").ifPresent(q -> p.put("Queues", new Value.Seq(List.of(q), q.at())));
        p.put("PolicyDocument", policy(r, "policy"));
      }
      case "aws_cloudwatch_event_rule" -> {
        attr(r, "event_pattern")
            .filter(v -> v.asString().map(s -> !s.isEmpty()).orElse(false))
            .ifPresent(e -> p.put("EventPattern", parsed(e)));
      }
      case "aws_cloudwatch_log_group" -> {
        p.put(
            "RetentionInDays", attr(r, "retention_in_days").filter(v -> v.asLong().orElse(0L) > 0));
      }
      default -> {
        // the one-to-one attributes are all
      }
    }
    return mapping.type();
  }

  // ---------------------------------------------------------------- resources made of several

  /**
   * {@code aws_iam_role_policy_attachment}: a customer policy gains the role; else the role the
   * ARN.
   */
  private void attachments(Map<String, ValueTree> resources) {
    for (Resource r : plan.ofType("aws_iam_role_policy_attachment")) {
      Optional<Value> role = attr(r, "role");
      Optional<Value> policy = attr(r, "policy_arn");
      Optional<String> policyId = referencedId(r, "policy_arn");
      Optional<String> roleId = referencedId(r, "role");
      if (policyId.isPresent() && resources.containsKey(policyId.get()) && role.isPresent()) {
        resources.get(policyId.get()).properties().append("Roles", role.get());
      } else if (roleId.isPresent() && resources.containsKey(roleId.get()) && policy.isPresent()) {
        resources.get(roleId.get()).properties().append("ManagedPolicyArns", policy.get());
      }
    }
  }

  /** {@code aws_s3_bucket_notification}: the bucket's Lambda configurations. */
  private void notifications(Map<String, ValueTree> resources) {
    for (Resource r : plan.ofType("aws_s3_bucket_notification")) {
      Optional<String> bucket = referencedId(r, "bucket");
      if (bucket.isEmpty() || !resources.containsKey(bucket.get())) {
        continue;
      }
      List<Value> configurations = new ArrayList<>();
      List<Value> blocks = r.values().list("lambda_function");
      List<Value> expressions =
          r.expressions().get("lambda_function").map(Value::asList).orElse(List.of());
      for (int i = 0; i < blocks.size(); i++) {
        Value.Obj block = blocks.get(i).asObj().orElse(new Value.Obj(List.of(), r.at()));
        Value.Obj expression =
            i < expressions.size() ? expressions.get(i).asObj().orElse(empty(r)) : empty(r);
        Value function =
            block
                .get("lambda_function_arn")
                .or(() -> reference(expression.get("lambda_function_arn"), r))
                .orElse(str("?", block.at()));
        for (Value event : block.list("events")) {
          configurations.add(
              new ValueTree(block.at()).put("Event", event).put("Function", function).build());
        }
      }
      resources
          .get(bucket.get())
          .properties()
          .put(
              "NotificationConfiguration",
              new ValueTree(r.at())
                  .put("LambdaConfigurations", new Value.Seq(configurations, r.at())));
    }
  }

  /** {@code aws_cloudwatch_event_target}: the rule's targets. */
  private void eventTargets(Map<String, ValueTree> resources) {
    for (Resource r : plan.ofType("aws_cloudwatch_event_target")) {
      Optional<String> rule = referencedId(r, "rule");
      Optional<Value> arn = attr(r, "arn");
      if (rule.isPresent() && resources.containsKey(rule.get()) && arn.isPresent()) {
        resources
            .get(rule.get())
            .properties()
            .append(
                "Targets",
                new ValueTree(r.at())
                    .put("Id", attr(r, "target_id").orElse(str("target", r.at())))
                    .put("Arn", arn.get())
                    .build());
      }
    }
  }

  /** {@code aws_api_gateway_integration}: the Integration of the method it serves. */
  private void methodIntegrations(Map<String, ValueTree> resources) {
    for (Resource r : plan.ofType("aws_api_gateway_integration")) {
      Optional<String> resourceId = referencedId(r, "resource_id");
      String method = attr(r, "http_method").flatMap(Value::asString).orElse("");
      for (Resource m : plan.ofType("aws_api_gateway_method")) {
        boolean same =
            referencedId(m, "resource_id").equals(resourceId)
                && attr(m, "http_method").flatMap(Value::asString).orElse("").equals(method)
                && referencedId(m, "rest_api_id").equals(referencedId(r, "rest_api_id"));
        ValueTree methodTree = resources.get(logicalIds.get(m.address()));
        if (same && methodTree != null) {
          methodTree
              .properties()
              .put(
                  "Integration",
                  new ValueTree(r.at()).put("Type", attr(r, "type")).put("Uri", attr(r, "uri")));
        }
      }
    }
  }

  // ---------------------------------------------------------------- values

  /** A resource's attribute: its planned value, else what its expression refers to. */
  Optional<Value> attr(Resource r, String name) {
    Optional<Value> planned = r.values().get(name).filter(v -> !(v instanceof Value.Nil));
    if (planned.isPresent()) {
      return planned;
    }
    return reference(r.expressions().get(name), r);
  }

  private Optional<Value> reference(Optional<Value> expression, Resource from) {
    if (expression.isEmpty() || !(expression.get() instanceof Value.Obj e)) {
      return Optional.empty();
    }
    if (e.has("constant_value")) {
      return e.get("constant_value");
    }
    String prefix = modulePrefix(from.address());
    for (Value reference : e.list("references")) {
      Optional<String> text = reference.asString();
      if (text.isEmpty()) {
        continue;
      }
      Optional<Map.Entry<Resource, String>> found = plan.referenced(text.get(), prefix);
      if (found.isPresent()) {
        return Optional.of(valueOf(found.get().getKey(), found.get().getValue(), reference.at()));
      }
    }
    List<Value> references = e.list("references");
    if (!references.isEmpty()) {
      String name = references.get(0).asString().orElse("?");
      return Optional.of(new Value.Str(SymbolicText.symbol(name), references.get(0).at()));
    }
    return Optional.empty();
  }

  /** What reading {@code attribute} of a resource gives, in CloudFormation terms. */
  private Value valueOf(Resource target, String attribute, SourceLocation at) {
    String id = logicalIds.get(target.address());
    if (target.isData()) {
      if (target.type().equals("aws_iam_policy_document") && attribute.equals("json")) {
        return target
            .values()
            .get("json")
            .filter(j -> j.asString().isPresent())
            .map(this::parsed)
            .orElseGet(() -> policyDocument(target));
      }
      return target
          .values()
          .get(attribute)
          .orElse(new Value.Str(SymbolicText.symbol(target.address() + "." + attribute), at));
    }
    Optional<Value> known = target.values().get(attribute).filter(v -> !(v instanceof Value.Nil));
    return switch (attribute) {
      case "arn" -> getAtt(id, "Arn", at);
      case "invoke_arn" ->
          sub(
              "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${"
                  + id
                  + ".Arn}/invocations",
              at);
      case "root_resource_id" -> getAtt(id, "RootResourceId", at);
      case "", "id", "name", "function_name", "bucket", "url" -> ref(id, at);
      default -> known.orElse(new Value.Str(SymbolicText.symbol(id + "." + attribute), at));
    };
  }

  /**
   * An {@code aws_iam_policy_document} whose JSON is known only after apply (it names resources
   * being made): the document built from its {@code statement} blocks, the unknown parts from the
   * configuration's references.
   */
  private Value policyDocument(Resource document) {
    SourceLocation at = document.at();
    List<Value> blocks = document.values().list("statement");
    List<Value> expressions =
        document.expressions().get("statement").map(Value::asList).orElse(List.of());
    List<Value> statements = new ArrayList<>();
    for (int i = 0; i < Math.max(blocks.size(), expressions.size()); i++) {
      Value.Obj block =
          i < blocks.size() ? blocks.get(i).asObj().orElse(empty(document)) : empty(document);
      Value.Obj expression =
          i < expressions.size()
              ? expressions.get(i).asObj().orElse(empty(document))
              : empty(document);
      Resource part =
          new Resource(document.address(), "data", "statement", block, expression, block.at());
      ValueTree statement = new ValueTree(block.at());
      statement.put("Sid", attr(part, "sid").filter(v -> !v.asString().orElse("x").isEmpty()));
      statement.put("Effect", attr(part, "effect").orElse(str("Allow", block.at())));
      statement.put("Action", attr(part, "actions"));
      statement.put("NotAction", attr(part, "not_actions"));
      statement.put("Resource", list(part, "resources"));
      statement.put("NotResource", list(part, "not_resources"));
      List<Value> principals = block.list("principals");
      if (!principals.isEmpty()) {
        ValueTree principal = new ValueTree(block.at());
        for (Value p : principals) {
          p.asObj()
              .ifPresent(
                  o ->
                      principal.put(
                          o.get("type").flatMap(Value::asString).orElse("AWS"),
                          o.get("identifiers").orElse(str("*", o.at()))));
        }
        statement.put("Principal", principal);
      }
      statements.add(statement.build());
    }
    return new ValueTree(at)
        .put("Version", str("2012-10-17", at))
        .put("Statement", new Value.Seq(statements, at))
        .build();
  }

  /** A list attribute, each reference in its expression as an item when the list is not known. */
  private Optional<Value> list(Resource r, String name) {
    Optional<Value> planned = r.values().get(name).filter(v -> !(v instanceof Value.Nil));
    if (planned.isPresent()) {
      return planned;
    }
    Optional<Value> expression = r.expressions().get(name);
    if (expression.isEmpty() || !(expression.get() instanceof Value.Obj e)) {
      return Optional.empty();
    }
    if (e.has("constant_value")) {
      return e.get("constant_value");
    }
    List<Value> items = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    String prefix = modulePrefix(r.address());
    for (Value reference : e.list("references")) {
      Optional<Map.Entry<Resource, String>> found =
          reference.asString().flatMap(t -> plan.referenced(t, prefix));
      // "aws_s3_bucket.b.arn" and then "aws_s3_bucket.b": the first says which attribute
      if (found.isPresent() && seen.add(found.get().getKey().address())) {
        String attribute = found.get().getValue().isEmpty() ? "arn" : found.get().getValue();
        Value value = valueOf(found.get().getKey(), attribute, reference.at());
        items.add(value);
        if (found.get().getKey().type().equals("aws_s3_bucket") && attribute.equals("arn")) {
          // "${aws_s3_bucket.b.arn}/*" reads the same references: count the objects in too
          items.add(
              sub(
                  "${" + logicalIds.get(found.get().getKey().address()) + ".Arn}/*",
                  reference.at()));
        }
      }
    }
    return items.isEmpty() ? Optional.empty() : Optional.of(new Value.Seq(items, e.at()));
  }

  /** An attribute that holds a JSON policy document, as a document. */
  private Optional<Value> policy(Resource r, String name) {
    return attr(r, name).map(this::parsed);
  }

  /** A JSON document written as a string, parsed in place; other values as they are. */
  private Value parsed(Value value) {
    Optional<String> text = value.asString();
    if (text.isEmpty() || !text.get().stripLeading().startsWith("{")) {
      return value;
    }
    try {
      return json.parseJsonLine(file, value.at().line(), text.get()).root();
    } catch (dev.warden.inventory.InputError e) {
      problems.add(
          new InputProblem(
              value.at(), "a policy that is not valid JSON: " + e.getMessage(), "Fix the JSON."));
      return value;
    }
  }

  private Optional<Value.Obj> block(Resource r, String name) {
    List<Value> blocks = r.values().list(name);
    return blocks.isEmpty() ? Optional.empty() : blocks.get(0).asObj();
  }

  /** {@code integrations/<id>} of a route, as CloudFormation writes it. */
  private Optional<Value> target(Resource r) {
    Optional<String> integration = referencedId(r, "target");
    if (integration.isPresent()) {
      SourceLocation at = r.at();
      return Optional.of(
          new ValueTree(at)
              .put(
                  "Fn::Join",
                  new Value.Seq(
                      List.of(
                          str("/", at),
                          new Value.Seq(
                              List.of(str("integrations", at), ref(integration.get(), at)), at)),
                      at))
              .build());
    }
    return attr(r, "target");
  }

  /** The logical ID of the resource an attribute's expression refers to. */
  private Optional<String> referencedId(Resource r, String name) {
    Optional<Value> expression = r.expressions().get(name);
    if (expression.isEmpty() || !(expression.get() instanceof Value.Obj e)) {
      return Optional.empty();
    }
    for (Value reference : e.list("references")) {
      Optional<Map.Entry<Resource, String>> found =
          reference.asString().flatMap(t -> plan.referenced(t, modulePrefix(r.address())));
      if (found.isPresent()) {
        return Optional.of(logicalIds.get(found.get().getKey().address()));
      }
    }
    return Optional.empty();
  }

  private Value code(Resource r) {
    Optional<Value> image = attr(r, "image_uri");
    if (image.isPresent()) {
      return new ValueTree(image.get().at()).put("ImageUri", image.get()).build();
    }
    Optional<Value> bucket = attr(r, "s3_bucket");
    if (bucket.isPresent()) {
      return new ValueTree(bucket.get().at())
          .put("S3Bucket", bucket.get())
          .put("S3Key", attr(r, "s3_key"))
          .build();
    }
    // filename = data.archive_file.x.output_path: the folder or file it zips
    Optional<Value> expression = r.expressions().get("filename");
    if (expression.isPresent() && expression.get() instanceof Value.Obj e) {
      for (Value reference : e.list("references")) {
        Optional<Map.Entry<Resource, String>> found =
            reference.asString().flatMap(t -> plan.referenced(t, modulePrefix(r.address())));
        if (found.isPresent() && found.get().getKey().type().equals("archive_file")) {
          Value.Obj archive = found.get().getKey().values();
          Optional<Value> source = archive.get("source_dir").or(() -> archive.get("source_file"));
          if (source.isPresent()) {
            return source.get();
          }
        }
      }
    }
    return attr(r, "filename").orElse(str("?", r.at()));
  }

  /**
   * {@code module.a.module.b[0].aws_x.y} → {@code module.a.module.b[0].}: where its references
   * resolve.
   */
  static String modulePrefix(String address) {
    List<String> parts = TerraformPlan.segments(address);
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i + 1 < parts.size() && parts.get(i).equals("module"); i += 2) {
      prefix.append("module.").append(parts.get(i + 1)).append('.');
    }
    return prefix.toString();
  }

  private static Value capitalized(Value value) {
    return value
        .asString()
        .map(
            s ->
                (Value)
                    str(s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1), value.at()))
        .orElse(value);
  }

  private static Value.Obj empty(Resource r) {
    return new Value.Obj(List.of(), r.at());
  }

  static Value.Str str(String text, SourceLocation at) {
    return Value.Str.of(text, at);
  }

  static Value.Obj ref(String id, SourceLocation at) {
    return new ValueTree(at).put("Ref", str(id, at)).build();
  }

  static Value.Obj getAtt(String id, String attribute, SourceLocation at) {
    return new ValueTree(at)
        .put("Fn::GetAtt", new Value.Seq(List.of(str(id, at), str(attribute, at)), at))
        .build();
  }

  static Value.Obj sub(String template, SourceLocation at) {
    return new ValueTree(at).put("Fn::Sub", str(template, at)).build();
  }
}
