package dev.warden.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailScan;
import dev.warden.logs.detect.AnalysisEngine;
import dev.warden.logs.detect.Thresholds;
import dev.warden.logs.detect.TrailAnalysis;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine flink}: the job on an embedded local environment, found on the class path. */
class FlinkEngineTest {

  @Test
  void theEmbeddedEngineGivesWhatTheLocalEngineGives(@TempDir Path folder) throws Exception {
    FlinkEquivalenceTest.simulate(folder);
    AnalysisEngine flink = AnalysisEngine.named("flink").orElseThrow();

    TrailAnalysis.Result result =
        flink.run(
            FlinkEquivalenceTest.inputs,
            2,
            TrailFilter.all(),
            Thresholds.defaults(),
            false,
            TrailScan.Progress.NONE);

    assertThat(result.detections()).isEqualTo(FlinkEquivalenceTest.local.detections());
    assertThat(result.read().events()).isEqualTo(FlinkEquivalenceTest.local.read().events());
    assertThat(result.read().files()).isEqualTo(FlinkEquivalenceTest.inputs.size());
    assertThat(result.late()).isZero();
  }
}
