package dev.warden.inventory.sam;

import dev.warden.inventory.ResourceKind;
import dev.warden.inventory.SymbolicText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * What CloudFormation knows about a resource type that a reference needs: what {@code Ref} returns,
 * which property names the resource, the shape of its ARN and of its {@code GetAtt} attributes.
 * From the "Return values" section of each type's page in the CloudFormation resource reference
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html).
 */
final class ResourceTypes {

  /** What {@code Ref} returns for a type. */
  enum RefReturns {
    NAME,
    ARN,
    URL,
    /** A generated identifier (API id, key id, user pool id): unknown before deployment. */
    ID
  }

  /** The resolved facts about one resource that ARN and attribute shapes are built from. */
  record Facts(String logicalId, SymbolicText name) {
    SymbolicText generated(String attribute) {
      return SymbolicText.symbol(logicalId + "." + attribute);
    }
  }

  /** How to build a resource's ARN or an attribute from its facts. */
  interface Shape extends BiFunction<Facts, SymbolicText, SymbolicText> {
    /** {@code arn} is the resource's ARN, for attributes derived from it. */
    @Override
    SymbolicText apply(Facts facts, SymbolicText arn);
  }

  /** Everything Warden knows about one type. */
  record Info(
      String type,
      @Nullable ResourceKind kind,
      RefReturns ref,
      @Nullable String nameProperty,
      Shape arn,
      Map<String, Shape> attributes) {}

  static final SymbolicText REGION = SymbolicText.symbol("AWS::Region");
  static final SymbolicText ACCOUNT = SymbolicText.symbol("AWS::AccountId");
  static final String PARTITION = "aws";

  private static final Map<String, Info> TYPES = new HashMap<>();
  private static final Map<String, SymbolicText> PREFIXES = new ConcurrentHashMap<>();

