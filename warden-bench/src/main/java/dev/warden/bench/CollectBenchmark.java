package dev.warden.bench;

import dev.warden.aws.AwsCollector;
import dev.warden.aws.CollectOptions;
import dev.warden.aws.FakeAccount;
import dev.warden.aws.FakeAws;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code warden collect aws} on a simulated account: {@link FakeAccount#generated} with the given
 * functions per region in four regions (each with two published versions and an alias; every fifth
 * triggered by its own S3 bucket, every twentieth behind a public URL), served by {@link FakeAws}
 * with a fixed latency per call, through the real SDK clients. Prints the wall time, the calls made
 * in total and per function, and then the time {@code warden scan} takes on the snapshot. The
 * issue's target: 2,000 functions in 4 regions at 50 ms per call within 60 s.
 *
 * <p>Run: {@code java -cp warden-bench/target/benchmarks.jar dev.warden.bench.CollectBenchmark
 * [functions per region, 500] [latency ms, 50] [concurrency, the collector's default]}.
 */
public final class CollectBenchmark {

  private CollectBenchmark() {}

  public static void main(String[] args) throws Exception {
    int perRegion = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int latency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int concurrency =
        args.length > 2 ? Integer.parseInt(args[2]) : CollectOptions.DEFAULT_CONCURRENCY;
    List<String> regions = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");
    System.setProperty("aws.accessKeyId", "AKIAWARDENBENCH");
    System.setProperty("aws.secretAccessKey", "bench-secret");
    FakeAccount account = FakeAccount.generated(regions, perRegion);
    Path output = Files.createTempDirectory("warden-collect-bench").resolve("snapshot");
    try (FakeAws aws = new FakeAws(account, Duration.ofMillis(latency))) {
      long start = System.nanoTime();
      AwsCollector.Result result =
          AwsCollector.collect(
              new CollectOptions(
                  regions,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(aws.endpoint()),
                  output,
                  false,
                  concurrency,
                  line -> {}));
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Long> byOperation = new TreeMap<>();
      aws.requests().forEach(r -> byOperation.merge(r.operation(), 1L, Long::sum));
      System.out.printf(
          Locale.ROOT,
          "%d functions in %d regions, %d ms per call, %d calls in flight at most%n",
          result.functions(),
          regions.size(),
          latency,
          concurrency);
      System.out.printf(
          Locale.ROOT,
          "collected in %.1f s: %d calls (%.2f per function), %d HTTP attempts, %d failures%n",
          seconds,
          result.calls(),
          result.calls() / (double) result.functions(),
          result.attempts(),
          result.failures());
      byOperation.forEach((op, n) -> System.out.printf(Locale.ROOT, "  %-36s %6d%n", op, n));
      long scanStart = System.nanoTime();
      ScanResult scan = Scan.run(ScanRequest.of(output), Clock.systemUTC());
      System.out.printf(
          Locale.ROOT,
          "warden scan of the snapshot: %.1f s, %d functions, %d findings%n",
          (System.nanoTime() - scanStart) / 1e9,
          scan.inventory().functions().count(),
          scan.findings().size());
    } finally {
      deleteTree(output.getParent());
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
