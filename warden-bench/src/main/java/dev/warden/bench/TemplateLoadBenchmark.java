package dev.warden.bench;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.document.SourceFile;
import dev.warden.inventory.sam.CloudFormationLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * Loading SAM templates into the inventory, against SnakeYAML Engine's own parse of the same bytes,
 * on one core, warm. One operation is the whole corpus of 1,000 generated templates (10 to 300
 * resources each); MB/s is the corpus size over the time of one operation.
 *
 * <ul>
 *   <li>{@code snakeYamlParse}: SnakeYAML Engine's parser events, consumed and nothing built;
 *   <li>{@code snakeYamlCompose}: SnakeYAML Engine's node tree;
 *   <li>{@code wardenRead}: Warden's located value tree (parser events, tags to intrinsics);
 *   <li>{@code wardenLoad}: the above plus the whole CloudFormation/SAM load into the inventory.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class TemplateLoadBenchmark {

  private List<String> corpus;
  private Path root;
  private ScanRoot scanRoot;
  private Path templatePath;
  private DocumentReader reader;
  private CloudFormationLoader loader;
  private LoadSettings settings;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    corpus = TemplateCorpus.generate(1000, 10, 300, TemplateCorpus.SEED);
    long bytes = corpus.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf("%ncorpus: %d templates, %d bytes%n", corpus.size(), bytes);
    root = Files.createTempDirectory("warden-bench");
    templatePath = Files.writeString(root.resolve("template.yaml"), corpus.get(0));
    scanRoot = ScanRoot.of(root);
    reader = new DocumentReader(ReadLimits.DEFAULT);
    loader = new CloudFormationLoader(reader, AwsManagedPolicies.bundled());
    settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
  }

  @Benchmark
  public void snakeYamlParse(Blackhole sink) {
    for (String template : corpus) {
      for (Event event : new Parse(settings).parseString(template)) {
        sink.consume(event);
      }
    }
  }

  @Benchmark
  public void snakeYamlCompose(Blackhole sink) {
    for (String template : corpus) {
      sink.consume(new Compose(settings).composeString(template));
    }
  }

  @Benchmark
  public void wardenRead(Blackhole sink) {
    for (String template : corpus) {
      sink.consume(reader.parse(new SourceFile("template.yaml", template)));
    }
  }

  @Benchmark
  public void wardenLoad(Blackhole sink) {
    for (String template : corpus) {
      Document document = reader.parse(new SourceFile("template.yaml", template));
      sink.consume(loader.load(scanRoot, templatePath, document, Map.of()));
    }
  }
}