  static {
    Shape tableArn = regional("dynamodb", "table/");
    Map<String, Shape> tableAttributes =
        Map.of(
            "Arn", (f, arn) -> arn,
            "StreamArn",
                (f, arn) ->
                    SymbolicText.concat(
                        List.of(arn, SymbolicText.of("/stream/"), f.generated("StreamLabel"))));
    add(
        "AWS::DynamoDB::Table",
        ResourceKind.TABLE,
        RefReturns.NAME,
        "TableName",
        tableArn,
        tableAttributes);
    add(
        "AWS::DynamoDB::GlobalTable",
        ResourceKind.TABLE,
        RefReturns.NAME,
        "TableName",
        tableArn,
        tableAttributes);
    add(
        "AWS::Serverless::SimpleTable",
        ResourceKind.TABLE,
        RefReturns.NAME,
        "TableName",
        tableArn,
        tableAttributes);
    add(
        "AWS::S3::Bucket",
        ResourceKind.BUCKET,
        RefReturns.NAME,
        "BucketName",
        (f, arn) -> SymbolicText.of("arn:" + PARTITION + ":s3:::").append(f.name()),
        Map.of(
            "Arn", (f, arn) -> arn,
            "DomainName", (f, arn) -> f.name().append(SymbolicText.of(".s3.amazonaws.com")),
            "RegionalDomainName",
                (f, arn) ->
                    SymbolicText.concat(
                        List.of(
                            f.name(),
                            SymbolicText.of(".s3."),
                            REGION,
                            SymbolicText.of(".amazonaws.com"))),
            "WebsiteURL",
                (f, arn) ->
                    SymbolicText.concat(
                        List.of(
                            SymbolicText.of("http://"),
                            f.name(),
                            SymbolicText.of(".s3-website-"),
                            REGION,
                            SymbolicText.of(".amazonaws.com")))));
    add(
        "AWS::SQS::Queue",
        ResourceKind.QUEUE,
        RefReturns.URL,
        "QueueName",
        regional("sqs", ""),
        Map.of(
            "Arn", (f, arn) -> arn,
            "QueueName", (f, arn) -> f.name(),
            "QueueUrl", (f, arn) -> queueUrl(f)));
    add(
        "AWS::SNS::Topic",
        ResourceKind.TOPIC,
        RefReturns.ARN,
        "TopicName",
        regional("sns", ""),
        Map.of("TopicArn", (f, arn) -> arn, "TopicName", (f, arn) -> f.name()));
    add(
        "AWS::Kinesis::Stream",
        ResourceKind.STREAM,
        RefReturns.NAME,
        "Name",
        regional("kinesis", "stream/"),
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::KinesisFirehose::DeliveryStream",
        ResourceKind.DELIVERY_STREAM,
        RefReturns.NAME,
        "DeliveryStreamName",
        regional("firehose", "deliverystream/"),
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::SecretsManager::Secret",
        ResourceKind.SECRET,
        RefReturns.ARN,
        "Name",
        (f, arn) ->
            SymbolicText.concat(
                List.of(
                    regionalPrefix("secretsmanager"),
                    SymbolicText.of("secret:"),
                    f.name(),
                    SymbolicText.of("-"),
                    f.generated("RandomSuffix"))),
        Map.of("Id", (f, arn) -> arn));
    add(
        "AWS::KMS::Key",
        ResourceKind.KEY,
        RefReturns.ID,
        null,
        (f, arn) -> regionalPrefix("kms").append(SymbolicText.of("key/")).append(f.name()),
        Map.of("Arn", (f, arn) -> arn, "KeyId", (f, arn) -> f.name()));
    add(
        "AWS::KMS::Alias",
        ResourceKind.OTHER,
        RefReturns.NAME,
        "AliasName",
        regional("kms", ""),
        Map.of());
    // Resources that watch or guard others: kept so that rules can tell an API has alarms, a WAF
    // or a usage plan.
    add(
        "AWS::CloudWatch::Alarm",
        ResourceKind.OTHER,
        RefReturns.NAME,
        "AlarmName",
        regional("cloudwatch", "alarm:"),
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::CloudWatch::CompositeAlarm",
        ResourceKind.OTHER,
        RefReturns.NAME,
        "AlarmName",
        regional("cloudwatch", "alarm:"),
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::WAFv2::WebACLAssociation",
        ResourceKind.OTHER,
        RefReturns.ID,
        null,
        regional("wafv2", "webaclassociation/"),
        Map.of());
    add(
        "AWS::WAFRegional::WebACLAssociation",
        ResourceKind.OTHER,
        RefReturns.ID,
        null,
        regional("waf-regional", "webaclassociation/"),
        Map.of());
    add(
        "AWS::ApiGateway::UsagePlan",
        ResourceKind.OTHER,
        RefReturns.ID,
        "UsagePlanName",
        regional("apigateway", "/usageplans/"),
        Map.of("Id", (f, arn) -> f.generated("Id")));
    add(
        "AWS::SSM::Parameter",
        ResourceKind.PARAMETER,
        RefReturns.NAME,
        "Name",
        (f, arn) -> {
          boolean rooted = f.name().toString().startsWith("/");
          return regionalPrefix("ssm")
              .append(SymbolicText.of(rooted ? "parameter" : "parameter/"))
              .append(f.name());
        },
        Map.of("Type", (f, arn) -> f.generated("Type"), "Value", (f, arn) -> f.generated("Value")));
    Shape functionArn = regional("lambda", "function:");
    add(
        "AWS::Lambda::Function",
        ResourceKind.FUNCTION,
        RefReturns.NAME,
        "FunctionName",
        functionArn,
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::Serverless::Function",
        ResourceKind.FUNCTION,
        RefReturns.NAME,
        "FunctionName",
        functionArn,
        Map.of("Arn", (f, arn) -> arn));
    Shape layerArn =
        (f, arn) ->
            SymbolicText.concat(
                List.of(
                    regionalPrefix("lambda"),
                    SymbolicText.of("layer:"),
                    f.name(),
                    SymbolicText.of(":"),
                    f.generated("Version")));
    add(
        "AWS::Lambda::LayerVersion",
        ResourceKind.LAYER,
        RefReturns.ARN,
        "LayerName",
        layerArn,
        Map.of("LayerVersionArn", (f, arn) -> arn));
    add(
        "AWS::Serverless::LayerVersion",
        ResourceKind.LAYER,
        RefReturns.ARN,
        "LayerName",
        layerArn,
        Map.of("LayerVersionArn", (f, arn) -> arn));
    add(
        "AWS::IAM::Role",
        ResourceKind.ROLE,
        RefReturns.NAME,
        "RoleName",
        global("iam", "role/"),
        Map.of("Arn", (f, arn) -> arn, "RoleId", (f, arn) -> f.generated("RoleId")));
    add(
        "AWS::IAM::ManagedPolicy",
        null,
        RefReturns.ARN,
        "ManagedPolicyName",
        global("iam", "policy/"),
        Map.of("PolicyArn", (f, arn) -> arn));
    add(
        "AWS::IAM::InstanceProfile",
        null,
        RefReturns.NAME,
        "InstanceProfileName",
        global("iam", "instance-profile/"),
        Map.of("Arn", (f, arn) -> arn));
    Shape restApiArn =
        (f, arn) ->
            SymbolicText.concat(
                List.of(
                    SymbolicText.of("arn:" + PARTITION + ":apigateway:"),
                    REGION,
                    SymbolicText.of("::/restapis/"),
                    SymbolicText.symbol(f.logicalId())));
    Map<String, Shape> restApiAttributes =
        Map.of(
            "RootResourceId", (f, arn) -> f.generated("RootResourceId"),
            "RestApiId", (f, arn) -> SymbolicText.symbol(f.logicalId()));
    add(
        "AWS::ApiGateway::RestApi",
        ResourceKind.API,
        RefReturns.ID,
        "Name",
        restApiArn,
        restApiAttributes);
    add(
        "AWS::Serverless::Api",
        ResourceKind.API,
        RefReturns.ID,
        "Name",
        restApiArn,
        restApiAttributes);
    Shape httpApiArn =
        (f, arn) ->
            SymbolicText.concat(
                List.of(
                    SymbolicText.of("arn:" + PARTITION + ":apigateway:"),
                    REGION,
                    SymbolicText.of("::/apis/"),
                    SymbolicText.symbol(f.logicalId())));
    Map<String, Shape> httpApiAttributes =
        Map.of(
            "ApiEndpoint",
                (f, arn) ->
                    SymbolicText.concat(
                        List.of(
                            SymbolicText.of("https://"),
                            SymbolicText.symbol(f.logicalId()),
                            SymbolicText.of(".execute-api."),
                            REGION,
                            SymbolicText.of(".amazonaws.com"))),
            "ApiId", (f, arn) -> SymbolicText.symbol(f.logicalId()));
    add(
        "AWS::ApiGatewayV2::Api",
        ResourceKind.API,
        RefReturns.ID,
        "Name",
        httpApiArn,
        httpApiAttributes);
    add(
        "AWS::Serverless::HttpApi",
        ResourceKind.API,
        RefReturns.ID,
        "Name",
        httpApiArn,
        httpApiAttributes);
    add(
        "AWS::Events::Rule",
        null,
        RefReturns.NAME,
        "Name",
        regional("events", "rule/"),
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::Events::EventBus",
        ResourceKind.EVENT_BUS,
        RefReturns.NAME,
        "Name",
        regional("events", "event-bus/"),
        Map.of("Arn", (f, arn) -> arn, "Name", (f, arn) -> f.name()));
    add(
        "AWS::Scheduler::Schedule",
        null,
        RefReturns.NAME,
        "Name",
        regional("scheduler", "schedule/default/"),
        Map.of("Arn", (f, arn) -> arn));
    Shape stateMachineArn = regional("states", "stateMachine:");
    Map<String, Shape> stateMachineAttributes =
        Map.of("Arn", (f, arn) -> arn, "Name", (f, arn) -> f.name());
    add(
        "AWS::StepFunctions::StateMachine",
        ResourceKind.STATE_MACHINE,
        RefReturns.ARN,
        "StateMachineName",
        stateMachineArn,
        stateMachineAttributes);
    add(
        "AWS::Serverless::StateMachine",
        ResourceKind.STATE_MACHINE,
        RefReturns.ARN,
        "Name",
        stateMachineArn,
        stateMachineAttributes);
    add(
        "AWS::Logs::LogGroup",
        ResourceKind.LOG_GROUP,
        RefReturns.NAME,
        "LogGroupName",
        regional("logs", "log-group:"),
        Map.of("Arn", (f, arn) -> arn.append(SymbolicText.of(":*"))));
    add(
        "AWS::Cognito::UserPool",
        ResourceKind.USER_POOL,
        RefReturns.ID,
        "UserPoolName",
        (f, arn) ->
            regionalPrefix("cognito-idp")
                .append(SymbolicText.of("userpool/"))
                .append(SymbolicText.symbol(f.logicalId())),
        Map.of(
            "Arn", (f, arn) -> arn,
            "ProviderName",
                (f, arn) ->
                    SymbolicText.concat(
                        List.of(
                            SymbolicText.of("cognito-idp."),
                            REGION,
                            SymbolicText.of(".amazonaws.com/"),
                            SymbolicText.symbol(f.logicalId()))),
            "ProviderURL",
                (f, arn) ->
                    SymbolicText.concat(
                        List.of(
                            SymbolicText.of("https://cognito-idp."),
                            REGION,
                            SymbolicText.of(".amazonaws.com/"),
                            SymbolicText.symbol(f.logicalId()))),
            "UserPoolId", (f, arn) -> SymbolicText.symbol(f.logicalId())));
    add(
        "AWS::Cognito::IdentityPool",
        ResourceKind.IDENTITY_POOL,
        RefReturns.ID,
        "IdentityPoolName",
        (f, arn) ->
            regionalPrefix("cognito-identity")
                .append(SymbolicText.of("identitypool/"))
                .append(SymbolicText.symbol(f.logicalId())),
        Map.of("Name", (f, arn) -> f.name()));
    add(
        "AWS::AppSync::GraphQLApi",
        ResourceKind.GRAPHQL_API,
        RefReturns.ARN,
        "Name",
        (f, arn) ->
            regionalPrefix("appsync").append(SymbolicText.of("apis/")).append(f.generated("ApiId")),
        Map.of(
            "Arn",
            (f, arn) -> arn,
            "ApiId",
            (f, arn) -> f.generated("ApiId"),
            "GraphQLUrl",
            (f, arn) -> f.generated("GraphQLUrl")));
    add(
        "AWS::CodeCommit::Repository",
        ResourceKind.REPOSITORY,
        RefReturns.ID,
        "RepositoryName",
        regional("codecommit", ""),
        Map.of(
            "Arn",
            (f, arn) -> arn,
            "Name",
            (f, arn) -> f.name(),
            "CloneUrlHttp",
            (f, arn) -> f.generated("CloneUrlHttp")));
    add(
        "AWS::MSK::Cluster",
        ResourceKind.CLUSTER,
        RefReturns.ARN,
        "ClusterName",
        (f, arn) ->
            SymbolicText.concat(
                List.of(
                    regionalPrefix("kafka"),
                    SymbolicText.of("cluster/"),
                    f.name(),
                    SymbolicText.of("/"),
                    f.generated("ClusterUuid"))),
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::AmazonMQ::Broker",
        ResourceKind.BROKER,
        RefReturns.ID,
        "BrokerName",
        (f, arn) ->
            SymbolicText.concat(
                List.of(
                    regionalPrefix("mq"),
                    SymbolicText.of("broker:"),
                    f.name(),
                    SymbolicText.of(":"),
                    f.generated("BrokerId"))),
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::RDS::DBInstance",
        ResourceKind.DATABASE,
        RefReturns.NAME,
        "DBInstanceIdentifier",
        regional("rds", "db:"),
        Map.of("DBInstanceArn", (f, arn) -> arn));
    add(
        "AWS::RDS::DBCluster",
        ResourceKind.DATABASE,
        RefReturns.NAME,
        "DBClusterIdentifier",
        regional("rds", "cluster:"),
        Map.of("DBClusterArn", (f, arn) -> arn));
    add(
        "AWS::DocDB::DBCluster",
        ResourceKind.DATABASE,
        RefReturns.NAME,
        "DBClusterIdentifier",
        regional("rds", "cluster:"),
        Map.of());
    add(
        "AWS::EFS::FileSystem",
        ResourceKind.FILE_SYSTEM,
        RefReturns.ID,
        null,
        (f, arn) ->
            regionalPrefix("elasticfilesystem")
                .append(SymbolicText.of("file-system/"))
                .append(f.name()),
        Map.of("Arn", (f, arn) -> arn, "FileSystemId", (f, arn) -> f.name()));
    add(
        "AWS::IoT::TopicRule",
        null,
        RefReturns.NAME,
        "RuleName",
        regional("iot", "rule/"),
        Map.of("Arn", (f, arn) -> arn));
    add(
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        null,
        RefReturns.ARN,
        "Name",
        (f, arn) ->
            SymbolicText.concat(
                List.of(
                    regionalPrefix("elasticloadbalancing"),
                    SymbolicText.of("targetgroup/"),
                    f.name(),
                    SymbolicText.of("/"),
                    f.generated("Id"))),
        Map.of("TargetGroupArn", (f, arn) -> arn));
  }

