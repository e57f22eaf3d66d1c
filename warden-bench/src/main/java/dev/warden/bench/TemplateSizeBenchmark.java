package dev.warden.bench;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.document.SourceFile;
import dev.warden.inventory.sam.CloudFormationLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
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

/** How loading one template grows with its size: 10, 100, 1,000 and 3,000 resources. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TemplateSizeBenchmark {

  @Param({"10", "100", "1000", "3000"})
  public int resources;

  private String template;
  private Path templatePath;
  private ScanRoot scanRoot;
  private DocumentReader reader;
  private CloudFormationLoader loader;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    template = TemplateCorpus.template(0, resources, new SplittableRandom(TemplateCorpus.SEED));
    Path root = Files.createTempDirectory("warden-bench");
    templatePath = Files.writeString(root.resolve("template.yaml"), template);
    scanRoot = ScanRoot.of(root);
    reader = new DocumentReader(new ReadLimits(64L << 20, 200, 10_000_000));
    loader = new CloudFormationLoader(reader, AwsManagedPolicies.bundled());
    System.out.printf("%n%d resources: %d bytes%n", resources, template.length());
  }

  @Benchmark
  public Object load() {
    return loader.load(
        scanRoot, templatePath, reader.parse(new SourceFile("template.yaml", template)), Map.of());
  }
}
