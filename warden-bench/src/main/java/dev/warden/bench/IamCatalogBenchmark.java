package dev.warden.bench;

import dev.warden.iam.EffectivePermissions;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PolicyDocument;
import dev.warden.iam.PolicyParser;
import dev.warden.iam.PolicyType;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The IAM catalog: reading the bundled file (455 services, 21,996 actions) and expanding a policy
 * over every action of it, {@code "Action": "*"} and {@code "NotAction": "iam:*"}, on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class IamCatalogBenchmark {

  private IamCatalog catalog;
  private PolicyDocument everything;
  private PolicyDocument allButIam;

  @Setup
  public void setUp() {
    catalog = IamCatalog.bundled();
    everything =
        policy(
            """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
            """);
    allButIam =
        policy(
            """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}
            """);
  }

  static PolicyDocument policy(String text) {
    return PolicyParser.parse(
            new DocumentReader(ReadLimits.DEFAULT).parse(new SourceFile("p.json", text)).root(),
            PolicyType.IDENTITY)
        .document();
  }

  @Benchmark
  public Object loadCatalog() {
    return IamCatalog.load();
  }

  @Benchmark
  public Object expandActionStar() {
    return new EffectivePermissions(catalog, List.of(everything), Optional.empty()).expand();
  }

  @Benchmark
  public Object expandNotActionIam() {
    return new EffectivePermissions(catalog, List.of(allButIam), Optional.empty()).expand();
  }
}
