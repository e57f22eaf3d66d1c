package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.App;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested applications and stacks with a local template are loaded with the parameters given to
 * them.
 */
class NestedStacksTest {

  @TempDir Path dir;

  private static final String CHILD =
      """
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        TableName: {Type: String}
      Resources:
        Table:
          Type: AWS::DynamoDB::Table
          Properties: {TableName: !Ref TableName}
        Worker:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: a.b
            InlineCode: x
            Environment: {Variables: {TABLE: !Ref TableName}}
      Outputs:
        TableArn:
          Value: !GetAtt Table.Arn
      """;

  @Test
  void loadsANestedApplicationWithItsParametersAndOutputs() {
    Loaded.write(dir, "orders/template.yaml", CHILD);
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::Application
            Properties:
              Location: orders/template.yaml
              Parameters: {TableName: orders-prod}
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Environment: {Variables: {ORDERS_TABLE_ARN: !GetAtt Orders.Outputs.TableArn}}
        """);
    assertThat(loaded.inventory().apps())
        .extracting(App::id)
        .containsExactly("template.yaml", "orders/template.yaml");
    ServerlessFunction worker = loaded.function("Worker");
    assertThat(worker.id()).isEqualTo("orders/template.yaml#Worker");
    assertThat(worker.environment().get(0).value().toString()).isEqualTo("orders-prod");
    assertThat(loaded.function("Api").environment().get(0).value().toString())
        .isEqualTo("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-prod");
    assertThat(loaded.problems()).isEmpty();
  }

  @Test
  void loadsACloudFormationStackWithALocalTemplateUrl() {
    Loaded.write(
        dir,
        "nested/child.json",
        "{\"Parameters\": {\"TableName\": {\"Type\": \"String\"}}, \"Resources\": {\"Worker\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"Runtime\": \"python3.12\", \"Handler\": \"a.b\", \"Code\": {\"ZipFile\": \"x\"}, \"Role\": \"arn:aws:iam::1:role/r\"}}}}");
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Resources:
          Child:
            Type: AWS::CloudFormation::Stack
            Properties: {TemplateURL: nested/child.json, Parameters: {TableName: t}}
        """);
    assertThat(loaded.function("Worker").id()).isEqualTo("nested/child.json#Worker");
  }

  @Test
  void reportsMissingRemoteOutsideAndCircularNesting() {
    Loaded.write(
        dir,
        "loop/a.yaml",
        """
        Resources:
          B: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: b.yaml}}
        """);
    Loaded.write(
        dir,
        "loop/b.yaml",
        """
        Resources:
          A: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: a.yaml}}
        """);
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Missing: {Type: AWS::Serverless::Application, Properties: {Location: nowhere/template.yaml}}
          Remote: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: "https://s3.amazonaws.com/b/t.yaml"}}
          Outside: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: ../../elsewhere.yaml}}
          Repository: {Type: AWS::Serverless::Application, Properties: {Location: {ApplicationId: "arn:aws:serverlessrepo:us-east-1:1:applications/x", SemanticVersion: 1.0.0}}}
          Loop: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: loop/a.yaml}}
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, InlineCode: x}
        """);
    assertThat(loaded.problemMessages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .isEqualTo("nested template nowhere/template.yaml of Missing does not exist"));
    assertThat(loaded.problemMessages()).anySatisfy(m -> assertThat(m).contains("is remote"));
    assertThat(loaded.problemMessages())
        .anySatisfy(m -> assertThat(m).contains("outside the scanned folder"));
    assertThat(loaded.problemMessages())
        .anySatisfy(m -> assertThat(m).contains("Serverless Application Repository"));
    assertThat(loaded.problemMessages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("include each other")
                    .contains("loop/a.yaml → loop/b.yaml → loop/a.yaml"));
    assertThat(loaded.function("Fn")).isNotNull();
  }

  @Test
  void aFolderScanLoadsANestedTemplateOnlyThroughItsParent() {
    Loaded.write(dir, "orders/template.yaml", CHILD);
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::Application
            Properties: {Location: orders/template.yaml, Parameters: {TableName: from-parent}}
        """);
    assertThat(loaded.inventory().functions().map(ServerlessFunction::id))
        .containsExactly("orders/template.yaml#Worker");
    assertThat(loaded.function("Worker").environment().get(0).value().toString())
        .isEqualTo("from-parent");
  }
}
