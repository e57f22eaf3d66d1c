package dev.warden.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates realistic SAM templates for benchmarks: functions with events and policies (SAM
 * templates and inline statements with intrinsics), tables, queues, topics, buckets, roles, and
 * APIs with inline OpenAPI bodies. Deterministic: the same seed gives the same bytes.
 *
 * <p>{@code java -cp warden-bench/target/benchmarks.jar dev.warden.bench.TemplateCorpus OUT 1000}
 * writes a corpus of 1,000 templates of 10 to 300 resources each.
 */
public final class TemplateCorpus {

  public static final long SEED = 20261128L;

  private TemplateCorpus() {}

  /** {@code count} templates of {@code min} to {@code max} resources each. */
  public static List<String> generate(int count, int min, int max, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> templates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int resources = min + random.nextInt(max - min + 1);
      templates.add(template(i, resources, random.split()));
    }
    return templates;
  }

  /** One template of exactly {@code resources} resources. */
  public static String template(int index, int resources, SplittableRandom random) {
    StringBuilder out = new StringBuilder(resources * 700);
    out.append("AWSTemplateFormatVersion: \"2010-09-09\"\n")
        .append("Transform: AWS::Serverless-2016-10-31\n")
        .append("Description: generated service ")
        .append(index)
        .append('\n')
        .append(
            "Parameters:\n  Stage:\n    Type: String\n    Default: prod\n    AllowedValues: [dev, prod]\n")
        .append("  AlertEmail:\n    Type: String\n")
        .append("Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n")
        .append("Mappings:\n  Sizes:\n    dev: {Memory: 256}\n    prod: {Memory: 1024}\n")
        .append(
            "Globals:\n  Function:\n    Runtime: python3.12\n    Timeout: 30\n    Tracing: Active\n")
        .append("    MemorySize: !FindInMap [Sizes, !Ref Stage, Memory]\n")
        .append("    Environment:\n      Variables:\n        STAGE: !Ref Stage\n")
        .append("Resources:\n");
    List<String> tables = new ArrayList<>();
    List<String> queues = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    int written = 0;
    while (written < resources) {
      int kind = written < 4 ? written : random.nextInt(10);
      String id;
      switch (kind) {
        case 0, 4 -> {
          id = "Table" + written;
          tables.add(id);
          out.append("  ")
              .append(id)
              .append(":\n    Type: AWS::DynamoDB::Table\n    Properties:\n")
              .append("      TableName: !Sub \"svc")
              .append(index)
              .append("-")
              .append(id.toLowerCase(Locale.ROOT))
              .append("-${Stage}\"\n")
              .append("      BillingMode: PAY_PER_REQUEST\n")
              .append(
                  "      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}, {AttributeName: sk, AttributeType: S}]\n")
              .append(
                  "      KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]\n")
              .append("      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}\n");
        }
        case 1, 5 -> {
          id = "Queue" + written;
          queues.add(id);
          out.append("  ")
              .append(id)
              .append(":\n    Type: AWS::SQS::Queue\n    Properties:\n")
              .append("      VisibilityTimeout: 180\n")
              .append("      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt ")
              .append(id)
              .append("Dlq.Arn\n")
              .append("        maxReceiveCount: 5\n")
              .append("  ")
              .append(id)
              .append("Dlq:\n    Type: AWS::SQS::Queue\n");
          written++;
        }
        case 2 -> {
          id = "Topic" + written;
          out.append("  ")
              .append(id)
              .append(":\n    Type: AWS::SNS::Topic\n    Properties:\n")
              .append(
                  "      Subscription:\n        - Protocol: email\n          Endpoint: !Ref AlertEmail\n");
        }
        case 3 -> {
          id = "Api" + written;
          api(out, id, index, functions.isEmpty() ? "Function" + (written + 1) : functions.get(0));
          if (functions.isEmpty()) {
            written++;
            id = "Function" + written;
            functions.add(id);
            function(out, id, tables, queues, random);
          }
        }
        case 6 -> {
          id = "Bucket" + written;
          out.append("  ")
              .append(id)
              .append(":\n    Type: AWS::S3::Bucket\n    Properties:\n")
              .append("      BucketName: !Sub \"svc")
              .append(index)
              .append("-")
              .append(written)
              .append("-${AWS::AccountId}\"\n")
              .append(
                  "      PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true}\n");
        }
        case 7 -> {
          id = "Role" + written;
          out.append("  ")
              .append(id)
              .append(":\n    Type: AWS::IAM::Role\n    Properties:\n")
              .append(
                  "      AssumeRolePolicyDocument:\n        Version: \"2012-10-17\"\n        Statement:\n")
              .append(
                  "          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}\n")
              .append(
                  "      ManagedPolicyArns:\n        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n")
              .append(
                  "      Policies:\n        - PolicyName: data\n          PolicyDocument:\n            Statement:\n")
              .append(
                  "              - Effect: Allow\n                Action: [s3:GetObject, s3:PutObject]\n")
              .append("                Resource: !Sub \"arn:${AWS::Partition}:s3:::svc")
              .append(index)
              .append("-*/*\"\n");
        }
        default -> {
          id = "Function" + written;
          functions.add(id);
          function(out, id, tables, queues, random);
        }
      }
      written++;
    }
    out.append("Outputs:\n  Stage:\n    Value: !Ref Stage\n");
    return out.toString();
  }

  private static void function(
      StringBuilder out,
      String id,
      List<String> tables,
      List<String> queues,
      SplittableRandom random) {
    String table = tables.get(random.nextInt(tables.size()));
    String queue = queues.get(random.nextInt(queues.size()));
    out.append("  ")
        .append(id)
        .append(":\n    Type: AWS::Serverless::Function\n    Properties:\n")
        .append("      CodeUri: src/")
        .append(id.toLowerCase(Locale.ROOT))
        .append("/\n")
        .append("      Handler: app.handler\n")
        .append("      Environment:\n        Variables:\n")
        .append("          TABLE: !Ref ")
        .append(table)
        .append('\n')
        .append("          QUEUE_URL: !Ref ")
        .append(queue)
        .append('\n')
        .append("          MODE: !If [IsProd, strict, relaxed]\n")
        .append("      Policies:\n")
        .append("        - DynamoDBCrudPolicy:\n            TableName: !Ref ")
        .append(table)
        .append('\n')
        .append("        - SQSSendMessagePolicy:\n            QueueName: !GetAtt ")
        .append(queue)
        .append(".QueueName\n")
        .append(
            "        - Statement:\n            - Effect: Allow\n              Action: [ssm:GetParameter]\n")
        .append(
            "              Resource: !Sub \"arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/")
        .append(id)
        .append("/*\"\n")
        .append("      Events:\n");
    switch (random.nextInt(4)) {
      case 0 ->
          out.append(
                  "        Work:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt ")
              .append(queue)
              .append(".Arn\n            BatchSize: 10\n");
      case 1 ->
          out.append(
                  "        Changes:\n          Type: DynamoDB\n          Properties:\n            Stream: !GetAtt ")
              .append(table)
              .append(".StreamArn\n            StartingPosition: LATEST\n");
      case 2 ->
          out.append(
              "        Tick:\n          Type: Schedule\n          Properties:\n            Schedule: rate(5 minutes)\n");
      default ->
          out.append(
                  "        Http:\n          Type: HttpApi\n          Properties:\n            Path: /")
              .append(id.toLowerCase(Locale.ROOT))
              .append("\n            Method: GET\n");
    }
  }

  private static void api(StringBuilder out, String id, int index, String function) {
    out.append("  ")
        .append(id)
        .append(":\n    Type: AWS::Serverless::Api\n    Properties:\n")
        .append("      StageName: !Ref Stage\n")
        .append("      DefinitionBody:\n        openapi: \"3.0.1\"\n        info: {title: svc")
        .append(index)
        .append(", version: \"1\"}\n")
        .append(
            "        components:\n          securitySchemes:\n            Users:\n              type: apiKey\n")
        .append("              name: Authorization\n              in: header\n")
        .append("              x-amazon-apigateway-authtype: cognito_user_pools\n")
        .append("        paths:\n");
    for (String path : new String[] {"/items", "/items/{id}", "/health"}) {
      out.append("          ").append(path).append(":\n");
      for (String method : new String[] {"get", "post"}) {
        out.append("            ")
            .append(method)
            .append(":\n")
            .append("              security: [{Users: []}]\n")
            .append(
                "              x-amazon-apigateway-integration:\n                type: aws_proxy\n")
            .append("                httpMethod: POST\n")
            .append(
                "                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${")
            .append(function)
            .append(".Arn}/invocations\n");
      }
    }
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "warden-bench/corpus");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Files.createDirectories(out);
    int min = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int max = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    List<String> templates = generate(count, min, max, SEED);
    long bytes = 0;
    for (int i = 0; i < templates.size(); i++) {
      byte[] content = templates.get(i).getBytes(StandardCharsets.UTF_8);
      bytes += content.length;
      Path folder = Files.createDirectories(out.resolve(String.format(Locale.ROOT, "svc-%04d", i)));
      Files.write(folder.resolve("template.yaml"), content);
    }
    System.out.printf(
        Locale.ROOT, "wrote %d templates, %.1f MB, to %s%n", templates.size(), bytes / 1e6, out);
  }
}
