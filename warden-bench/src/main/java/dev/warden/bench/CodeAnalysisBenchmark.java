package dev.warden.bench;

import dev.warden.code.python.Boto3Reader;
import dev.warden.code.python.PythonInjections;
import java.util.ArrayList;
import java.util.List;
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
 * Code analysis of 1,000 generated Python handlers of about 300 lines: the boto3 calls and the
 * event flows of each module, one module at a time, on one thread.
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
public class CodeAnalysisBenchmark {

  private final List<String> handlers = new ArrayList<>();

  @Setup(Level.Trial)
  public void generate() {
    long bytes = 0;
    long lines = 0;
    for (int i = 0; i < 1000; i++) {
      String handler = HandlerCorpus.handler(i);
      handlers.add(handler);
      bytes += handler.length();
      lines += handler.lines().count();
    }
    System.out.printf("%n1,000 handlers: %,d lines, %,d bytes%n", lines, bytes);
  }

  @Benchmark
  public int analyseThousandHandlers() {
    int found = 0;
    for (int i = 0; i < handlers.size(); i++) {
      String file = "h" + i + ".py";
      found += Boto3Reader.read(file, handlers.get(i)).size();
      found += PythonInjections.find(file, handlers.get(i)).size();
    }
    return found;
  }
}
