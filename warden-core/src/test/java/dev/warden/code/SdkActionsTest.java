package dev.warden.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.code.SdkActions.Basis;
import dev.warden.code.SdkActions.Resolution;
import dev.warden.iam.IamCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdkActionsTest {

  private final SdkActions sdk = SdkActions.bundled();

  private List<String> actions(SdkCall call) {
    return sdk.resolve(call).actions().stream().map(SdkActions.ActionNeed::action).toList();
  }

  @Test
  void theTableHasTheSdkOperationsWithTheirSource() {
    assertThat(sdk.size()).isGreaterThan(12_000);
    assertThat(sdk.source()).contains("iam-dataset").contains("MIT").contains("Ian Mckay");
  }

  @ParameterizedTest(name = "{0} {1}.{2} needs {3}")
  @CsvSource({
    "python, s3, list_objects_v2, s3:ListBucket",
    "python, s3, head_object, s3:GetObject",
    "python, dynamodb, put_item, dynamodb:PutItem",
    "python, lambda, invoke, lambda:InvokeFunction",
    "python, secretsmanager, get_secret_value, secretsmanager:GetSecretValue",
    "python, stepfunctions, start_execution, states:StartExecution",
    "python, events, put_events, events:PutEvents",
    "python, cognito-idp, admin_get_user, cognito-idp:AdminGetUser",
    "javascript-v2, S3, getObject, s3:GetObject",
    "javascript-v2, SQS, sendMessage, sqs:SendMessage",
    "java, DynamoDbClient, putItem, dynamodb:PutItem",
    "java, SfnAsyncClient, startExecution, states:StartExecution",
    "java, CloudWatchLogsClient, putLogEvents, logs:PutLogEvents",
    "javascript-v3, @aws-sdk/client-s3, GetObjectCommand, s3:GetObject",
    "javascript-v3, @aws-sdk/client-sns, PublishCommand, sns:Publish",
    "javascript-v3, @aws-sdk/client-kms, DecryptCommand, kms:Decrypt"
  })
  void callsInEverySdkStyleMapToTheirIamAction(
      String style, String service, String method, String action) {
    SdkCall call =
        switch (style) {
          case "python" -> SdkCall.python(service, method);
          case "javascript-v3" -> SdkCall.command(service, method);
          default -> SdkCall.camel(service, method);
        };
    Resolution resolution = sdk.resolve(call);
    assertThat(resolution.basis()).isEqualTo(Basis.TABLE);
    assertThat(actions(call)).contains(action);
  }

  @Test
  void theTableSaysWhichParameterNamesTheResource() {
    Resolution get = sdk.resolve(SdkCall.python("s3", "get_object"));
    assertThat(get.actions().get(0).resources())
        .containsEntry("BucketName", "${Bucket}")
        .containsEntry("ObjectName", "${Key}");
  }

  @Test
  void helpersAreDocumentedExceptions() {
    Resolution upload = sdk.resolve(SdkCall.python("s3", "upload_file"));
    assertThat(upload.basis()).isEqualTo(Basis.HELPER);
    assertThat(actions(SdkCall.python("s3", "upload_file")))
        .containsExactly("s3:PutObject", "s3:AbortMultipartUpload");
    assertThat(upload.note()).contains("Multipart");
    assertThat(actions(SdkCall.python("s3", "download_file"))).containsExactly("s3:GetObject");
    assertThat(actions(SdkCall.camel("DocumentClient", "put"))).containsExactly("dynamodb:PutItem");
    assertThat(actions(SdkCall.command("@aws-sdk/lib-dynamodb", "QueryCommand")))
        .containsExactly("dynamodb:Query");
    assertThat(actions(SdkCall.camel("S3", "upload"))).contains("s3:PutObject");
  }

  @Test
  void everyHelperNamesActionsTheCatalogKnows() {
    for (String method :
        List.of(
            "UploadFile", "UploadFileobj", "DownloadFile", "DownloadFileobj", "Copy", "Upload")) {
      for (String action : actions(new SdkCall("S3", method))) {
        assertThat(IamCatalog.bundled().action(action)).as(action).isPresent();
      }
    }
  }

  @Test
  void callsThatNeedNoPermissionSaySo() {
    assertThat(sdk.resolve(SdkCall.python("sts", "get_caller_identity")).basis())
        .isEqualTo(Basis.NO_PERMISSION);
  }

  @Test
  void operationsNewerThanTheTableFallBackToTheNamingRuleWhenTheCatalogAgrees() {
    // DynamoDB resource policies arrived in 2024, after the table's date.
    Resolution resolution = sdk.resolve(SdkCall.python("dynamodb", "get_resource_policy"));
    assertThat(resolution.basis()).isEqualTo(Basis.NAMING_RULE);
    assertThat(actions(SdkCall.python("dynamodb", "get_resource_policy")))
        .containsExactly("dynamodb:GetResourcePolicy");
  }

  @Test
  void unknownCallsAreNeverGuessed() {
    Resolution made = sdk.resolve(SdkCall.python("dynamodb", "frobnicate_table"));
    assertThat(made.basis()).isEqualTo(Basis.UNKNOWN);
    assertThat(made.actions()).isEmpty();
    assertThat(made.note()).contains("incomplete");
    assertThat(sdk.resolve(SdkCall.python("not-a-service", "get_thing")).note())
        .contains("unknown SDK service");
  }

  @Test
  void serviceNamesOfEverySdkMeetInOneName() {
    assertThat(SdkServices.canonical("dynamodb")).isEqualTo("DynamoDB");
    assertThat(SdkServices.canonical("DynamoDbClient")).isEqualTo("DynamoDB");
    assertThat(SdkServices.canonical("@aws-sdk/client-dynamodb")).isEqualTo("DynamoDB");
    assertThat(SdkServices.canonical("SecretsManagerAsyncClient")).isEqualTo("SecretsManager");
    assertThat(SdkServices.canonical("@aws-sdk/client-sfn")).isEqualTo("StepFunctions");
    assertThat(sdk.prefix("StepFunctions")).contains("states");
  }

  @Test
  void parametersThatNeedMoreThanTheOperationAddTheirActions() {
    SdkCall put = SdkCall.camel("S3", "putObject");
    assertThat(sdk.forParameters(put, java.util.Set.of("Bucket", "Key", "Body"))).isEmpty();
    assertThat(sdk.forParameters(put, java.util.Set.of("Bucket", "Key", "ACL", "Tagging")))
        .extracting(SdkActions.ActionNeed::action)
        .containsExactlyInAnyOrder("s3:PutObjectAcl", "s3:PutObjectTagging");
    assertThat(sdk.forParameters(SdkCall.python("s3", "get_object"), java.util.Set.of("VersionId")))
        .extracting(SdkActions.ActionNeed::action)
        .containsExactly("s3:GetObjectVersion");
    assertThat(sdk.forParameters(put, java.util.Set.of("ACL")).get(0).resources())
        .containsEntry("BucketName", "${Bucket}");
  }
}
