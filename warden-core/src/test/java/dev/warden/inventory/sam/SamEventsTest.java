package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.Auth;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every SAM event source type becomes a trigger of the right kind, public only when it is. */
class SamEventsTest {

  @TempDir Path dir;

  private Loaded withEvents(String resources, String events) {
    StringBuilder yaml =
        new StringBuilder(
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
        """);
    resources.lines().forEach(l -> yaml.append("  ").append(l).append('\n'));
    yaml.append(
        """
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: x
              Events:
        """);
    events.lines().forEach(l -> yaml.append("        ").append(l).append('\n'));
    return Loaded.template(dir, yaml.toString());
  }

  private Trigger only(Loaded loaded) {
    return loaded.onlyTrigger("Fn");
  }

  @Test
  void s3EventsArePublicOnlyWhenAnybodyMayWriteToTheBucket() {
    String bucket =
        """
        Uploads:
          Type: AWS::S3::Bucket
        """;
    String event =
        """
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
            Filter: {S3Key: {Rules: [{Name: suffix, Value: .jpg}]}}
        """;
    Trigger closed = only(withEvents(bucket, event));
    assertThat(closed.kind()).isEqualTo(TriggerKind.S3);
    assertThat(closed.sourceResource()).contains("Uploads");
    assertThat(closed.isPublic()).isFalse();
    assertThat(closed.auth()).isEqualTo(Auth.IAM);
    assertThat(closed.details())
        .containsEntry("events", "s3:ObjectCreated:*")
        .containsKey("filter");

    String openBucket =
        bucket
            + """
        UploadsPolicy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Uploads
            PolicyDocument:
              Statement:
                - {Effect: Allow, Principal: "*", Action: "s3:Put*", Resource: !Sub "arn:aws:s3:::${Uploads}/*"}
        """;
    assertThat(only(withEvents(openBucket, event)).isPublic()).isTrue();
  }

  @Test
  void aBucketThatOnlyAnOrganisationMayWriteToIsNotPublic() {
    String bucket =
        """
        Uploads:
          Type: AWS::S3::Bucket
        UploadsPolicy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Uploads
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: "*"
                  Action: s3:PutObject
                  Resource: !Sub "arn:aws:s3:::${Uploads}/*"
                  Condition: {StringEquals: {aws:PrincipalOrgID: o-abc123}}
        """;
    assertThat(
            only(withEvents(
                    bucket,
                    "U: {Type: S3, Properties: {Bucket: !Ref Uploads, Events: s3:ObjectCreated:*}}"))
                .isPublic())
        .isFalse();
  }

  @Test
  void queuesTopicsAndStreams() {
    String resources =
        """
        Queue:
          Type: AWS::SQS::Queue
        QueuePolicy:
          Type: AWS::SQS::QueuePolicy
          Properties:
            Queues: [!Ref Queue]
            PolicyDocument:
              Statement: [{Effect: Allow, Principal: {AWS: "*"}, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn}]
        Topic:
          Type: AWS::SNS::Topic
        Stream:
          Type: AWS::Kinesis::Stream
          Properties: {ShardCount: 1}
        Table:
          Type: AWS::DynamoDB::Table
          Properties: {StreamSpecification: {StreamViewType: NEW_IMAGE}}
        """;
    String events =
        """
        Q: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn, BatchSize: 5}}
        T: {Type: SNS, Properties: {Topic: !Ref Topic, FilterPolicy: {kind: [order]}}}
        K: {Type: Kinesis, Properties: {Stream: !GetAtt Stream.Arn, StartingPosition: LATEST}}
        D: {Type: DynamoDB, Properties: {Stream: !GetAtt Table.StreamArn, StartingPosition: TRIM_HORIZON}}
        """;
    List<Trigger> triggers = withEvents(resources, events).triggers("Fn");
    assertThat(triggers)
        .extracting(Trigger::kind)
        .containsExactly(
            TriggerKind.SQS, TriggerKind.SNS, TriggerKind.KINESIS, TriggerKind.DYNAMODB_STREAM);
    assertThat(triggers)
        .extracting(t -> t.sourceResource().orElse("?"))
        .containsExactly("Queue", "Topic", "Stream", "Table");
    assertThat(triggers.get(0).isPublic()).as("queue anybody may send to").isTrue();
    assertThat(triggers.get(0).details()).containsEntry("batchSize", "5");
    assertThat(triggers.get(1).isPublic()).isFalse();
    assertThat(triggers.get(1).details().get("filterPolicy")).isEqualTo("{kind: [order]}");
  }

  @Test
  void brokersClustersAndKafka() {
    String resources =
        """
        Cluster:
          Type: AWS::MSK::Cluster
          Properties: {ClusterName: events}
        Broker:
          Type: AWS::AmazonMQ::Broker
          Properties: {BrokerName: legacy}
        Docs:
          Type: AWS::DocDB::DBCluster
        """;
    String events =
        """
        M: {Type: MSK, Properties: {Stream: !Ref Cluster, Topics: [orders], StartingPosition: LATEST}}
        Q: {Type: MQ, Properties: {Broker: !GetAtt Broker.Arn, Queues: [q1], SourceAccessConfigurations: [{Type: BASIC_AUTH, URI: arn:aws:secretsmanager:us-east-1:1:secret:mq}]}}
        K: {Type: SelfManagedKafka, Properties: {KafkaBootstrapServers: ["b1:9092"], Topics: [t]}}
        D: {Type: DocumentDB, Properties: {Cluster: !Ref Docs, DatabaseName: db, CollectionName: c}}
        """;
    Loaded loaded = withEvents(resources, events);
    assertThat(loaded.triggers("Fn"))
        .extracting(Trigger::kind)
        .containsExactly(
            TriggerKind.MSK, TriggerKind.MQ, TriggerKind.KAFKA, TriggerKind.DOCUMENTDB);
    assertThat(loaded.triggers("Fn").get(1).sourceResource()).contains("Broker");
    assertThat(loaded.function("Fn").role().managedPolicyArns())
        .extracting(Object::toString)
        .contains("arn:aws:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole");
    assertThat(loaded.function("Fn").role().policies())
        .anySatisfy(p -> assertThat(p.name()).isEqualTo("SamAutoGeneratedAMQPolicy"));
  }

  @Test
  void schedulesAndEventBridgeRules() {
    String events =
        """
        Nightly: {Type: Schedule, Properties: {Schedule: "rate(1 day)"}}
        Every5: {Type: ScheduleV2, Properties: {ScheduleExpression: "rate(5 minutes)"}}
        Pipeline: {Type: CloudWatchEvent, Properties: {Pattern: {source: [aws.codepipeline]}}}
        Orders: {Type: EventBridgeRule, Properties: {EventBusName: orders, Pattern: {source: [shop]}}}
        """;
    List<Trigger> triggers = withEvents("", events).triggers("Fn");
    assertThat(triggers)
        .extracting(Trigger::kind)
        .containsExactly(
            TriggerKind.SCHEDULE,
            TriggerKind.SCHEDULE,
            TriggerKind.EVENTBRIDGE,
            TriggerKind.EVENTBRIDGE);
    assertThat(triggers.get(0).details()).containsEntry("expression", "rate(1 day)");
    assertThat(triggers.get(2).details()).containsEntry("pattern", "{source: [aws.codepipeline]}");
    assertThat(triggers.get(3).details()).containsEntry("eventBus", "orders");
  }

  @Test
  void logsIotAlexaAndCognito() {
    String resources =
        """
        Pool:
          Type: AWS::Cognito::UserPool
        Logs:
          Type: AWS::Logs::LogGroup
        """;
    String events =
        """
        L: {Type: CloudWatchLogs, Properties: {LogGroupName: !Ref Logs, FilterPattern: ERROR}}
        I: {Type: IoTRule, Properties: {Sql: "SELECT * FROM 'things/+'"}}
        A: {Type: AlexaSkill}
        S: {Type: AlexaSkill, Properties: {SkillId: amzn1.ask.skill.1234}}
        C: {Type: Cognito, Properties: {UserPool: !Ref Pool, Trigger: [PreSignUp, PostConfirmation]}}
        """;
    List<Trigger> triggers = withEvents(resources, events).triggers("Fn");
    assertThat(triggers)
        .extracting(Trigger::kind)
        .containsExactly(
            TriggerKind.CLOUDWATCH_LOGS,
            TriggerKind.IOT,
            TriggerKind.ALEXA,
            TriggerKind.ALEXA,
            TriggerKind.COGNITO);
    assertThat(triggers.get(2).isPublic()).isTrue();
    assertThat(triggers.get(2).auth()).as("any skill may invoke").isEqualTo(Auth.NONE);
    assertThat(triggers.get(3).auth()).isEqualTo(Auth.IAM);
    assertThat(triggers.get(4).isPublic())
        .as("a pre-sign-up hook of a pool anybody may sign up to")
        .isTrue();
  }

  @Test
  void aCognitoHookIsInternalWhenOnlyAdministratorsCreateUsers() {
    String resources =
        """
        Pool:
          Type: AWS::Cognito::UserPool
          Properties: {AdminCreateUserConfig: {AllowAdminCreateUserOnly: true}}
        """;
    Trigger trigger =
        only(
            withEvents(
                resources,
                "C: {Type: Cognito, Properties: {UserPool: !Ref Pool, Trigger: PreSignUp}}"));
    assertThat(trigger.isPublic()).isFalse();
  }

  @Test
  void anUnknownEventTypeIsKeptAsOtherAndReported() {
    Loaded loaded = withEvents("", "X: {Type: Carrier Pigeon}");
    assertThat(only(loaded).kind()).isEqualTo(TriggerKind.OTHER);
    assertThat(loaded.problemMessages())
        .singleElement()
        .satisfies(m -> assertThat(m).contains("Carrier Pigeon"));
  }
}
