package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.Auth;
import dev.warden.inventory.InvokePermission;
import dev.warden.inventory.Layer;
import dev.warden.inventory.ResourceKind;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain CloudFormation resources that configure, trigger or expose functions from outside them. */
class CloudFormationResourcesTest {

  @TempDir Path dir;

  private static final String FUNCTION =
      """
        Fn:
          Type: AWS::Lambda::Function
          Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: arn:aws:iam::123456789012:role/r}
      """;

  private Loaded with(String resources) {
    return Loaded.template(dir, "Resources:\n" + FUNCTION + resources.indent(2));
  }

  @Test
  void eventSourceMappingsTakeTheirKindFromTheSourceArn() {
    Loaded loaded =
        with(
            """
        Queue: {Type: AWS::SQS::Queue}
        Stream: {Type: AWS::Kinesis::Stream}
        Table: {Type: AWS::DynamoDB::Table}
        Cluster: {Type: AWS::MSK::Cluster, Properties: {ClusterName: c}}
        Broker: {Type: AWS::AmazonMQ::Broker, Properties: {BrokerName: b}}
        M1: {Type: AWS::Lambda::EventSourceMapping, Properties: {FunctionName: !Ref Fn, EventSourceArn: !GetAtt Queue.Arn, BatchSize: 3}}
        M2: {Type: AWS::Lambda::EventSourceMapping, Properties: {FunctionName: !GetAtt Fn.Arn, EventSourceArn: !GetAtt Stream.Arn}}
        M3: {Type: AWS::Lambda::EventSourceMapping, Properties: {FunctionName: !Ref Fn, EventSourceArn: !GetAtt Table.StreamArn}}
        M4: {Type: AWS::Lambda::EventSourceMapping, Properties: {FunctionName: !Ref Fn, EventSourceArn: !Ref Cluster, Topics: [t]}}
        M5: {Type: AWS::Lambda::EventSourceMapping, Properties: {FunctionName: !Ref Fn, EventSourceArn: !GetAtt Broker.Arn}}
        M6: {Type: AWS::Lambda::EventSourceMapping, Properties: {FunctionName: !Ref Fn, SelfManagedEventSource: {Endpoints: {KafkaBootstrapServers: [b:9092]}}, Topics: [t]}}
        """);
    assertThat(loaded.triggers("Fn"))
        .extracting(Trigger::kind)
        .containsExactly(
            TriggerKind.SQS,
            TriggerKind.KINESIS,
            TriggerKind.DYNAMODB_STREAM,
            TriggerKind.MSK,
            TriggerKind.MQ,
            TriggerKind.KAFKA);
    assertThat(loaded.triggers("Fn"))
        .extracting(t -> t.sourceResource().orElse("-"))
        .containsExactly("Queue", "Stream", "Table", "Cluster", "Broker", "-");
  }

  @Test
  void invokePermissionsFormTheResourcePolicyAndAnOpenOneIsAnEntryPoint() {
    Loaded loaded =
        with(
            """
        Anyone:
          Type: AWS::Lambda::Permission
          Properties: {FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: "*"}
        Partner:
          Type: AWS::Lambda::Permission
          Properties: {FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: "111122223333"}
        Skill:
          Type: AWS::Lambda::Permission
          Properties: {FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: alexa-appkit.amazon.com}
        Secrets:
          Type: AWS::Lambda::Permission
          Properties: {FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: secretsmanager.amazonaws.com}
        """);
    ServerlessFunction fn = loaded.function("Fn");
    assertThat(fn.invokePermissions())
        .extracting(p -> p.principal().toString())
        .containsExactly(
            "*", "111122223333", "alexa-appkit.amazon.com", "secretsmanager.amazonaws.com");
    assertThat(fn.triggers())
        .extracting(
            t -> t.kind() + (t.isPublic() ? " public " : " internal ") + t.auth().wireName())
        .containsExactly(
            "LAMBDA public iam", "LAMBDA internal iam", "ALEXA public none", "OTHER internal iam");
  }

