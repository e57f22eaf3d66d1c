package dev.warden.bench;

import dev.warden.logs.EventCounts;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailScan;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Counting gzipped CloudTrail by principal, eventSource and eventName ({@code warden logs stats}):
 * 20 files of 10,000 records each as CloudTrail delivers them ({@code Records} arrays), records of
 * the usual size and shape (role sessions from Lambda, user agents, request parameters, resources,
 * about 1.3 KB each), generated with a fixed seed. Reported per event, so that the score reads as
 * events per second with {@code -tu s -bm thrpt}; {@code threads} is the number of reading workers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class TrailReadingBenchmark {

  static final int FILES = 20;
  static final int RECORDS = 10_000;

  @Param({"1", "2"})
  public int threads;

  private List<TrailInput> inputs;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    Path folder = Files.createTempDirectory("warden-trail-bench");
    SplittableRandom random = new SplittableRandom(42);
    String[] services = {"dynamodb", "s3", "sqs", "secretsmanager", "kms", "sts", "lambda"};
    String[] calls = {
      "GetItem",
      "PutObject",
      "SendMessage",
      "GetSecretValue",
      "Decrypt",
      "GetCallerIdentity",
      "Invoke"
    };
    for (int f = 0; f < FILES; f++) {
      Path file =
          folder.resolve(String.format("111122223333_CloudTrail_eu-west-1_%02d.json.gz", f));
      try (OutputStream out = Files.newOutputStream(file);
          Writer writer =
              new java.io.OutputStreamWriter(
                  new GZIPOutputStream(out, 1 << 16), StandardCharsets.UTF_8)) {
        writer.write("{\"Records\":[");
        for (int i = 0; i < RECORDS; i++) {
          int s = random.nextInt(services.length);
          int function = random.nextInt(200);
          writer.write(i == 0 ? "\n" : ",\n");
          writer.write(
              "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE"
                  + function
                  + ":fn-"
                  + function
                  + "\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/fn-role-"
                  + function
                  + "/fn-"
                  + function
                  + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAEXAMPLE"
                  + function
                  + "\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLE"
                  + function
                  + "\",\"arn\":\"arn:aws:iam::111122223333:role/fn-role-"
                  + function
                  + "\",\"accountId\":\"111122223333\",\"userName\":\"fn-role-"
                  + function
                  + "\"},\"attributes\":{\"creationDate\":\"2026-11-20T01:00:00Z\",\"mfaAuthenticated\":\"false\"}}},"
                  + "\"eventTime\":\"2026-11-20T"
                  + String.format(
                      "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60))
                  + "Z\",\"eventSource\":\""
                  + services[s]
                  + ".amazonaws.com\",\"eventName\":\""
                  + calls[s]
                  + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"3.250."
                  + random.nextInt(256)
                  + "."
                  + random.nextInt(256)
                  + "\",\"userAgent\":\"Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#5.10.227 md/arch#x86_64"
                  + " lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy"
                  + " Botocore/1.34.0\",\"requestParameters\":{\"tableName\":\"orders-"
                  + function
                  + "\",\"key\":{\"id\":{\"S\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}},\"consistentRead\":false},"
                  + "\"responseElements\":null,\"requestID\":\"req-"
                  + f
                  + "-"
                  + i
                  + "\",\"eventID\":\"ev-"
                  + f
                  + "-"
                  + i
                  + "\",\"readOnly\":true,\"resources\":[{\"accountId\":\"111122223333\","
                  + "\"type\":\"AWS::DynamoDB::Table\",\"ARN\":\"arn:aws:dynamodb:eu-west-1:111122223333:table/orders-"
                  + function
                  + "\"}],\"eventType\":\"AwsApiCall\",\"managementEvent\":false,"
                  + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Data\","
                  + "\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\","
                  + "\"clientProvidedHostHeader\":\""
                  + services[s]
                  + ".eu-west-1.amazonaws.com\"}}");
        }
        writer.write("\n]}\n");
      }
    }
    inputs = TrailInput.of(List.of(folder.toString()));
  }

  @Benchmark
  @OperationsPerInvocation(FILES * RECORDS)
  public long countByPrincipalSourceAndName() throws InterruptedException {
    List<EventCounts.Key> keys =
        new ArrayList<>(
            List.of(
                EventCounts.Key.PRINCIPAL,
                EventCounts.Key.EVENT_SOURCE,
                EventCounts.Key.EVENT_NAME));
    TrailScan.Result<EventCounts> result =
        TrailScan.run(
            inputs,
            threads,
            e -> true,
            () -> new EventCounts(keys),
            EventCounts::add,
            EventCounts::merge,
            TrailScan.Progress.NONE);
    return result.events() + result.duplicates();
  }
}
