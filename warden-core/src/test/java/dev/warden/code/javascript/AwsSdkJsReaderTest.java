package dev.warden.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.code.ArgValue;
import dev.warden.code.CodeCall;
import dev.warden.code.SdkActions;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsSdkJsReaderTest {

  private static List<String> summary(List<CodeCall> calls) {
    return calls.stream().map(c -> c.call() + "@" + c.at().line() + " " + c.arguments()).toList();
  }

  @Test
  void findsTheV3CommandsOfTheDemoHandlers() throws IOException {
    List<CodeCall> reports =
        AwsSdkJsReader.read(
            "src/reports/index.js",
            Files.readString(Repo.path("examples/acme-shop/src/reports/index.js")));
    assertThat(summary(reports))
        .containsExactly(
            "S3.GetObject@15 {Bucket=EnvVar[name=UPLOADS_BUCKET], Key=Concat[parts=[Literal[text=reports/],"
                + " Unknown[text=name], Literal[text=.csv]]]}");
    List<CodeCall> assistant =
        AwsSdkJsReader.read(
            "src/assistant/index.js",
            Files.readString(Repo.path("examples/acme-shop/src/assistant/index.js")));
    assertThat(assistant).extracting(c -> c.call().toString()).containsExactly("DynamoDB.GetItem");
    assertThat(assistant.get(0).arguments())
        .containsEntry("TableName", new ArgValue.EnvVar("ORDERS_TABLE"));
  }

  @Test
  void readsV2ClientsDocumentClientsAndV3Styles() {
    String source =
        """
        import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
        import * as sqs from "@aws-sdk/client-sqs";
        const AWS = require('aws-sdk');
        const { Upload } = require("@aws-sdk/lib-storage");
        const S3 = require("aws-sdk/clients/s3");
        const s3 = new AWS.S3({ region: "eu-west-1" });
        const docs = new AWS.DynamoDB.DocumentClient();
        const legacy = new S3();
        const TABLE = process.env.TABLE_NAME;
        // s3.deleteBucket({ Bucket: "not-called" }) in a comment
        const pattern = /s3\\.putObject\\(/g;
        exports.handler = async (event) => {
          await s3.getObject({ Bucket: process.env["BUCKET"], Key: event.key }).promise();
          await docs.put({ TableName: TABLE, Item: event.item }).promise();
          await legacy.listObjectsV2({ Bucket: "literal-bucket" }).promise();
          await client.send(new PutCommand({ TableName: `orders-${process.env.STAGE}`, Item: {} }));
          await new sqs.SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: "x" });
          await new Upload({ client, params: { Bucket: "uploads", Key: "k" } }).done();
          const text = "s3.putObject({ Bucket: 'in-a-string' })";
        };
        """;
    assertThat(summary(AwsSdkJsReader.read("handler.mjs", source)))
        .containsExactly(
            "S3.GetObject@13 {Bucket=EnvVar[name=BUCKET]}",
            "DocumentClient.Put@14 {TableName=EnvVar[name=TABLE_NAME]}",
            "S3.ListObjectsV2@15 {Bucket=Literal[text=literal-bucket]}",
            "DocumentClient.Put@16 {TableName=Concat[parts=[Literal[text=orders-], EnvVar[name=STAGE]]]}",
            "SQS.SendMessage@17 {MessageBody=Literal[text=x], QueueUrl=EnvVar[name=QUEUE_URL]}",
            "S3.Upload@18 {}");
  }

  @Test
  void everyCallFoundResolvesToIamActions() {
    String source =
        """
        const { SSMClient, GetParameterCommand } = require("@aws-sdk/client-ssm");
        const AWS = require("aws-sdk");
        const docs = new AWS.DynamoDB.DocumentClient();
        docs.query({ TableName: "t" });
        new GetParameterCommand({ Name: "/app/key", WithDecryption: true });
        """;
    for (CodeCall call : AwsSdkJsReader.read("x.js", source)) {
      assertThat(SdkActions.bundled().resolve(call.call()).actions())
          .as(call.toString())
          .isNotEmpty();
    }
  }

  @Test
  void brokenSourceGivesWhatItCanAndNeverFails() {
    assertThat(AwsSdkJsReader.read("broken.js", "const s3 = new AWS.S3(; s3.getObject({ `"))
        .isEmpty();
    assertThat(AwsSdkJsReader.read("empty.js", "")).isEmpty();
  }

  @Test
  void aNameAssignedDifferentValuesInBranchesIsUnknown() {
    String source =
        """
        const AWS = require('aws-sdk');
        exports.handler = async (event) => {
          let functionName = "";
          switch (event.action) {
            case "new": functionName = "orders-new"; break;
            case "get": functionName = "orders-get"; break;
          }
          const fixed = "audit";
          await new AWS.Lambda().invoke({ FunctionName: functionName }).promise();
          await new AWS.Lambda().invoke({ FunctionName: fixed }).promise();
        };
        """;
    List<CodeCall> calls = AwsSdkJsReader.read("index.js", source);
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).arguments()).doesNotContainKey("FunctionName");
    assertThat(calls.get(1).arguments())
        .containsEntry("FunctionName", new ArgValue.Literal("audit"));
  }
}
