package dev.warden.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.code.ArgValue;
import dev.warden.code.CodeCall;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class Boto3ReaderTest {

  private static List<String> summary(List<CodeCall> calls) {
    return calls.stream().map(c -> c.call() + "@" + c.at().line() + " " + c.arguments()).toList();
  }

  @Test
  void findsTheCallsOfTheDemoOrdersHandlerWithTheirResources() throws IOException {
    String source = Files.readString(Repo.path("examples/acme-shop/src/orders/app.py"));
    List<CodeCall> calls = Boto3Reader.read("src/orders/app.py", source);
    assertThat(calls)
        .extracting(c -> c.call().toString())
        .containsExactly(
            "DynamoDB.PutItem", "SQS.SendMessage", "DynamoDB.GetItem", "DynamoDB.Scan");
    assertThat(calls.get(0).arguments())
        .containsEntry("TableName", new ArgValue.EnvVar("ORDERS_TABLE"));
    assertThat(calls.get(1).arguments())
        .containsEntry("QueueUrl", new ArgValue.EnvVar("ORDER_QUEUE_URL"));
    assertThat(calls.get(0).at().file()).isEqualTo("src/orders/app.py");
  }

  @Test
  void followsClientsResourcesHelpersPaginatorsAndWaiters() {
    String source =
        """
        import os
        import boto3 as aws
        from boto3 import client

        s3 = aws.client("s3")
        ddb = client('dynamodb')
        BUCKET = os.environ.get("REPORTS_BUCKET", "fallback")
        session_sqs = aws.session.Session().client("sqs")

        def handler(event, context):
            # a comment with s3.delete_bucket(Bucket="x") is not a call
            s3.upload_file("/tmp/report.csv", BUCKET, "reports/today.csv")
            pages = s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
            ddb.get_waiter("table_exists").wait(TableName="orders")
            session_sqs.send_message(
                QueueUrl=os.getenv("QUEUE"),
                MessageBody="{}",
            )
            text = '''s3.put_object(Bucket="nope")'''
            obj = aws.resource("s3").Bucket(BUCKET).Object("a/" + os.environ["KEY"])
            obj.get()
        """;
    assertThat(summary(Boto3Reader.read("handler.py", source)))
        .containsExactly(
            "S3.UploadFile@12 {Bucket=EnvVar[name=REPORTS_BUCKET], Key=Literal[text=reports/today.csv]}",
            "S3.ListObjectsV2@13 {}",
            "DynamoDB.DescribeTable@14 {}",
            "SQS.SendMessage@15 {MessageBody=Literal[text={}], QueueUrl=EnvVar[name=QUEUE]}",
            "S3.GetObject@21 {Bucket=EnvVar[name=REPORTS_BUCKET], Key=Concat[parts=[Literal[text=a/],"
                + " EnvVar[name=KEY]]]}");
  }

  @Test
  void unreadableSourceGivesNoCallsAndNoError() {
    assertThat(
            Boto3Reader.read(
                "broken.py", "s3 = boto3.client(\"s3\"\ns3.get_object(Bucket='x' \"\"\" "))
        .isEmpty();
    assertThat(Boto3Reader.read("empty.py", "")).isEmpty();
  }

  @Test
  void theTokenizerKnowsStringsCommentsAndBracketedLines() {
    List<Token> tokens = PythonTokenizer.tokenize("x = (1,\n  rb'a\\'b' # c\n)\ny = f\"{x}\"\n");
    assertThat(tokens.stream().filter(t -> t.kind() == Token.Kind.NEWLINE)).hasSize(2);
    assertThat(tokens.stream().filter(t -> t.kind() == Token.Kind.STRING).map(Token::text))
        .containsExactly("a\\'b", "{x}");
  }

  @Test
  void aPresignedUrlNeedsThePermissionOfTheOperationItSigns() {
    String source =
        """
        import os, boto3
        s3 = boto3.client("s3")
        url = s3.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"})
        post = s3.generate_presigned_post(os.environ["UPLOADS"], "in/" + name)
        other = s3.generate_presigned_url(method_name)
        """;
    List<CodeCall> calls = Boto3Reader.read("app.py", source);
    assertThat(calls)
        .extracting(c -> c.call().toString())
        .containsExactly("S3.GetObject", "S3.PutObject", "S3.GeneratePresignedUrl");
    assertThat(calls.get(1).arguments()).containsEntry("Bucket", new ArgValue.EnvVar("UPLOADS"));
  }

  @Test
  void aResourcesLowLevelClientIsAClientOfItsService() {
    String source =
        """
        import boto3
        dynamodb = boto3.resource("dynamodb")
        res = dynamodb.meta.client.batch_get_item(RequestItems={table: {"Keys": keys}})
        boto3.resource("s3").meta.client.upload_file("/tmp/a", "bucket", "a")
        """;
    assertThat(Boto3Reader.read("app.py", source))
        .extracting(c -> c.call().toString())
        .containsExactly("DynamoDB.BatchGetItem", "S3.UploadFile");
  }

  @Test
  void aNameGivenDifferentValuesIsUnknownWhereverItIsUsed() {
    String source =
        """
        import boto3
        def handler(event, context):
            name = "alpha"
            boto3.client("lambda").invoke(FunctionName=name)
            if event.get("x"):
                name = "beta"
            boto3.client("lambda").invoke(FunctionName=name)
            same = "q"
            same = "q"
            boto3.client("sqs").send_message(QueueUrl=same, MessageBody="m")
        """;
    List<CodeCall> calls = Boto3Reader.read("app.py", source);
    assertThat(calls.get(0).arguments()).doesNotContainKey("FunctionName");
    assertThat(calls.get(1).arguments()).doesNotContainKey("FunctionName");
    assertThat(calls.get(2).arguments()).containsEntry("QueueUrl", new ArgValue.Literal("q"));
  }
}