  @Test
  void aFunctionUrlResourceAndAnEventInvokeConfigResource() {
    Loaded loaded =
        with(
            """
        Url:
          Type: AWS::Lambda::Url
          Properties: {TargetFunctionArn: !GetAtt Fn.Arn, AuthType: AWS_IAM}
        UrlPermission:
          Type: AWS::Lambda::Permission
          Properties: {FunctionName: !Ref Fn, Action: lambda:InvokeFunctionUrl, Principal: "*", FunctionUrlAuthType: AWS_IAM}
        Async:
          Type: AWS::Lambda::EventInvokeConfig
          Properties:
            FunctionName: !Ref Fn
            Qualifier: $LATEST
            MaximumRetryAttempts: 0
            DestinationConfig: {OnFailure: {Destination: arn:aws:sqs:us-east-1:123456789012:failed}}
        """);
    ServerlessFunction fn = loaded.function("Fn");
    assertThat(fn.url().orElseThrow().auth()).isEqualTo(Auth.IAM);
    assertThat(fn.triggers())
        .singleElement()
        .satisfies(t -> assertThat(t.kind()).isEqualTo(TriggerKind.FUNCTION_URL));
    assertThat(fn.invokePermissions())
        .extracting(InvokePermission::functionUrlAuthType)
        .containsExactly(java.util.Optional.of("AWS_IAM"));
    assertThat(fn.asyncConfig().orElseThrow().onFailure().orElseThrow().type()).isEqualTo("sqs");
  }

  @Test
  void notificationsSubscriptionsRulesSchedulesAndLogSubscriptions() {
    Loaded loaded =
        with(
            """
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            AccessControl: PublicReadWrite
            NotificationConfiguration:
              LambdaConfigurations: [{Event: "s3:ObjectCreated:*", Function: !GetAtt Fn.Arn}]
        Topic:
          Type: AWS::SNS::Topic
          Properties:
            Subscription: [{Protocol: lambda, Endpoint: !GetAtt Fn.Arn}, {Protocol: email, Endpoint: a@b.c}]
        OtherTopic: {Type: AWS::SNS::Topic}
        Sub:
          Type: AWS::SNS::Subscription
          Properties: {Protocol: lambda, Endpoint: !GetAtt Fn.Arn, TopicArn: !Ref OtherTopic}
        Nightly:
          Type: AWS::Events::Rule
          Properties: {ScheduleExpression: "cron(0 1 * * ? *)", Targets: [{Id: fn, Arn: !GetAtt Fn.Arn}]}
        OnOrder:
          Type: AWS::Events::Rule
          Properties: {EventPattern: {source: [shop]}, Targets: [{Id: fn, Arn: !GetAtt Fn.Arn}]}
        Every5:
          Type: AWS::Scheduler::Schedule
          Properties: {ScheduleExpression: "rate(5 minutes)", FlexibleTimeWindow: {Mode: "OFF"}, Target: {Arn: !GetAtt Fn.Arn, RoleArn: arn:aws:iam::1:role/s}}
        Logs: {Type: AWS::Logs::LogGroup}
        LogSub:
          Type: AWS::Logs::SubscriptionFilter
          Properties: {LogGroupName: !Ref Logs, FilterPattern: "", DestinationArn: !GetAtt Fn.Arn}
        """);
    List<Trigger> triggers = loaded.triggers("Fn");
    assertThat(triggers)
        .extracting(Trigger::kind)
        .containsExactly(
            TriggerKind.S3,
            TriggerKind.SNS,
            TriggerKind.SNS,
            TriggerKind.SCHEDULE,
            TriggerKind.EVENTBRIDGE,
            TriggerKind.SCHEDULE,
            TriggerKind.CLOUDWATCH_LOGS);
    assertThat(triggers.get(0).isPublic()).as("bucket with a public-read-write ACL").isTrue();
    assertThat(triggers.get(1).sourceResource()).contains("OtherTopic");
    assertThat(triggers.get(2).sourceResource()).contains("Topic");
    assertThat(triggers.get(6).sourceResource()).contains("Logs");
  }

  @Test
  void thePermissionOfAScheduledRuleIsThatRulesTriggerNotASecondOne() {
    Loaded loaded =
        with(
            """
        Nightly:
          Type: AWS::Events::Rule
          Properties: {ScheduleExpression: "cron(0 1 * * ? *)", Targets: [{Id: fn, Arn: !GetAtt Fn.Arn}]}
        NightlyInvoke:
          Type: AWS::Lambda::Permission
          Properties: {FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: events.amazonaws.com, SourceArn: !GetAtt Nightly.Arn}
        ElsewhereInvoke:
          Type: AWS::Lambda::Permission
          Properties: {FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: events.amazonaws.com, SourceArn: arn:aws:events:us-east-1:111122223333:rule/orders}
        """);
    assertThat(loaded.triggers("Fn"))
        .extracting(t -> t.kind() + " " + t.name())
        .containsExactly("SCHEDULE Nightly", "EVENTBRIDGE ElsewhereInvoke");
  }

