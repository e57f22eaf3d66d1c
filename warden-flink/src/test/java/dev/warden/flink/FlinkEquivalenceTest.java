package dev.warden.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.logs.EventActions;
import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailScan;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.detect.Thresholds;
import dev.warden.logs.detect.TrailAnalysis;
import dev.warden.logs.simulate.TrailSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink job finds exactly what the local engine finds, on a simulated account's CloudTrail (all
 * six kinds of attack, their look-alikes, files read in parallel), and mines the same usage.
 */
class FlinkEquivalenceTest {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusters.twoSlots();

  @TempDir static Path folder;

  static List<TrailInput> inputs;
  static TrailAnalysis.Result local;

  @BeforeAll
  static void simulateAndRunLocally() throws Exception {
    simulate(folder);
  }

  /** A simulated account's trail in {@code folder}, and what the local engine finds in it. */
  static void simulate(Path folder) throws Exception {
    Path trail = folder.resolve("trail");
    new TrailSimulator(new TrailSimulator.Settings(11, 16, 3, 30, true)).writeTrail(trail, 2000);
    inputs = TrailInput.of(List.of(trail.toString()));
    local =
        TrailAnalysis.run(
            inputs, 2, TrailFilter.all(), Thresholds.defaults(), true, TrailScan.Progress.NONE);
  }

  @Test
  void theJobOnAMiniClusterFindsExactlyWhatTheLocalEngineFinds() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<String> paths = new ArrayList<>();
    inputs.forEach(i -> paths.add(i.path().toString()));
    TrailJob.Pipeline pipeline =
        TrailJob.pipeline(
            TrailJob.files(env, paths, Thresholds.defaults().millis("lateness")),
            TrailFilter.all(),
            Thresholds.defaults(),
            UsageWindow.WHOLE_INPUT);
    CloseableIterator<Detection> detections = pipeline.detections().collectAsync();
    CloseableIterator<UsageWindow> usage = pipeline.usage().collectAsync();
    env.execute("equivalence");
    List<Detection> found = new ArrayList<>();
    detections.forEachRemaining(found::add);
    found.sort(Detection.ORDER);
    PermissionUsage mined = new PermissionUsage(EventActions.bundled());
    usage.forEachRemaining(part -> mined.merge(part.usage()));

    assertThat(local.detections())
        .extracting(Detection::type)
        .contains(
            "groundhog-day",
            "credential-exfiltration",
            "privilege-escalation",
            "recon",
            "new-api",
            "denial-of-wallet");
    assertThat(local.late()).isZero();
    assertThat(found).isEqualTo(local.detections());
    assertThat(found).hasSizeGreaterThanOrEqualTo(10);
    assertThat(mined.toJson()).isEqualTo(local.usage().orElseThrow().toJson());
  }
}