  private ResourceTypes() {}

  static Optional<Info> of(String type) {
    return Optional.ofNullable(TYPES.get(type));
  }

  private static void add(
      String type,
      @Nullable ResourceKind kind,
      RefReturns ref,
      @Nullable String nameProperty,
      Shape arn,
      Map<String, Shape> attributes) {
    TYPES.put(type, new Info(type, kind, ref, nameProperty, arn, attributes));
  }

  /** {@code arn:aws:SERVICE:${AWS::Region}:${AWS::AccountId}:}, built once per service. */
  static SymbolicText regionalPrefix(String service) {
    return PREFIXES.computeIfAbsent(
        service,
        s ->
            SymbolicText.concat(
                List.of(
                    SymbolicText.of("arn:" + PARTITION + ":" + s + ":"),
                    REGION,
                    SymbolicText.of(":"),
                    ACCOUNT,
                    SymbolicText.of(":"))));
  }

  private static Shape regional(String service, String prefix) {
    return (f, arn) -> regionalPrefix(service).append(SymbolicText.of(prefix)).append(f.name());
  }

  private static Shape global(String service, String prefix) {
    return (f, arn) ->
        SymbolicText.concat(
            List.of(
                SymbolicText.of("arn:" + PARTITION + ":" + service + "::"),
                ACCOUNT,
                SymbolicText.of(":" + prefix),
                f.name()));
  }

  private static SymbolicText queueUrl(Facts facts) {
    return SymbolicText.concat(
        List.of(
            SymbolicText.of("https://sqs."),
            REGION,
            SymbolicText.of(".amazonaws.com/"),
            ACCOUNT,
            SymbolicText.of("/"),
            facts.name()));
  }

  /** The queue URL that {@code Ref} returns for a queue with these facts. */
  static SymbolicText urlOf(Facts facts) {
    return queueUrl(facts);
  }
}
