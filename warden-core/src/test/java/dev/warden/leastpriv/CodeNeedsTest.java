package dev.warden.leastpriv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.code.FunctionCode;
import dev.warden.code.SdkActions;
import dev.warden.iam.IamCatalog;
import dev.warden.testing.Loaded;
import dev.warden.testing.Repo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeNeedsTest {

  private static final Path DEMO = Repo.path("examples/acme-shop");
  private static final Loaded LOADED = Loaded.folder(DEMO);
  private final CodeNeeds needs = new CodeNeeds(SdkActions.bundled(), IamCatalog.bundled());

  private CodeNeeds.Result of(String function) {
    return needs.of(
        LOADED.function(function),
        LOADED.app(),
        FunctionCode.read(DEMO, LOADED.function(function)));
  }

  private static List<String> lines(CodeNeeds.Result result) {
    return result.needs().stream().map(n -> n.action() + " " + n.resource()).toList();
  }

  @Test
  void theOrdersApiNeedsItsTableAndQueueByTheirArns() {
    CodeNeeds.Result result = of("OrdersApiFunction");
    assertThat(lines(result))
        .containsExactly(
            "dynamodb:PutItem arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/acme-orders-prod",
            "sqs:SendMessage arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:acme-order-queue-prod",
            "dynamodb:GetItem arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/acme-orders-prod",
            "dynamodb:Scan arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/acme-orders-prod");
    assertThat(result.needs()).allMatch(Need::scoped);
    assertThat(result.needs().get(0).evidence()).containsExactly("code:src/orders/app.py:27");
    assertThat(result.complete()).isTrue();
  }

  @Test
  void anUnknownObjectKeyStaysAWildcardInTheKeyOnly() {
    CodeNeeds.Result result = of("ReportsFunction");
    assertThat(lines(result)).hasSize(1);
    assertThat(lines(result).get(0))
        .startsWith("s3:GetObject arn:aws:s3:::")
        .endsWith("/reports/*.csv");
  }

  @Test
  void callsWardenCannotMapMakeTheResultIncomplete(@TempDir Path dir) {
    Loaded.write(
        dir,
        "src/app.py",
        "import boto3\nc = boto3.client('dynamodb')\nc.frobnicate_table(TableName='x')\n");
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
    CodeNeeds.Result result =
        needs.of(
            loaded.function("Fn"), loaded.app(), FunctionCode.read(dir, loaded.function("Fn")));
    assertThat(result.complete()).isFalse();
    assertThat(result.notes())
        .anyMatch(n -> n.contains("src/app.py:3") && n.contains("incomplete"));
  }

  @Test
  void whatTheCodeLeavesOpenTheFunctionsSamPolicyTemplatesName(@TempDir Path dir) {
    Loaded.write(
        dir,
        "src/app.py",
        """
        import boto3
        s3 = boto3.client('s3')
        def handler(event, context):
            report = s3.get_object(Bucket=event['bucket'], Key='reports/daily.csv')
            boto3.client('sns').publish(TopicArn=event['topic'], Message='done')
        """);
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Uploads:
                Type: AWS::S3::Bucket
                Properties: {BucketName: acme-uploads}
              Archive:
                Type: AWS::S3::Bucket
                Properties: {BucketName: acme-archive}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Policies:
                    - S3ReadPolicy: {BucketName: !Ref Uploads}
                    - S3ReadPolicy: {BucketName: !Ref Archive}
            """);
    CodeNeeds.Result result =
        needs.of(
            loaded.function("Fn"), loaded.app(), FunctionCode.read(dir, loaded.function("Fn")));
    assertThat(lines(result))
        .containsExactly(
            "s3:GetObject arn:aws:s3:::acme-uploads/reports/daily.csv",
            "s3:GetObject arn:aws:s3:::acme-archive/reports/daily.csv",
            "sns:Publish arn:aws:sns:${AWS::Region}:${AWS::AccountId}:*");
    assertThat(result.notes())
        .singleElement()
        .asString()
        .contains("src/app.py:4")
        .contains("BucketName of s3:GetObject is not in the code");
  }

  @Test
  void theTablesValueTemplatesGiveQueueFunctionSecretAndBusNames(@TempDir Path dir) {
    Loaded.write(
        dir,
        "src/app.py",
        """
        import os, boto3
        def handler(event, context):
            boto3.client('sqs').send_message(
                QueueUrl='https://sqs.eu-west-1.amazonaws.com/123456789012/orders', MessageBody='x')
            boto3.client('lambda').invoke(FunctionName='arn:aws:lambda:eu-west-1:123456789012:function:billing:live')
            boto3.client('secretsmanager').get_secret_value(SecretId='prod/stripe')
            boto3.client('secretsmanager').get_secret_value(SecretId=os.environ['DB_SECRET'])
            boto3.client('events').put_events(Entries=[{'Source': 'shop', 'Detail': '{}'}])
        """);
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              DbSecret:
                Type: AWS::SecretsManager::Secret
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Environment:
                    Variables: {DB_SECRET: !Ref DbSecret}
            """);
    CodeNeeds.Result result =
        needs.of(
            loaded.function("Fn"), loaded.app(), FunctionCode.read(dir, loaded.function("Fn")));
    assertThat(lines(result))
        .contains(
            "sqs:SendMessage arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:orders",
            "lambda:InvokeFunction arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:billing",
            "lambda:InvokeFunction arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:billing:*",
            "secretsmanager:GetSecretValue"
                + " arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/stripe-??????",
            "events:PutEvents arn:aws:events:${AWS::Region}:${AWS::AccountId}:event-bus/default")
        .anyMatch(
            l ->
                l.startsWith("secretsmanager:GetSecretValue arn:aws:secretsmanager:")
                    && l.contains("${DbSecret.RandomSuffix}"));
    assertThat(result.complete()).isTrue();
  }

  @Test
  void aTableNamedOnlyInsideTheRequestIsTakenFromTheTemplatesToo(@TempDir Path dir) {
    Loaded.write(
        dir,
        "src/app.py",
        """
        import os, boto3
        def handler(event, context):
            table = os.environ['INVENTORY']
            boto3.resource('dynamodb').meta.client.batch_get_item(RequestItems={table: {'Keys': []}})
        """);
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Environment: {Variables: {INVENTORY: inventory}}
                  Policies:
                    - DynamoDBReadPolicy: {TableName: inventory}
            """);
    CodeNeeds.Result result =
        needs.of(
            loaded.function("Fn"), loaded.app(), FunctionCode.read(dir, loaded.function("Fn")));
    assertThat(lines(result))
        .containsExactly(
            "dynamodb:BatchGetItem"
                + " arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/inventory");
  }
}
