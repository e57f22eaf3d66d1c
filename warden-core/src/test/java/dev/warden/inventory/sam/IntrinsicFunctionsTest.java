package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intrinsic functions, observed through the environment variables of a function: each variable's
 * value is the resolved expression, written in {@code Sub} syntax where something is unknown.
 */
class IntrinsicFunctionsTest {

  @TempDir Path dir;

  private static final String HEAD =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Stage: {Type: String, Default: prod}
        Unset: {Type: String}
        Subnets: {Type: CommaDelimitedList, Default: "subnet-a, subnet-b"}
        FromSsm: {Type: "AWS::SSM::Parameter::Value<String>", Default: /config/name}
      Conditions:
        IsProd: !Equals [!Ref Stage, prod]
        IsDev: !Not [!Condition IsProd]
        UnsetIsX: !Equals [!Ref Unset, x]
        Both: !And [!Condition IsProd, !Equals [a, a]]
        Either: !Or [!Condition IsDev, !Condition UnsetIsX]
      Mappings:
        Sizes:
          us-east-1: {Memory: 512, Tier: big}
          eu-west-1: {Memory: 512, Tier: small}
      Resources:
        Table:
          Type: AWS::DynamoDB::Table
          Properties:
            TableName: !Sub orders-${Stage}
        Queue:
          Type: AWS::SQS::Queue
        Topic:
          Type: AWS::SNS::Topic
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: app.handler
            InlineCode: "def handler(e, c): pass"
            Environment:
              Variables:
      """;

  private Map<String, String> env(String variables) {
    return env(variables, Map.of());
  }

  private Map<String, String> env(String variables, Map<String, String> parameters) {
    StringBuilder yaml = new StringBuilder(HEAD);
    variables.lines().forEach(line -> yaml.append("          ").append(line).append('\n'));
    Loaded.write(dir, "template.yaml", yaml.toString());
    ServerlessFunction fn = Loaded.folder(dir, parameters).function("Fn");
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (EnvironmentVariable variable : fn.environment()) {
      values.put(variable.name(), variable.value().toString());
    }
    return values;
  }

  private Loaded loaded(String variables) {
    StringBuilder yaml = new StringBuilder(HEAD);
    variables.lines().forEach(line -> yaml.append("          ").append(line).append('\n'));
    return Loaded.template(dir, yaml.toString());
  }

  @Test
  void refOfAParameterIsItsDefaultOrTheGivenValueOrUnknown() {
    assertThat(env("A: !Ref Stage\nB: !Ref Unset"))
        .containsEntry("A", "prod")
        .containsEntry("B", "${Unset}");
    assertThat(env("A: !Ref Stage", Map.of("Stage", "dev"))).containsEntry("A", "dev");
  }

  @Test
  void anSsmParameterTypeIsKnownOnlyAtDeployment() {
    assertThat(env("A: !Ref FromSsm")).containsEntry("A", "${FromSsm}");
  }

  @Test
  void pseudoParametersArePartitionAwsAndOtherwiseUnknown() {
    assertThat(
            env(
                """
                A: !Sub '${AWS::Partition}:${AWS::Region}:${AWS::AccountId}:${AWS::StackName}:${AWS::URLSuffix}'"""))
        .containsEntry("A", "aws:${AWS::Region}:${AWS::AccountId}:${AWS::StackName}:amazonaws.com");
  }

  @Test
  void refOfAResourceIsWhatCloudFormationReturnsForItsType() {
    assertThat(env("T: !Ref Table\nQ: !Ref Queue\nS: !Ref Topic"))
        .containsEntry("T", "orders-prod")
        .containsEntry(
            "Q", "https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${Queue.QueueName}")
        .containsEntry("S", "arn:aws:sns:${AWS::Region}:${AWS::AccountId}:${Topic.TopicName}");
  }

  @Test
  void getAttBuildsArnsFromTheResourceName() {
    assertThat(
            env(
                """
                A: !GetAtt Table.Arn
                B: !GetAtt Table.StreamArn
                C: !GetAtt Queue.QueueName
                D: !GetAtt Queue.Arn"""))
        .containsEntry("A", "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-prod")
        .containsEntry(
            "B",
            "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-prod/stream/${Table.StreamLabel}")
        .containsEntry("C", "${Queue.QueueName}")
        .containsEntry("D", "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${Queue.QueueName}");
  }

  @Test
  void getAttInLongFormAndOfUnknownAttributes() {
    assertThat(env("A: {\"Fn::GetAtt\": [Table, Arn]}\nB: !GetAtt Table.SomethingNew"))
        .containsEntry("A", "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-prod")
        .containsEntry("B", "${Table.SomethingNew}");
  }

  @Test
  void subSubstitutesParametersResourcesAttributesAndItsOwnVariables() {
    assertThat(
            env(
                """
                A: !Sub 'arn:${AWS::Partition}:s3:::${Stage}-bucket/*'
                B: !Sub ['${Name}-${Stage}', {Name: !GetAtt Queue.QueueName}]
                C: !Sub '${Table.Arn}/index/*'
                D: !Sub 'literal ${!NotAVariable}'"""))
        .containsEntry("A", "arn:aws:s3:::prod-bucket/*")
        .containsEntry("B", "${Queue.QueueName}-prod")
        .containsEntry(
            "C", "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-prod/index/*")
        .containsEntry("D", "literal ${NotAVariable}");
  }

  @Test
  void joinSelectAndSplit() {
    assertThat(
            env(
                """
                A: !Join ['-', [a, !Ref Stage, !Ref Unset]]
                B: !Select [1, !Ref Subnets]
                C: !Select [5, !Split [':', !GetAtt Queue.Arn]]
                D: !Select [2, !Split [',', 'x,y,z']]"""))
        .containsEntry("A", "a-prod-${Unset}")
        .containsEntry("B", "subnet-b")
        .containsEntry("C", "${Queue.QueueName}")
        .containsEntry("D", "z");
  }

  @Test
  void ifFollowsConditionsAndAnUnknownConditionTakesTheFirstBranch() {
    assertThat(
            env(
                """
                A: !If [IsProd, big, small]
                B: !If [IsDev, big, small]
                C: !If [UnsetIsX, first, second]
                D: !If [Both, yes, no]
                E: !If [Either, yes, no]"""))
        .containsEntry("A", "big")
        .containsEntry("B", "small")
        .containsEntry("C", "first")
        .containsEntry("D", "yes")
        .containsEntry("E", "yes");
  }

  @Test
  void noValueRemovesTheProperty() {
    assertThat(env("A: !If [IsDev, x, !Ref AWS::NoValue]\nB: kept"))
        .doesNotContainKey("A")
        .containsEntry("B", "kept");
  }

  @Test
  void findInMapWithKnownKeysAgreedEntriesAndDefaults() {
    assertThat(
            env(
                """
                A: !FindInMap [Sizes, us-east-1, Tier]
                B: !FindInMap [Sizes, !Ref AWS::Region, Memory]
                C: !FindInMap [Sizes, !Ref AWS::Region, Tier]
                D: !FindInMap [Sizes, ap-south-1, Tier, {DefaultValue: none}]"""))
        .containsEntry("A", "big")
        .containsEntry("B", "512")
        .containsEntry("C", "${Fn::FindInMap:Sizes.Tier}")
        .containsEntry("D", "none");
  }

  @Test
  void importValueGetAzsBase64CidrLengthAndToJsonString() {
    assertThat(
            env(
                """
                A: !ImportValue shared-vpc-id
                B: !Select [0, !GetAZs '']
                C: !Base64 hello
                D: !Select [0, !Cidr ['10.0.0.0/16', 2, 8]]
                E: !Length [a, b, c]
                F: !ToJsonString {k: [1, true]}"""))
        .containsEntry("A", "${ImportValue:shared-vpc-id}")
        .containsEntry("B", "${Fn::GetAZs.0}")
        .containsEntry("C", "aGVsbG8=")
        .containsEntry("D", "${Fn::Select:0}")
        .containsEntry("E", "3")
        .containsEntry("F", "{\"k\":[1,true]}");
  }

  @Test
  void jsonLongFormsWorkLikeTheShortForms() {
    assertThat(
            env(
                """
                A: {"Fn::Join": ["", [{"Ref": "Stage"}, {"Fn::Sub": "-${AWS::Region}"}]]}"""))
        .containsEntry("A", "prod-${AWS::Region}");
  }

  @Test
  void anUnknownIntrinsicIsReportedAndTheValueIsUnknown() {
    Loaded loaded = loaded("A: !Frobnicate x");
    assertThat(loaded.function("Fn").environment())
        .singleElement()
        .satisfies(v -> assertThat(v.value().toString()).isEqualTo("${Fn::Frobnicate}"));
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).isEqualTo("unknown intrinsic function Fn::Frobnicate");
              assertThat(p.at().line()).isGreaterThan(30);
            });
  }

  @Test
  void aRefToNothingIsReported() {
    Loaded loaded = loaded("A: !Ref Nowhere");
    assertThat(loaded.problemMessages())
        .containsExactly("Ref to Nowhere, which is not a parameter or resource of this template");
  }

  @Test
  void aCircularReferenceIsReportedAndResolutionGoesOn() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Resources:
          A:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !GetAtt B.QueueName
          B:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !Sub "${A.QueueName}-b"
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              Code: {ZipFile: "exports.handler = async () => 1"}
              Role: arn:aws:iam::123456789012:role/r
              Environment:
                Variables:
                  QUEUE: !GetAtt A.QueueName
        """);
    assertThat(loaded.problemMessages())
        .anySatisfy(m -> assertThat(m).matches("circular reference: (A → B → A|B → A → B)"));
    assertThat(loaded.function("Fn").environment()).hasSize(1);
  }

  @Test
  void resourcesWhoseConditionIsFalseDoNotExist() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Parameters:
          Stage: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Resources:
          ProdOnly:
            Type: AWS::Lambda::Function
            Condition: IsProd
            Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: arn:aws:iam::1:role/r}
          Always:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: arn:aws:iam::1:role/r}
        """);
    assertThat(loaded.inventory().functions().map(ServerlessFunction::logicalId))
        .containsExactly("Always");
    Loaded prod = Loaded.folder(dir, Map.of("Stage", "prod"));
    assertThat(prod.inventory().functions().map(ServerlessFunction::logicalId))
        .containsExactly("ProdOnly", "Always");
  }
}
