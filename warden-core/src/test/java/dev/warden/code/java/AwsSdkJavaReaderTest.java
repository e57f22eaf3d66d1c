package dev.warden.code.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.code.ArgValue;
import dev.warden.code.CodeCall;
import dev.warden.code.SdkActions;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsSdkJavaReaderTest {

  private static List<String> summary(List<CodeCall> calls) {
    return calls.stream().map(c -> c.call() + "@" + c.at().line() + " " + c.arguments()).toList();
  }

  @Test
  void findsTheSecretReadOfTheDemoPaymentWebhook() throws IOException {
    String path =
        "examples/acme-shop/src/payments/src/main/java/com/acme/payments/WebhookHandler.java";
    List<CodeCall> calls =
        AwsSdkJavaReader.read("WebhookHandler.java", Files.readString(Repo.path(path)));
    assertThat(calls)
        .extracting(c -> c.call().toString())
        .containsExactly("SecretsManager.GetSecretValue");
    assertThat(calls.get(0).arguments())
        .containsEntry("SecretId", new ArgValue.EnvVar("PAYMENTS_SECRET_ARN"));
  }

  @Test
  void readsClientsBuildersConsumerBuildersPaginatorsAndEnhancedTables() {
    String source =
        """
        package demo;

        import software.amazon.awssdk.services.s3.S3Client;
        import software.amazon.awssdk.services.s3.model.GetObjectRequest;
        import software.amazon.awssdk.services.sqs.SqsAsyncClient;
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
        import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

        public class Handler {
          private static final String BUCKET = System.getenv("BUCKET");
          private final S3Client s3 = S3Client.builder().build();
          private final SqsAsyncClient sqs = SqsAsyncClient.create();
          private final DynamoDbEnhancedClient enhanced =
              DynamoDbEnhancedClient.builder().dynamoDbClient(DynamoDbClient.create()).build();
          private final DynamoDbTable<Order> orders =
              enhanced.table(System.getenv("ORDERS_TABLE"), TableSchema.fromBean(Order.class));

          public void handle(String key) {
            s3.getObject(GetObjectRequest.builder().bucket(BUCKET).key("in/" + key).build());
            s3.listObjectsV2Paginator(b -> b.bucket("archive"));
            sqs.sendMessage(b -> b.queueUrl(System.getenv("QUEUE_URL")).messageBody("x"));
            orders.putItem(new Order());
            // s3.deleteBucket(b -> b.bucket("comment"));
            String text = "s3.putObject(x)";
          }
        }
        """;
    assertThat(summary(AwsSdkJavaReader.read("Handler.java", source)))
        .containsExactly(
            "S3.GetObject@20 {Bucket=EnvVar[name=BUCKET], Key=Concat[parts=[Literal[text=in/],"
                + " Unknown[text=key]]]}",
            "S3.ListObjectsV2@21 {Bucket=Literal[text=archive]}",
            "SQS.SendMessage@22 {MessageBody=Literal[text=x], QueueUrl=EnvVar[name=QUEUE_URL]}",
            "DynamoDB.PutItem@23 {TableName=EnvVar[name=ORDERS_TABLE]}");
  }

  @Test
  void everyCallFoundResolvesToIamActions() {
    String source =
        """
        import software.amazon.awssdk.services.kinesis.KinesisClient;
        class K {
          KinesisClient kinesis = KinesisClient.create();
          void f() { kinesis.putRecord(b -> b.streamName("clicks")); }
        }
        """;
    for (CodeCall call : AwsSdkJavaReader.read("K.java", source)) {
      assertThat(SdkActions.bundled().resolve(call.call()).actions()).isNotEmpty();
    }
  }

  @Test
  void unparsableSourceGivesNoCallsAndNoError() {
    assertThat(AwsSdkJavaReader.read("Broken.java", "class { s3.getObject(")).isEmpty();
  }
}
