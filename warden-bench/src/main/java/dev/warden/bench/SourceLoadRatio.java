package dev.warden.bench;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.document.SourceFile;
import dev.warden.inventory.sam.CloudFormationLoader;
import dev.warden.inventory.serverless.ServerlessLoader;
import dev.warden.inventory.serverless.ServerlessVariables;
import dev.warden.inventory.terraform.TerraformLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Serverless Framework loader's cost per function against the CloudFormation loader's, on the
 * same service written both ways: a {@code serverless.yml} (variables, provider defaults, events)
 * and the SAM template with the same functions, events and shared role. Both are read from text and
 * loaded back to back in each round, on one thread, so that machine noise cancels; prints the
 * median time per function and the ratio over rounds, after warm-up rounds, for each size.
 *
 * <p>{@code java -XX:+UseParallelGC -cp warden-bench/target/benchmarks.jar
 * dev.warden.bench.ServerlessLoadRatio [ROUNDS]}
 */
public final class SourceLoadRatio {

  private SourceLoadRatio() {}

  /** A service of {@code functions} functions, each with an http and a queue event. */
  static String serverless(int functions) {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        service: bench
        custom:
          memory: 512
          queue: arn:aws:sqs:eu-west-1:123456789012:jobs
        provider:
          name: aws
          runtime: python3.12
          stage: ${opt:stage, 'dev'}
          memorySize: ${self:custom.memory}
          environment:
            STAGE: ${sls:stage}
            TABLE: ${self:service}-${sls:stage}-items
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: [dynamodb:GetItem, dynamodb:PutItem]
                  Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/${self:service}-${sls:stage}-items
        functions:
        """);
    for (int i = 0; i < functions; i++) {
      out.append("  fn").append(i).append(":\n");
      out.append("    handler: src/fn").append(i).append(".handler\n");
      out.append("    timeout: 10\n");
      out.append("    events:\n");
      out.append("      - http:\n");
      out.append("          path: items/").append(i).append("/{id}\n");
      out.append("          method: get\n");
      out.append("      - sqs:\n");
      out.append("          arn: ${self:custom.queue}\n");
      out.append("          batchSize: 10\n");
    }
    return out.toString();
  }

  /** The same service as the JSON of a Terraform plan. */
  static String terraform(int functions) {
    StringBuilder planned = new StringBuilder();
    StringBuilder config = new StringBuilder();
    String assume =
        "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
            + "\\\"Principal\\\":{\\\"Service\\\":\\\"lambda.amazonaws.com\\\"},\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}";
    String policy =
        "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
            + "\\\"Action\\\":[\\\"dynamodb:GetItem\\\",\\\"dynamodb:PutItem\\\"],"
            + "\\\"Resource\\\":\\\"arn:aws:dynamodb:eu-west-1:123456789012:table/bench-dev-items\\\"}]}";
    planned.append(
        resource(
            "aws_iam_role.lambda",
            "aws_iam_role",
            "{\"name\":\"bench\",\"assume_role_policy\":\"" + assume + "\"}"));
    planned
        .append(",")
        .append(
            resource(
                "aws_iam_role_policy.data",
                "aws_iam_role_policy",
                "{\"name\":\"data\",\"policy\":\"" + policy + "\"}"));
    planned
        .append(",")
        .append(
            resource(
                "aws_apigatewayv2_api.http",
                "aws_apigatewayv2_api",
                "{\"name\":\"bench\",\"protocol_type\":\"HTTP\"}"));
    config.append(
        expressions("aws_iam_role_policy.data", "\"role\":" + refs("aws_iam_role.lambda.id")));
    for (int i = 0; i < functions; i++) {
      String fn = "aws_lambda_function.fn" + i;
      planned
          .append(",")
          .append(
              resource(
                  fn,
                  "aws_lambda_function",
                  "{\"function_name\":\"bench-dev-fn"
                      + i
                      + "\",\"runtime\":\"python3.12\",\"handler\":\"src/fn"
                      + i
                      + ".handler\",\"memory_size\":512,\"timeout\":10,\"filename\":\"fn.zip\","
                      + "\"environment\":[{\"variables\":{\"STAGE\":\"dev\",\"TABLE\":\"bench-dev-items\"}}]}"));
      planned
          .append(",")
          .append(
              resource(
                  "aws_apigatewayv2_integration.fn" + i,
                  "aws_apigatewayv2_integration",
                  "{\"integration_type\":\"AWS_PROXY\"}"));
      planned
          .append(",")
          .append(
              resource(
                  "aws_apigatewayv2_route.fn" + i,
                  "aws_apigatewayv2_route",
                  "{\"route_key\":\"GET /items/" + i + "/{id}\",\"authorization_type\":\"NONE\"}"));
      planned
          .append(",")
          .append(
              resource(
                  "aws_lambda_permission.fn" + i,
                  "aws_lambda_permission",
                  "{\"action\":\"lambda:InvokeFunction\",\"principal\":\"apigateway.amazonaws.com\"}"));
      planned
          .append(",")
          .append(
              resource(
                  "aws_lambda_event_source_mapping.fn" + i,
                  "aws_lambda_event_source_mapping",
                  "{\"event_source_arn\":\"arn:aws:sqs:eu-west-1:123456789012:jobs\",\"batch_size\":10}"));
      config.append(",").append(expressions(fn, "\"role\":" + refs("aws_iam_role.lambda.arn")));
      config
          .append(",")
          .append(
              expressions(
                  "aws_apigatewayv2_integration.fn" + i,
                  "\"api_id\":"
                      + refs("aws_apigatewayv2_api.http.id")
                      + ",\"integration_uri\":"
                      + refs(fn + ".invoke_arn")));
      config
          .append(",")
          .append(
              expressions(
                  "aws_apigatewayv2_route.fn" + i,
                  "\"api_id\":"
                      + refs("aws_apigatewayv2_api.http.id")
                      + ",\"target\":"
                      + refs("aws_apigatewayv2_integration.fn" + i + ".id")));
      config
          .append(",")
          .append(
              expressions(
                  "aws_lambda_permission.fn" + i,
                  "\"function_name\":" + refs(fn + ".function_name")));
      config
          .append(",")
          .append(
              expressions(
                  "aws_lambda_event_source_mapping.fn" + i,
                  "\"function_name\":" + refs(fn + ".arn")));
    }
    return "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.8\",\"planned_values\":{\"root_module\":{\"resources\":["
        + planned
        + "]}},\"configuration\":{\"root_module\":{\"resources\":["
        + config
        + "]}}}";
  }

  private static String resource(String address, String type, String values) {
    return "\n{\"address\":\""
        + address
        + "\",\"mode\":\"managed\",\"type\":\""
        + type
        + "\",\"name\":\"x\",\"values\":"
        + values
        + "}";
  }

  private static String expressions(String address, String expressions) {
    return "\n{\"address\":\"" + address + "\",\"expressions\":{" + expressions + "}}";
  }

  private static String refs(String reference) {
    String resource = reference.substring(0, reference.lastIndexOf('.'));
    return "{\"references\":[\"" + reference + "\",\"" + resource + "\"]}";
  }

  /** The same service as a SAM template. */
  static String sam(int functions) {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: bench
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [dynamodb:GetItem, dynamodb:PutItem]
                        Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/bench-dev-items
                      - Effect: Allow
                        Action: [sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes]
                        Resource: arn:aws:sqs:eu-west-1:123456789012:jobs
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: dev
        """);
    for (int i = 0; i < functions; i++) {
      out.append("  Fn").append(i).append(":\n");
      out.append("    Type: AWS::Serverless::Function\n");
      out.append("    Properties:\n");
      out.append("      FunctionName: bench-dev-fn").append(i).append("\n");
      out.append("      Handler: src/fn").append(i).append(".handler\n");
      out.append("      Runtime: python3.12\n");
      out.append("      CodeUri: .\n");
      out.append("      MemorySize: 512\n");
      out.append("      Timeout: 10\n");
      out.append("      Role: !GetAtt Role.Arn\n");
      out.append("      Environment:\n");
      out.append("        Variables: {STAGE: dev, TABLE: bench-dev-items}\n");
      out.append("      Events:\n");
      out.append("        Http:\n");
      out.append("          Type: Api\n");
      out.append("          Properties: {Path: \"/items/")
          .append(i)
          .append("/{id}\", Method: get, RestApiId: !Ref Api}\n");
      out.append("        Queue:\n");
      out.append("          Type: SQS\n");
      out.append(
          "          Properties: {Queue: arn:aws:sqs:eu-west-1:123456789012:jobs, BatchSize: 10}\n");
    }
    return out.toString();
  }

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path root = Files.createTempDirectory("warden-serverless-ratio");
    Path serverlessFile = root.resolve("serverless.yml");
    Path samFile = root.resolve("template.yaml");
    Path planFile = root.resolve("plan.json");
    ScanRoot scanRoot = ScanRoot.of(root);
    DocumentReader reader = new DocumentReader(ReadLimits.DEFAULT);
    CloudFormationLoader cloudFormation =
        new CloudFormationLoader(reader, AwsManagedPolicies.bundled());
    ServerlessLoader serverless = new ServerlessLoader(reader, cloudFormation);
    TerraformLoader terraform = new TerraformLoader(cloudFormation);
    System.out.println(
        "functions  serverless µs/fn  terraform µs/fn  SAM µs/fn  serverless/SAM  terraform/SAM"
            + " (median, min-max over rounds)");
    long sink = 0;
    for (int functions : new int[] {10, 100, 1000}) {
      String serverlessText = serverless(functions);
      String samText = sam(functions);
      String planText = terraform(functions);
      Files.writeString(planFile, planText);
      Files.writeString(serverlessFile, serverlessText);
      Files.writeString(samFile, samText);
      List<double[]> results = new ArrayList<>();
      int warmup = Math.max(3, rounds / 3);
      int repeat = Math.max(1, 1000 / functions);
      for (int round = 0; round < warmup + rounds; round++) {
        long serverlessNanos = 0;
        long samNanos = 0;
        long terraformNanos = 0;
        for (int r = 0; r < repeat; r++) {
          long t0 = System.nanoTime();
          Document one = reader.parse(new SourceFile("serverless.yml", serverlessText));
          sink +=
              serverless
                  .load(scanRoot, serverlessFile, one, ServerlessVariables.Options.none())
                  .apps()
                  .get(0)
                  .functions()
                  .size();
          long t1 = System.nanoTime();
          Document other = reader.parse(new SourceFile("template.yaml", samText));
          sink +=
              cloudFormation
                  .load(scanRoot, samFile, other, Map.of())
                  .apps()
                  .get(0)
                  .functions()
                  .size();
          long t2 = System.nanoTime();
          Document plan = reader.parse(new SourceFile("plan.json", planText));
          sink += terraform.load(scanRoot, planFile, plan).apps().get(0).functions().size();
          long t3 = System.nanoTime();
          serverlessNanos += t1 - t0;
          samNanos += t2 - t1;
          terraformNanos += t3 - t2;
        }
        if (round >= warmup) {
          double perFunction = (double) functions * repeat;
          results.add(
              new double[] {
                serverlessNanos / perFunction / 1000,
                samNanos / perFunction / 1000,
                (double) serverlessNanos / samNanos,
                terraformNanos / perFunction / 1000,
                (double) terraformNanos / samNanos
              });
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%9d  %16.1f  %15.1f  %9.1f  %.2f (%.2f-%.2f)  %.2f (%.2f-%.2f)%n",
          functions,
          median(results, 0),
          median(results, 3),
          median(results, 1),
          median(results, 2),
          results.stream().mapToDouble(r -> r[2]).min().orElse(0),
          results.stream().mapToDouble(r -> r[2]).max().orElse(0),
          median(results, 4),
          results.stream().mapToDouble(r -> r[4]).min().orElse(0),
          results.stream().mapToDouble(r -> r[4]).max().orElse(0));
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static double median(List<double[]> results, int column) {
    List<Double> values = new ArrayList<>();
    results.forEach(r -> values.add(r[column]));
    Collections.sort(values);
    return values.get(values.size() / 2);
  }
}
