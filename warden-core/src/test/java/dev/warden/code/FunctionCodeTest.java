package dev.warden.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.ServerlessFunction;
import dev.warden.testing.Loaded;
import dev.warden.testing.Repo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionCodeTest {

  private static final Path DEMO = Repo.path("examples/acme-shop");
  private static final Loaded LOADED = Loaded.folder(DEMO);

  private static FunctionCode code(String function) {
    return FunctionCode.read(DEMO, LOADED.function(function));
  }

  @Test
  void readsTheHandlerOfEachLanguageOfTheDemo() {
    assertThat(code("OrdersApiFunction").calls())
        .extracting(c -> c.call().toString())
        .containsExactly(
            "DynamoDB.PutItem", "SQS.SendMessage", "DynamoDB.GetItem", "DynamoDB.Scan");
    assertThat(code("OrdersApiFunction").files()).containsExactly("src/orders/app.py");
    assertThat(code("ReportsFunction").calls())
        .extracting(c -> c.call().toString())
        .containsExactly("S3.GetObject");
    assertThat(code("PaymentWebhookFunction").calls())
        .extracting(c -> c.call().toString())
        .containsExactly("SecretsManager.GetSecretValue");
    assertThat(code("PaymentWebhookFunction").files())
        .containsExactly("src/payments/src/main/java/com/acme/payments/WebhookHandler.java");
    assertThat(code("LegacyBridgeFunction").calls()).isEmpty();
    assertThat(code("LegacyBridgeFunction").complete()).isTrue();
  }

  @Test
  void followsLocalImports(@TempDir Path dir) {
    Loaded.write(
        dir,
        "src/app.py",
        "from .store import save\nimport helpers\n\ndef handler(e, c):\n    save(e)\n");
    Loaded.write(
        dir,
        "src/store.py",
        "import boto3\nTABLE = boto3.resource('dynamodb').Table('orders')\n\ndef save(e):\n    TABLE.put_item(Item=e)\n");
    Loaded.write(
        dir,
        "src/helpers/__init__.py",
        "import boto3\nboto3.client('sns').publish(TopicArn='t', Message='m')\n");
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
            """);
    FunctionCode code = FunctionCode.read(dir, loaded.function("Fn"));
    assertThat(code.files())
        .containsExactly("src/app.py", "src/store.py", "src/helpers/__init__.py");
    assertThat(code.calls())
        .extracting(c -> c.call().toString())
        .containsExactly("DynamoDB.PutItem", "SNS.Publish");
    assertThat(code.complete()).isTrue();
  }

  @Test
  void saysWhyTheCodeCouldNotBeRead(@TempDir Path dir) {
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              RemoteFn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: s3://bucket/code.zip}
              MissingFn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: nowhere.handler, CodeUri: ./}
              GoFn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: provided.al2023, Handler: bootstrap, CodeUri: ./}
            """);
    for (ServerlessFunction function : loaded.inventory().functions().toList()) {
      FunctionCode code = FunctionCode.read(dir, function);
      assertThat(code.complete()).as(function.logicalId()).isFalse();
      assertThat(code.notes()).as(function.logicalId()).hasSize(1);
    }
    assertThat(FunctionCode.read(dir, loaded.function("RemoteFn")).notes().get(0)).contains("S3");
    assertThat(FunctionCode.read(dir, loaded.function("MissingFn")).notes().get(0))
        .contains("nowhere.handler not found");
  }
}
