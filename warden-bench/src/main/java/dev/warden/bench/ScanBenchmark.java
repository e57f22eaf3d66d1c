package dev.warden.bench;

import dev.warden.report.json.JsonReportWriter;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole scan of one app — load, every rule, the risk scores, the JSON report — for apps of 100,
 * 1,000 and 10,000 functions, on one core (the rule engine's parallelism is set to 1; run it under
 * {@code taskset -c 0} too).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms4g",
      "-Xmx4g",
      "-XX:+UseParallelGC",
      "-XX:ParallelGCThreads=1",
      "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1"
    })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ScanBenchmark {

  @Param({"100", "1000", "10000"})
  public int functions;

  private Path folder;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    folder = Files.createTempDirectory("warden-scan-bench");
    String app = ServerlessAppCorpus.app(functions);
    Files.writeString(folder.resolve("template.yaml"), app);
    System.out.printf("%n%d functions: %,d bytes%n", functions, app.length());
  }

  @Benchmark
  public long scanAndReport() throws IOException {
    ScanResult result = Scan.run(ScanRequest.of(folder));
    CountingWriter out = new CountingWriter();
    new JsonReportWriter().writeReport(result, out);
    return out.count;
  }

  /** Counts what the report would write, without keeping it. */
  static final class CountingWriter extends Writer {
    long count;

    @Override
    public void write(char[] buffer, int offset, int length) {
      count += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
