package dev.warden.bench;

import dev.warden.inventory.App;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.leastpriv.GeneratedPolicy;
import dev.warden.leastpriv.LeastPrivilege;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.ScanRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end for issue 5: the least-privilege policy of every function of an app of 1,000 Python
 * functions, each with its own handler of about 330 lines ({@link HandlerCorpus}) and a local
 * helper module it imports — reading the files from disk, walking each module graph, mapping the
 * calls, scoping them to the template's resources and comparing with the role. One function's
 * module graph at a time, on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC", "-XX:ParallelGCThreads=1"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PolicyGenerationBenchmark {

  static final int FUNCTIONS = 1000;

  /** The local module every handler imports: one more file of its module graph. */
  private static final String HELPERS =
      """
      import os
      import boto3

      events = boto3.client("events")


      def audit(detail):
          events.put_events(Entries=[{"Source": "app", "Detail": detail}])
      """;

  private Path folder;
  private App app;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    folder = Files.createTempDirectory("warden-policy-bench");
    StringBuilder template = new StringBuilder();
    template.append("Transform: AWS::Serverless-2016-10-31\nResources:\n");
    for (int r = 0; r < 20; r++) {
      template.append("  Table").append(r).append(":\n    Type: AWS::DynamoDB::Table\n");
      template.append("    Properties: {TableName: table-").append(r).append("}\n");
      template.append("  Bucket").append(r).append(":\n    Type: AWS::S3::Bucket\n");
      template.append("    Properties: {BucketName: bucket-").append(r).append("}\n");
      template.append("  Queue").append(r).append(":\n    Type: AWS::SQS::Queue\n");
      template.append("  Topic").append(r).append(":\n    Type: AWS::SNS::Topic\n");
    }
    long lines = 0;
    for (int i = 0; i < FUNCTIONS; i++) {
      Path code = Files.createDirectories(folder.resolve("src/fn" + i));
      String handler = "import helpers\n" + HandlerCorpus.handler(i);
      Files.writeString(code.resolve("app.py"), handler);
      Files.writeString(code.resolve("helpers.py"), HELPERS);
      lines += handler.lines().count() + 8;
      int r = i % 20;
      template
          .append("  Fn")
          .append(i)
          .append(":\n    Type: AWS::Serverless::Function\n    Properties:\n")
          .append("      Runtime: python3.12\n      Handler: app.handler\n")
          .append("      CodeUri: src/fn")
          .append(i)
          .append("/\n      Environment:\n        Variables:\n")
          .append("          BUCKET: !Ref Bucket")
          .append(r)
          .append("\n          QUEUE: !Ref Queue")
          .append(r)
          .append("\n          TABLE: !Ref Table")
          .append(r)
          .append("\n          TOPIC: !Ref Topic")
          .append(r)
          .append("\n          SECRET: app/secret-")
          .append(r)
          .append("\n      Policies:\n        - DynamoDBCrudPolicy: {TableName: !Ref Table")
          .append(r)
          .append("}\n        - S3CrudPolicy: {BucketName: !Ref Bucket")
          .append(r)
          .append("}\n");
    }
    Files.writeString(folder.resolve("template.yaml"), template);
    Inventory inventory = new InventoryLoader(ScanRequest.of(folder)).load();
    app = inventory.apps().get(0);
    System.out.printf(
        "%n%d functions, %,d lines of code in %d files%n", FUNCTIONS, lines, 2 * FUNCTIONS);
  }

  @Benchmark
  public int policiesOfThousandFunctions() {
    LeastPrivilege leastPrivilege = new LeastPrivilege();
    int statements = 0;
    for (ServerlessFunction function : app.functions()) {
      GeneratedPolicy policy = leastPrivilege.of(folder, function, app);
      statements += policy.statements().size();
    }
    return statements;
  }
}
