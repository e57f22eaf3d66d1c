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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * The ratio of Warden's load rate to SnakeYAML Engine's parse rate, measured so that machine noise
 * cancels: every template is parsed by SnakeYAML and loaded by Warden back to back, in the same
 * round, on one thread, and the ratio of the summed times is taken per round. Prints the median and
 * the spread over rounds, after warm-up rounds.
 *
 * <p>{@code java -Xms4g -Xmx4g -XX:+UseParallelGC -cp warden-bench/target/benchmarks.jar
 * dev.warden.bench.LoadRatio [ROUNDS] [TEMPLATES]}
 */
public final class LoadRatio {

  private LoadRatio() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    List<String> corpus = TemplateCorpus.generate(count, 10, 300, TemplateCorpus.SEED);
    long bytes = 0;
    for (String template : corpus) {
      bytes += template.getBytes(StandardCharsets.UTF_8).length;
    }
    Path root = Files.createTempDirectory("warden-ratio");
    Path path = Files.writeString(root.resolve("template.yaml"), corpus.get(0));
    ScanRoot scanRoot = ScanRoot.of(root);
    DocumentReader reader = new DocumentReader(ReadLimits.DEFAULT);
    CloudFormationLoader loader = new CloudFormationLoader(reader, AwsManagedPolicies.bundled());
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();

    List<double[]> results = new ArrayList<>();
    long sink = 0;
    int warmup = Math.max(3, rounds / 3);
    for (int round = 0; round < warmup + rounds; round++) {
      long parse = 0;
      long compose = 0;
      long load = 0;
      long read = 0;
      for (String template : corpus) {
        long t0 = System.nanoTime();
        for (Event event : new Parse(settings).parseString(template)) {
          sink += event.getEventId().hashCode() & 1;
        }
        long t1 = System.nanoTime();
        sink += new Compose(settings).composeString(template).isPresent() ? 1 : 0;
        long t2 = System.nanoTime();
        Document document = reader.parse(new SourceFile("template.yaml", template));
        long t3 = System.nanoTime();
        sink += loader.load(scanRoot, path, document, Map.of()).apps().size();
        long t4 = System.nanoTime();
        parse += t1 - t0;
        compose += t2 - t1;
        read += t3 - t2;
        load += t4 - t2;
      }
      if (round >= warmup) {
        results.add(new double[] {parse, compose, load, read});
      }
    }
    double mb = bytes / 1e6;
    System.out.printf(
        Locale.ROOT,
        "corpus: %d templates, %.1f MB; %d rounds after %d warm-up rounds (checksum %d)%n",
        count,
        mb,
        rounds,
        warmup,
        sink % 10);
    report("SnakeYAML parse (events)", column(results, 0), mb);
    report("SnakeYAML compose (node tree)", column(results, 1), mb);
    report("Warden read (value tree only)", column(results, 3), mb);
    report("Warden load (into the inventory)", column(results, 2), mb);
    ratio("load rate / parse rate", results, 0);
    ratio("load rate / compose rate", results, 1);
  }

  private static List<Double> column(List<double[]> results, int index) {
    List<Double> values = new ArrayList<>();
    for (double[] result : results) {
      values.add(result[index]);
    }
    return values;
  }

  private static void report(String name, List<Double> nanos, double mb) {
    List<Double> rates = new ArrayList<>();
    for (double value : nanos) {
      rates.add(mb / (value / 1e9));
    }
    Collections.sort(rates);
    System.out.printf(
        Locale.ROOT,
        "%-34s median %6.1f MB/s (min %.1f, max %.1f)%n",
        name,
        rates.get(rates.size() / 2),
        rates.get(0),
        rates.get(rates.size() - 1));
  }

  private static void ratio(String name, List<double[]> results, int against) {
    List<Double> ratios = new ArrayList<>();
    for (double[] result : results) {
      ratios.add(result[against] / result[2]);
    }
    Collections.sort(ratios);
    System.out.printf(
        Locale.ROOT,
        "%-34s median %5.1f%% (10th percentile %.1f%%, 90th %.1f%%)%n",
        name,
        100 * ratios.get(ratios.size() / 2),
        100 * ratios.get(ratios.size() / 10),
        100 * ratios.get(ratios.size() * 9 / 10));
  }
}
