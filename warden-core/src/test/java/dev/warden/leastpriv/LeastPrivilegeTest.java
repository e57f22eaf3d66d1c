package dev.warden.leastpriv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Loaded;
import dev.warden.testing.Repo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeastPrivilegeTest {

  private static final Path DEMO = Repo.path("examples/acme-shop");
  private static final Loaded LOADED = Loaded.folder(DEMO);

  private static GeneratedPolicy of(String function) {
    return new LeastPrivilege().of(DEMO, LOADED.function(function), LOADED.app());
  }

  @Test
  void theOrdersApiKeepsItsTableAndQueueAndLosesDynamodbStar() {
    GeneratedPolicy policy = of("OrdersApiFunction");
    assertThat(policy.statements())
        .containsEntry(
            "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/acme-orders-prod",
            java.util.Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Scan"))
        .containsEntry(
            "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:acme-order-queue-prod",
            java.util.Set.of("sqs:SendMessage"));
    assertThat(policy.evidence().get("dynamodb:PutItem"))
        .containsExactly("code:src/orders/app.py:27");
    assertThat(policy.evidence().get("logs:PutLogEvents")).containsExactly("platform");
    assertThat(policy.unused()).contains("dynamodb:DeleteTable", "dynamodb:CreateTable");
    assertThat(policy.unused()).doesNotContain("dynamodb:PutItem", "sqs:SendMessage");
    assertThat(policy.reductionPercent()).isGreaterThan(80);
    assertThat(policy.missing()).isEmpty();
    assertThat(policy.complete()).isTrue();
  }

  @Test
  void theDocumentHasOneStatementPerResourceWithUniqueSids() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> statements =
        (List<Map<String, Object>>) of("OrdersApiFunction").document().get("Statement");
    assertThat(statements).extracting(s -> s.get("Sid")).doesNotHaveDuplicates();
    assertThat(statements).allSatisfy(s -> assertThat(s.get("Effect")).isEqualTo("Allow"));
    assertThat(statements)
        .noneMatch(
            s -> s.get("Resource").equals("*") && !s.get("Sid").toString().startsWith("Xray"));
  }

  @Test
  void aQueueTriggerAddsThePollingActionsOnThatQueue() {
    GeneratedPolicy policy = of("OrderEventsFunction");
    assertThat(policy.evidence().get("sqs:ReceiveMessage"))
        .containsExactly("trigger:OrderQueueEvent");
    assertThat(policy.statements().entrySet())
        .anyMatch(
            e ->
                e.getKey().endsWith(":acme-order-queue-prod")
                    && e.getValue().contains("sqs:DeleteMessage"));
  }

  @Test
  void aCallOnATableTheRoleDoesNotCoverIsMissingOnThatTable(@TempDir Path dir) {
    Loaded.write(
        dir,
        "src/app.py",
        """
        import os, boto3
        table = boto3.resource('dynamodb').Table(os.environ['ORDERS'])
        def handler(event, context):
            table.put_item(Item=event)
            boto3.client('sqs').send_message(QueueUrl=os.environ['QUEUE'], MessageBody='x')
        """);
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties: {TableName: orders}
              Audit:
                Type: AWS::DynamoDB::Table
                Properties: {TableName: audit}
              Queue:
                Type: AWS::SQS::Queue
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Environment:
                    Variables: {ORDERS: !Ref Orders, QUEUE: !Ref Queue}
                  Policies:
                    - DynamoDBCrudPolicy: {TableName: !Ref Audit}
            """);
    GeneratedPolicy policy = new LeastPrivilege().of(dir, loaded.function("Fn"), loaded.app());
    assertThat(policy.missing())
        .extracting(n -> n.action() + " " + n.resource())
        .containsExactlyInAnyOrder(
            "dynamodb:PutItem arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders",
            "sqs:SendMessage arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${Queue.QueueName}");
  }

  @Test
  void resourcesEncryptedWithACustomerKeyAddTheKeyUseEachCallNeeds(@TempDir Path dir) {
    Loaded.write(
        dir,
        "src/app.py",
        """
        import os, boto3
        s3 = boto3.client('s3')
        def handler(event, context):
            body = s3.get_object(Bucket=os.environ['BUCKET'], Key='in.json')['Body'].read()
            s3.upload_file('/tmp/out.json', os.environ['BUCKET'], 'out.json')
            boto3.client('sqs').send_message(QueueUrl=os.environ['OUT'], MessageBody=body)
            boto3.client('sqs').send_message(QueueUrl=os.environ['PLAIN'], MessageBody=body)
        """);
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              DataKey:
                Type: AWS::KMS::Key
              DataKeyAlias:
                Type: AWS::KMS::Alias
                Properties: {AliasName: alias/data, TargetKeyId: !Ref DataKey}
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: acme-data
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: aws:kms
                          KMSMasterKeyID: !GetAtt DataKey.Arn
              Out:
                Type: AWS::SQS::Queue
                Properties: {QueueName: out, KmsMasterKeyId: !Ref DataKeyAlias}
              Plain:
                Type: AWS::SQS::Queue
                Properties: {QueueName: plain, KmsMasterKeyId: alias/aws/sqs}
              In:
                Type: AWS::SQS::Queue
                Properties: {QueueName: in, KmsMasterKeyId: !Ref DataKey}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Environment:
                    Variables: {BUCKET: !Ref Data, OUT: !Ref Out, PLAIN: !Ref Plain}
                  Events:
                    Incoming: {Type: SQS, Properties: {Queue: !GetAtt In.Arn}}
            """);
    GeneratedPolicy policy = new LeastPrivilege().of(dir, loaded.function("Fn"), loaded.app());
    assertThat(policy.statements())
        .containsEntry(
            "arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${DataKey}",
            java.util.Set.of("kms:Decrypt", "kms:GenerateDataKey"));
    assertThat(policy.evidence().get("kms:GenerateDataKey"))
        .containsExactly("code:src/app.py:5", "code:src/app.py:6");
    assertThat(policy.evidence().get("kms:Decrypt"))
        .containsExactly(
            "code:src/app.py:4", "code:src/app.py:5", "code:src/app.py:6", "trigger:Incoming");
    assertThat(policy.statements().keySet())
        .as("the AWS-managed key of the plain queue needs no permission")
        .filteredOn(r -> r.contains(":kms:"))
        .hasSize(1);
  }

  @Test
  void whatSamAddsForAnEventSourceIsNotCountedAsUnused(@TempDir Path dir) {
    Loaded.write(dir, "src/app.py", "def handler(event, context):\n    return len(event)\n");
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties: {ShardCount: 1}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: arn:aws:s3:::reports/*
                  Events:
                    Stream:
                      Type: Kinesis
                      Properties: {Stream: !GetAtt Clicks.Arn, StartingPosition: LATEST}
            """);
    GeneratedPolicy policy = new LeastPrivilege().of(dir, loaded.function("Fn"), loaded.app());
    assertThat(policy.unused()).containsExactly("s3:GetObject");
  }
}
