package dev.warden.leastpriv.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.SymbolicText;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatePatchTest {

  private static final Map<String, Object> POLICY =
      Map.of(
          "Version",
          "2012-10-17",
          "Statement",
          List.of(
              Map.of(
                  "Sid", "DynamodbTableOrders",
                  "Effect", "Allow",
                  "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem"),
                  "Resource", "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders")));

  private static FunctionPatch patch(String id) {
    return new FunctionPatch(id, POLICY, Optional.empty(), "2 actions on 1 resource");
  }

  private static final String SHARED_ROLE =
      """
      # Orders service: one role for every function (to be split)
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Orders:
          Type: AWS::DynamoDB::Table
          Properties: {TableName: orders}
        SharedRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
            Policies:
              - PolicyName: everything
                PolicyDocument:
                  Statement: [{Effect: Allow, Action: 'dynamodb:*', Resource: '*'}]
        Api:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12   # pinned until the 3.13 migration
            Handler: app.handler
            Role: !GetAtt SharedRole.Arn
            # the code lives with the other services
            CodeUri: src/
        Worker:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: worker.handler
            CodeUri: src/
            Policies:
            - DynamoDBCrudPolicy:
                TableName: !Ref Orders
            - SQSPollerPolicy:
                QueueName: jobs

            Timeout: 30
      Outputs:
        ApiName: {Value: !Ref Api}
      """;

  @Test
  void aSharedRoleIsReplacedByTheFunctionsOwnPoliciesAndEveryOtherLineStays(@TempDir Path dir) {
    TemplatePatch result =
        TemplatePatch.of("template.yaml", SHARED_ROLE, List.of(patch("Api"), patch("Worker")));
    assertThat(result.patched()).containsExactly("Api", "Worker");
    assertThat(result.notes()).isEmpty();
    String text = result.text();
    assertThat(text)
        .contains("# Orders service: one role for every function (to be split)")
        .contains("Runtime: python3.12   # pinned until the 3.13 migration")
        .contains("    # the code lives with the other services\n      CodeUri: src/")
        .doesNotContain("Role: !GetAtt SharedRole.Arn")
        .doesNotContain("SQSPollerPolicy")
        .contains(
            "      # least privilege by warden policy: 2 actions on 1 resource\n      Policies:")
        .contains(
            "Resource: !Sub \"arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders\"")
        .contains("\n\n      Timeout: 30\nOutputs:");
    Loaded loaded = Loaded.template(dir, text);
    for (String id : List.of("Api", "Worker")) {
      ExecutionRole role = loaded.function(id).role();
      assertThat(role.origin()).isEqualTo(ExecutionRole.Origin.GENERATED);
      assertThat(role.policies())
          .anySatisfy(p -> assertThat(p.document().toString()).contains("dynamodb:PutItem"));
    }
    assertThat(loaded.inventory().problems()).isEmpty();
  }

  @Test
  void aFunctionWithoutRoleOrPoliciesGetsThemAfterItsLastProperty() {
    String text =
        TemplatePatch.of(
                "t.yaml",
                """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Environment:
                        Variables:
                          A: b
                  Other:
                    Type: AWS::SQS::Queue
                """,
                List.of(patch("Fn")))
            .text();
    assertThat(text)
        .contains("          A: b\n      # least privilege by warden policy")
        .contains("- Sid: DynamodbTableOrders")
        .endsWith("  Other:\n    Type: AWS::SQS::Queue\n");
  }

  @Test
  void aLambdaFunctionGetsARoleOfItsOwnWithTheBoundaryItHad(@TempDir Path dir) {
    String template =
        """
        Resources:
          Shared:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess]
          Fn:
            Type: AWS::Lambda::Function
            Condition: InProd
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Code: {ZipFile: "def handler(e, c): pass"}
              Role: !GetAtt Shared.Arn
        Conditions:
          InProd: !Equals [!Ref AWS::Region, eu-west-1]
        """;
    FunctionPatch bounded =
        new FunctionPatch(
            "Fn",
            POLICY,
            Optional.of(SymbolicText.of("arn:aws:iam::123456789012:policy/boundary")),
            "2 actions");
    TemplatePatch result = TemplatePatch.of("template.yaml", template, List.of(bounded));
    assertThat(result.text())
        .contains("      Role: !GetAtt FnWardenRole.Arn\n")
        .contains("  FnWardenRole:\n")
        .contains("    Condition: InProd\n")
        .contains("PermissionsBoundary: \"arn:aws:iam::123456789012:policy/boundary\"")
        .contains("Principal: {Service: lambda.amazonaws.com}");
    Loaded loaded = Loaded.template(dir, result.text());
    ExecutionRole role = loaded.function("Fn").role();
    assertThat(role.logicalId()).contains("FnWardenRole");
    assertThat(role.permissionsBoundary())
        .map(Object::toString)
        .contains("arn:aws:iam::123456789012:policy/boundary");
    assertThat(role.managedPolicyArns()).isEmpty();
  }

  @Test
  void flowStylePropertiesAreLeftAloneWithANote() {
    String template =
        """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Handler: app.handler, Runtime: python3.12, Role: arn:aws:iam::1:role/r}
        """;
    TemplatePatch result = TemplatePatch.of("template.yaml", template, List.of(patch("Fn")));
    assertThat(result.text()).isEqualTo(template);
    assertThat(result.patched()).isEmpty();
    assertThat(result.notes())
        .singleElement()
        .asString()
        .contains("flow style")
        .contains("template.yaml:4");
  }

  @Test
  void crlfLineEndingsStay() {
    String template =
        String.join(
            "\r\n",
            "Resources:",
            "  Fn:",
            "    Type: AWS::Serverless::Function",
            "    Properties:",
            "      Handler: app.handler",
            "      Role: arn:aws:iam::1:role/r",
            "");
    String text = TemplatePatch.of("t.yaml", template, List.of(patch("Fn"))).text();
    assertThat(text).contains("\r\n      Policies:\r\n").doesNotContain("role/r");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void aJsonTemplateIsPatchedThroughItsTree() throws Exception {
    String template =
        """
        {"Resources": {
          "Fn": {"Type": "AWS::Serverless::Function",
                 "Properties": {"Handler": "app.handler", "Role": "arn:aws:iam::1:role/r"}},
          "Legacy": {"Type": "AWS::Lambda::Function",
                 "Properties": {"Handler": "app.handler", "Role": {"Fn::GetAtt": ["R", "Arn"]}}}}}
        """;
    TemplatePatch result =
        TemplatePatch.of("template.json", template, List.of(patch("Fn"), patch("Legacy")));
    JsonNode root = new ObjectMapper().readTree(result.text());
    JsonNode fn = root.path("Resources").path("Fn").path("Properties");
    assertThat(fn.has("Role")).isFalse();
    assertThat(
            fn.path("Policies")
                .path(0)
                .path("Statement")
                .path(0)
                .path("Resource")
                .path("Fn::Sub")
                .asText())
        .isEqualTo("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders");
    assertThat(root.path("Resources").path("Legacy").path("Properties").path("Role").toString())
        .isEqualTo("{\"Fn::GetAtt\":[\"LegacyWardenRole\",\"Arn\"]}");
    assertThat(root.path("Resources").path("LegacyWardenRole").path("Type").asText())
        .isEqualTo("AWS::IAM::Role");
  }

  @Test
  void notAFunctionOrNotThereIsANote() {
    TemplatePatch result =
        TemplatePatch.of(
            "t.yaml",
            "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: q\n",
            List.of(patch("Q"), patch("Missing")));
    assertThat(result.patched()).isEmpty();
    assertThat(result.notes()).hasSize(2);
  }
}
