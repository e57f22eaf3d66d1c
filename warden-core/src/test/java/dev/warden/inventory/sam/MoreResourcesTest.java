package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.ApiStage;
import dev.warden.inventory.Policy;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remaining resource types of the loader, each with a fixture written for it. */
class MoreResourcesTest {

  @TempDir Path dir;

  @Test
  void apiStagesCarryTracingLoggingAccessLogsAndThrottling() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Logs: {Type: AWS::Logs::LogGroup}
          SamApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: live
              TracingEnabled: true
              AccessLogSetting: {DestinationArn: !GetAtt Logs.Arn, Format: "$context.requestId"}
              MethodSettings: [{ResourcePath: "/*", HttpMethod: "*", LoggingLevel: INFO, DataTraceEnabled: true, ThrottlingBurstLimit: 50, ThrottlingRateLimit: 10.5}]
          RestApi:
            Type: AWS::ApiGateway::RestApi
            Properties: {Name: rest}
          RestStage:
            Type: AWS::ApiGateway::Stage
            Properties: {RestApiId: !Ref RestApi, StageName: v1, DeploymentId: d}
          HttpApi:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: http, ProtocolType: HTTP}
          HttpStage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref HttpApi, StageName: $default, DefaultRouteSettings: {ThrottlingBurstLimit: 5, ThrottlingRateLimit: 2}}
        """);
    ApiStage sam = loaded.app().api("SamApi").orElseThrow().stages().get(0);
    assertThat(sam.name()).isEqualTo("live");
    assertThat(sam.tracing()).isTrue();
    assertThat(sam.loggingLevel()).contains("INFO");
    assertThat(sam.dataTrace()).isTrue();
    assertThat(sam.accessLogDestination().orElseThrow().toString()).startsWith("arn:aws:logs:");
    assertThat(sam.throttlingBurstLimit()).contains(50);
    assertThat(sam.throttlingRateLimit()).contains(10.5);
    assertThat(loaded.app().api("RestApi").orElseThrow().stages())
        .extracting(ApiStage::name)
        .containsExactly("v1");
    assertThat(loaded.app().api("HttpApi").orElseThrow().stages().get(0).throttlingBurstLimit())
        .contains(5);
  }

  @Test
  void topicAndEventBusPoliciesDecideWhetherTheirTriggersArePublic() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Topic: {Type: AWS::SNS::Topic}
          TopicPolicy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref Topic]
              PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "sns:Publish", Resource: !Ref Topic}]}
          Bus: {Type: AWS::Events::EventBus, Properties: {Name: partners}}
          BusPolicy:
            Type: AWS::Events::EventBusPolicy
            Properties: {EventBusName: !Ref Bus, StatementId: open, Principal: "*", Action: events:PutEvents}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Events:
                T: {Type: SNS, Properties: {Topic: !Ref Topic}}
                B: {Type: EventBridgeRule, Properties: {EventBusName: !Ref Bus, Pattern: {source: [partner]}}}
        """);
    assertThat(loaded.triggers("Fn")).extracting(Trigger::isPublic).containsExactly(true, true);
    assertThat(loaded.resource("Bus").policy()).isPresent();
  }

  @Test
  void aRolePolicyResourceAttachesToItsRole() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
          Extra:
            Type: AWS::IAM::RolePolicy
            Properties:
              RoleName: !Ref Role
              PolicyName: extra
              PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: !GetAtt Role.Arn}
        """);
    assertThat(loaded.function("Fn").role().policies())
        .extracting(Policy::name)
        .containsExactly("extra");
  }

  @Test
  void aSamStateMachineInvokesTheFunctionsItsDefinitionNames() {
    Loaded.write(
        dir,
        "statemachine/flow.asl.json",
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"${WorkerArn}\", \"End\": true}}}");
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: statemachine/flow.asl.json
              DefinitionSubstitutions: {WorkerArn: !GetAtt Worker.Arn}
          Inline:
            Type: AWS::Serverless::StateMachine
            Properties:
              Definition:
                StartAt: B
                States:
                  B: {Type: Task, Resource: "arn:aws:states:::lambda:invoke", Parameters: {FunctionName: !Ref Other}, End: true}
          Worker:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, InlineCode: x}
          Other:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, InlineCode: x}
          Idle:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, InlineCode: x}
        """);
    assertThat(loaded.onlyTrigger("Worker").kind()).isEqualTo(TriggerKind.STEP_FUNCTIONS);
    assertThat(loaded.onlyTrigger("Worker").sourceResource()).contains("Flow");
    assertThat(loaded.onlyTrigger("Other").sourceResource()).contains("Inline");
    assertThat(loaded.triggers("Idle")).isEmpty();
  }

  @Test
  void awsIncludeOfALocalFileIsReadAndOtherMacrosAreReported() {
    Loaded.write(
        dir,
        "api/openapi.yaml",
        """
        openapi: 3.0.1
        paths:
          /orders:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
        """);
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionBody:
                Fn::Transform: {Name: AWS::Include, Parameters: {Location: api/openapi.yaml}}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Environment:
                Variables:
                  MACRO: {Fn::Transform: {Name: MyMacro, Parameters: {}}}
        """);
    assertThat(loaded.triggers("Fn"))
        .extracting(t -> t.route().orElseThrow().toString())
        .containsExactly("GET /orders");
    assertThat(loaded.problemMessages())
        .singleElement()
        .satisfies(m -> assertThat(m).contains("Fn::Transform calls a macro"));
  }

  @Test
  void aPolicyTemplateWithItsParametersBesideItIsExplained() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Table: {Type: AWS::Serverless::SimpleTable}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Policies:
                - DynamoDBCrudPolicy:
                  TableName: !Ref Table
        """);
    assertThat(loaded.problemMessages())
        .containsExactly(
            "Policies entry DynamoDBCrudPolicy has its parameters (TableName) beside the template name instead of under it");
  }

  @Test
  void aForEachLoopIsReportedAsNotExpanded() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
        Resources:
          Fn::ForEach::Queues:
            - Name
            - [a, b]
            - Queue${Name}: {Type: AWS::SQS::Queue}
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, InlineCode: x}
        """);
    assertThat(loaded.function("Fn")).isNotNull();
    assertThat(loaded.problemMessages())
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("Fn::ForEach::Queues"));
  }
}
