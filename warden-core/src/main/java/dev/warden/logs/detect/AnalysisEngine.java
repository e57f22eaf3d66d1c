package dev.warden.logs.detect;

import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailScan;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Something that runs the detectors (and the usage miner) over audit logs: the local engine in this
 * module, or another found on the class path ({@code warden-flink} brings {@code flink}). Every
 * engine must find the same detections in the same input.
 */
public interface AnalysisEngine {

  /** The name {@code --engine} takes. */
  String name();

  /** Runs every detector over the inputs, and mines usage when asked. */
  TrailAnalysis.Result run(
      List<TrailInput> inputs,
      int threads,
      TrailFilter filter,
      Thresholds thresholds,
      boolean usage,
      TrailScan.Progress progress)
      throws Exception;

  /** The local engine: all cores of this machine. */
  AnalysisEngine LOCAL =
      new AnalysisEngine() {
        @Override
        public String name() {
          return "local";
        }

        @Override
        public TrailAnalysis.Result run(
            List<TrailInput> inputs,
            int threads,
            TrailFilter filter,
            Thresholds thresholds,
            boolean usage,
            TrailScan.Progress progress)
            throws InterruptedException {
          return TrailAnalysis.run(inputs, threads, filter, thresholds, usage, progress);
        }
      };

  /** The engine of that name: the local one, or one on the class path. */
  static Optional<AnalysisEngine> named(String name) {
    if (name.equals(LOCAL.name())) {
      return Optional.of(LOCAL);
    }
    for (AnalysisEngine engine :
        ServiceLoader.load(AnalysisEngine.class, AnalysisEngine.class.getClassLoader())) {
      if (engine.name().equals(name)) {
        return Optional.of(engine);
      }
    }
    return Optional.empty();
  }
}
