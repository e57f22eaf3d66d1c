package dev.warden.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One SAM app of N functions with the mix of a real fleet, weaknesses included, for the scan
 * benchmarks: public routes with and without authorizers, function URLs, queue, bucket, stream,
 * topic and schedule triggers, a table per function with SAM policy templates, every 17th role with
 * a service-wide wildcard, every 50th function on a shared administrator role, end-of-life
 * runtimes, secrets in the environment, public buckets and queues. About four resources per
 * function. Deterministic: the same N gives the same template.
 */
public final class ServerlessAppCorpus {

  private ServerlessAppCorpus() {}

  public static String app(int functions) {
    StringBuilder out = new StringBuilder(functions * 1200);
    out.append("AWSTemplateFormatVersion: \"2010-09-09\"\n")
        .append("Transform: AWS::Serverless-2016-10-31\n")
        .append("Description: generated fleet of ")
        .append(functions)
        .append(" functions\n")
        .append("Globals:\n  Function:\n    Handler: app.handler\n    CodeUri: src/\n")
        .append("    Timeout: 30\n    MemorySize: 512\n    Tracing: Active\n")
        .append("Resources:\n")
        .append("  PublicApi:\n    Type: AWS::Serverless::HttpApi\n")
        .append("  UserApi:\n    Type: AWS::Serverless::Api\n    Properties:\n")
        .append("      StageName: prod\n      Cors: \"'*'\"\n      Auth:\n")
        .append("        DefaultAuthorizer: Users\n        Authorizers:\n")
        .append("          Users: {UserPoolArn: !GetAtt Users.Arn}\n")
        .append("  Users:\n    Type: AWS::Cognito::UserPool\n")
        .append("  SharedAdminRole:\n    Type: AWS::IAM::Role\n    Properties:\n")
        .append("      AssumeRolePolicyDocument:\n        Statement:\n")
        .append(
            "          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action:"
                + " sts:AssumeRole}\n")
        .append("      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]\n");
    for (int i = 0; i < functions; i++) {
      function(out, i);
    }
    return out.toString();
  }

  private static void function(StringBuilder out, int i) {
    String fn = String.format(Locale.ROOT, "Fn%05d", i);
    String table = "Table" + i;
    String runtime = i % 13 == 0 ? "python3.8" : i % 3 == 0 ? "nodejs22.x" : "python3.12";
    out.append("  ")
        .append(table)
        .append(":\n    Type: AWS::DynamoDB::Table\n    Properties:\n")
        .append("      BillingMode: PAY_PER_REQUEST\n")
        .append("      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]\n")
        .append("      KeySchema: [{AttributeName: pk, KeyType: HASH}]\n")
        .append("      StreamSpecification: {StreamViewType: NEW_IMAGE}\n");
    out.append("  ")
        .append(fn)
        .append(":\n    Type: AWS::Serverless::Function\n    Properties:\n")
        .append("      Runtime: ")
        .append(runtime)
        .append('\n')
        .append("      Environment:\n        Variables:\n          TABLE: !Ref ")
        .append(table)
        .append('\n');
    if (i % 10 == 5) {
      out.append("          API_TOKEN: \"tok-")
          .append(Integer.toHexString(0x5f3a9c1 * (i + 7)))
          .append("Qz8w\"\n");
    }
    if (i % 50 == 7) {
      out.append("      Role: !GetAtt SharedAdminRole.Arn\n");
    } else {
      out.append("      Policies:\n        - DynamoDBCrudPolicy: {TableName: !Ref ")
          .append(table)
          .append("}\n");
      if (i % 17 == 0) {
        out.append("        - Statement:\n            - {Effect: Allow, Action: \"dynamodb:*\",")
            .append(" Resource: \"*\"}\n");
      }
    }
    out.append("      Events:\n");
    switch (i % 10) {
      case 0 ->
          out.append(
                  "        Get:\n          Type: HttpApi\n          Properties: {ApiId: !Ref PublicApi, Path: /items/")
              .append(i)
              .append(", Method: get}\n");
      case 1 ->
          out.append(
                  "        Post:\n          Type: Api\n          Properties: {RestApiId: !Ref UserApi, Path: /orders/")
              .append(i)
              .append(", Method: post}\n");
      case 2 -> {
        out.append(
                "        Work:\n          Type: SQS\n          Properties: {Queue: !GetAtt Queue")
            .append(i)
            .append(".Arn}\n");
        out.append("  Queue").append(i).append(":\n    Type: AWS::SQS::Queue\n");
        if (i % 20 == 2) {
          out.append("  Queue")
              .append(i)
              .append("Policy:\n    Type: AWS::SQS::QueuePolicy\n")
              .append("    Properties:\n      Queues: [!Ref Queue")
              .append(i)
              .append("]\n")
              .append("      PolicyDocument:\n        Statement:\n")
              .append("          - {Effect: Allow, Principal: \"*\", Action: sqs:SendMessage,")
              .append(" Resource: \"*\"}\n");
        }
      }
      case 3 -> {
        out.append(
                "        Upload:\n          Type: S3\n          Properties: {Bucket: !Ref Bucket")
            .append(i)
            .append(", Events: \"s3:ObjectCreated:*\"}\n");
        out.append("  Bucket").append(i).append(":\n    Type: AWS::S3::Bucket\n");
      }
      case 4 ->
          out.append(
              "        Nightly:\n          Type: Schedule\n          Properties: {Schedule: rate(1 day)}\n");
      case 5 -> {
        out.setLength(out.length() - "      Events:\n".length());
        out.append("      FunctionUrlConfig: {AuthType: NONE}\n");
      }
      case 6 ->
          out.append(
                  "        Changes:\n          Type: DynamoDB\n          Properties: {Stream: !GetAtt ")
              .append(table)
              .append(".StreamArn, StartingPosition: LATEST}\n");
      default -> {
        out.append("        News:\n          Type: SNS\n          Properties: {Topic: !Ref Topic")
            .append(i)
            .append("}\n");
        out.append("  Topic").append(i).append(":\n    Type: AWS::SNS::Topic\n");
      }
    }
  }

  /** Writes {@code template.yaml} of an app of N functions into a folder. */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int functions = Integer.parseInt(args[1]);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("template.yaml"), app(functions));
  }
}