  @Test
  void iotCognitoCodeCommitStateMachinesAppSyncAndLoadBalancers() {
    Loaded loaded =
        with(
            """
        Rule:
          Type: AWS::IoT::TopicRule
          Properties: {TopicRulePayload: {Sql: "SELECT * FROM 'x'", Actions: [{Lambda: {FunctionArn: !GetAtt Fn.Arn}}]}}
        Pool:
          Type: AWS::Cognito::UserPool
          Properties: {LambdaConfig: {PreSignUp: !GetAtt Fn.Arn, PostConfirmation: !GetAtt Fn.Arn}}
        Repo:
          Type: AWS::CodeCommit::Repository
          Properties: {RepositoryName: infra, Triggers: [{Name: t, DestinationArn: !GetAtt Fn.Arn, Events: [all]}]}
        Machine:
          Type: AWS::StepFunctions::StateMachine
          Properties:
            RoleArn: arn:aws:iam::1:role/sfn
            DefinitionString: !Sub '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${Fn.Arn}","End":true}}}'
        Graph:
          Type: AWS::AppSync::GraphQLApi
          Properties: {Name: g, AuthenticationType: AMAZON_COGNITO_USER_POOLS}
        Source:
          Type: AWS::AppSync::DataSource
          Properties: {ApiId: !GetAtt Graph.ApiId, Name: s, Type: AWS_LAMBDA, LambdaConfig: {LambdaFunctionArn: !GetAtt Fn.Arn}}
        Targets:
          Type: AWS::ElasticLoadBalancingV2::TargetGroup
          Properties: {TargetType: lambda, Targets: [{Id: !GetAtt Fn.Arn}]}
        """);
    List<Trigger> triggers = loaded.triggers("Fn");
    assertThat(triggers)
        .extracting(Trigger::kind)
        .containsExactly(
            TriggerKind.IOT,
            TriggerKind.COGNITO,
            TriggerKind.COGNITO,
            TriggerKind.CODECOMMIT,
            TriggerKind.STEP_FUNCTIONS,
            TriggerKind.APPSYNC,
            TriggerKind.LOAD_BALANCER);
    assertThat(triggers.get(1).isPublic())
        .as("pre-sign-up hook of a pool open to sign-up")
        .isTrue();
    assertThat(triggers.get(2).isPublic())
        .as("post-confirmation runs for confirmed users only")
        .isFalse();
    assertThat(triggers.get(5).auth()).isEqualTo(Auth.COGNITO);
  }

  @Test
  void resourcesGetTheirKindNameArnAndPolicy() {
    Loaded loaded =
        with(
            """
        Secret: {Type: AWS::SecretsManager::Secret, Properties: {Name: db}}
        SecretPolicy:
          Type: AWS::SecretsManager::ResourcePolicy
          Properties: {SecretId: !Ref Secret, ResourcePolicy: {Statement: [{Effect: Deny, Principal: "*", Action: "*", Resource: "*"}]}}
        Key:
          Type: AWS::KMS::Key
          Properties: {KeyPolicy: {Statement: [{Effect: Allow, Principal: {AWS: "*"}, Action: "kms:*", Resource: "*"}]}}
        Param: {Type: AWS::SSM::Parameter, Properties: {Name: /app/url, Type: String, Value: x}}
        Bus: {Type: AWS::Events::EventBus, Properties: {Name: orders}}
        """);
    assertThat(loaded.resource("Secret").kind()).isEqualTo(ResourceKind.SECRET);
    assertThat(loaded.resource("Secret").arn().toString())
        .isEqualTo(
            "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-${Secret.RandomSuffix}");
    assertThat(loaded.resource("Secret").policy()).isPresent();
    assertThat(loaded.resource("Key").policy()).isPresent();
    assertThat(loaded.resource("Param").arn().toString())
        .isEqualTo("arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/url");
    assertThat(loaded.resource("Bus").name().toString()).isEqualTo("orders");
  }

  @Test
  void layersAndWhoTheyAreSharedWith() {
    Loaded.write(dir, "layers/common/python/util.py", "X = 1\n");
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Common:
            Type: AWS::Serverless::LayerVersion
            Properties: {LayerName: common, ContentUri: layers/common, CompatibleRuntimes: [python3.12]}
          Everyone:
            Type: AWS::Lambda::LayerVersionPermission
            Properties: {LayerVersionArn: !Ref Common, Action: lambda:GetLayerVersion, Principal: "*"}
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, InlineCode: x, Layers: [!Ref Common]}
        """);
    Layer layer = loaded.app().layers().get(0);
    assertThat(layer.contentPath()).contains("layers/common");
    assertThat(layer.sharedWith()).extracting(Object::toString).containsExactly("*");
    assertThat(loaded.function("Fn").layers())
        .extracting(Object::toString)
        .containsExactly(
            "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:layer:common:${Common.Version}");
  }
}
