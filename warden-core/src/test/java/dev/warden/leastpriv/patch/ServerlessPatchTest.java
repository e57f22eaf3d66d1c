package dev.warden.leastpriv.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warden policy --patch} on a serverless.yml: each function gets its own {@code
 * iamRoleStatements}, written for every stage, with the plugin that makes them a role; the rest of
 * the file is left as it was.
 */
class ServerlessPatchTest {

  private static final Map<String, Object> POLICY =
      Map.of(
          "Version",
          "2012-10-17",
          "Statement",
          List.of(
              Map.of(
                  "Sid", "DynamodbTable",
                  "Effect", "Allow",
                  "Action", List.of("dynamodb:GetItem"),
                  "Resource",
                      "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/shop-prod-orders"),
              Map.of(
                  "Sid", "Logs",
                  "Effect", "Allow",
                  "Action", List.of("logs:PutLogEvents"),
                  "Resource",
                      "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/shop-prod-api:*")));

  private static final String SERVICE =
      """
      service: shop
      provider:
        name: aws
        runtime: python3.12
        iam:
          role:
            statements:
              - Effect: Allow
                Action: dynamodb:*
                Resource: "*"

      functions:
        api:
          handler: app.handler   # the public one
          events:
            - httpApi: GET /orders
        worker:
          handler: worker.handler
          role: arn:aws:iam::123456789012:role/legacy
        cron:
          handler: cron.handler
          iamRoleStatements:
            - Effect: Allow
              Action: s3:*
              Resource: "*"
      """;

  @TempDir Path folder;

  private static FunctionPatch patch(String logicalId, String deployedName) {
    return new FunctionPatch(
        logicalId, POLICY, Optional.empty(), "2 actions on 2 resources", Optional.of(deployedName));
  }

  @Test
  void eachFunctionGetsItsOwnStatementsForEveryStageAndThePluginIsAdded() {
    TemplatePatch patch =
        TemplatePatch.of(
            "serverless.yml",
            SERVICE,
            List.of(
                patch("ApiLambdaFunction", "shop-prod-api"),
                patch("WorkerLambdaFunction", "shop-prod-worker"),
                patch("CronLambdaFunction", "shop-prod-cron")));

    assertThat(patch.patched())
        .containsExactly("ApiLambdaFunction", "WorkerLambdaFunction", "CronLambdaFunction");
    assertThat(patch.text())
        .contains(
            """
                handler: app.handler   # the public one
                events:
                  - httpApi: GET /orders
                # least privilege by warden policy: 2 actions on 2 resources
                iamRoleStatements:
                  - Sid: DynamodbTable
                    Effect: Allow
                    Action:
                      - dynamodb:GetItem
                    Resource: !Sub "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${self:service}-${sls:stage}-orders"
            """)
        .contains("log-group:/aws/lambda/${self:service}-${sls:stage}-api:*")
        .doesNotContain("role/legacy")
        .doesNotContain("s3:*")
        .endsWith("plugins:\n  - serverless-iam-roles-per-function\n");
    assertThat(patch.notes())
        .contains(
            "worker: its role arn:aws:iam::123456789012:role/legacy is replaced by a role of its own",
            "added the serverless-iam-roles-per-function plugin: install it (npm install"
                + " --save-dev serverless-iam-roles-per-function)");
  }

  @Test
  void thePatchedServiceLoadsWithARoleOfItsOwnPerFunction() {
    TemplatePatch patch =
        TemplatePatch.of(
            "serverless.yml",
            SERVICE,
            List.of(
                patch("ApiLambdaFunction", "shop-prod-api"),
                patch("CronLambdaFunction", "shop-prod-cron")));
    // written for prod, read for dev: the names follow the stage
    Loaded.write(folder, "serverless.yml", patch.text());
    Loaded loaded = Loaded.folder(folder);

    assertThat(loaded.function("ApiLambdaFunction").role().logicalId())
        .contains("ApiIamRoleLambdaExecution");
    assertThat(loaded.function("ApiLambdaFunction").role().policies().get(0).document().toString())
        .contains("dynamodb:GetItem", "table/shop-dev-orders")
        .doesNotContain("dynamodb:*");
    assertThat(loaded.function("WorkerLambdaFunction").role().arn().toString())
        .endsWith("role/legacy");
    assertThat(loaded.problems()).isEmpty();
  }

  @Test
  void aPluginListGainsThePluginAtItsEnd() {
    String text = SERVICE.replace("functions:", "plugins:\n  - serverless-offline\n\nfunctions:");
    TemplatePatch patch =
        TemplatePatch.of(
            "serverless.yml", text, List.of(patch("ApiLambdaFunction", "shop-dev-api")));

    assertThat(patch.text())
        .contains("plugins:\n  - serverless-offline\n  - serverless-iam-roles-per-function\n");
  }

  @Test
  void aServerlessJsonIsNotPatchedAndSaysWhatToDo() {
    TemplatePatch patch =
        TemplatePatch.of(
            "serverless.json",
            "{\"service\": \"shop\", \"functions\": {\"api\": {\"handler\": \"app.handler\"}}}",
            List.of(patch("ApiLambdaFunction", "shop-dev-api")));

    assertThat(patch.patched()).isEmpty();
    assertThat(patch.notes()).singleElement().asString().contains("is not patched");
  }
}
