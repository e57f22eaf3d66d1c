package dev.warden.flink;

import com.google.auto.service.AutoService;
import dev.warden.logs.EventActions;
import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailProblem;
import dev.warden.logs.TrailScan;
import dev.warden.logs.detect.AnalysisEngine;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.detect.Thresholds;
import dev.warden.logs.detect.TrailAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * {@code --engine flink}: the job on an embedded local Flink environment (a mini cluster in this
 * process, one task slot per thread), its results collected back.
 */
@AutoService(AnalysisEngine.class)
public final class FlinkEngine implements AnalysisEngine {

  @Override
  public String name() {
    return "flink";
  }

  @Override
  public TrailAnalysis.Result run(
      List<TrailInput> inputs,
      int threads,
      TrailFilter filter,
      Thresholds thresholds,
      boolean usage,
      TrailScan.Progress progress)
      throws Exception {
    List<String> paths = new ArrayList<>();
    for (TrailInput input : inputs) {
      if (input.name().equals(TrailInput.STDIN)) {
        throw new IllegalArgumentException(
            "the flink engine reads files and folders, not standard input");
      }
      paths.add(input.path().toAbsolutePath().toString());
    }
    if (paths.isEmpty()) {
      return TrailAnalysis.run(inputs, threads, filter, thresholds, usage, progress);
    }
    Configuration configuration = new Configuration();
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(threads, configuration);
    TrailJob.Pipeline pipeline =
        TrailJob.pipeline(
            TrailJob.files(env, paths, thresholds.millis("lateness")),
            filter,
            thresholds,
            UsageWindow.WHOLE_INPUT);
    CloseableIterator<Detection> detections = pipeline.detections().collectAsync();
    CloseableIterator<UsageWindow> mined = usage ? pipeline.usage().collectAsync() : null;
    JobExecutionResult result = env.execute("warden logs analyze --engine flink");
    List<Detection> found = new ArrayList<>();
    detections.forEachRemaining(found::add);
    detections.close();
    found.sort(Detection.ORDER);
    Optional<PermissionUsage> merged = Optional.empty();
    if (mined != null) {
      PermissionUsage all = new PermissionUsage(EventActions.bundled());
      mined.forEachRemaining(part -> all.merge(part.usage()));
      mined.close();
      merged = Optional.of(all);
    }
    List<TrailProblem> problems = new ArrayList<>();
    List<String> listed = result.getAccumulatorResult(Reading.PROBLEM_LIST);
    if (listed != null) {
      for (String line : listed) {
        String[] parts = line.split("\t", 3);
        problems.add(new TrailProblem(parts[0], Long.parseLong(parts[1]), parts[2]));
      }
    }
    problems.sort(
        java.util.Comparator.comparing(TrailProblem::file).thenComparingLong(TrailProblem::line));
    long events = counter(result, Reading.EVENTS) - counter(result, Dedup.DUPLICATES);
    progress.read(paths.size(), paths.size(), events);
    TrailScan.Result<String> read =
        new TrailScan.Result<>(
            name(),
            paths.size(),
            events,
            counter(result, Reading.SKIPPED),
            counter(result, Dedup.DUPLICATES),
            counter(result, Reading.PROBLEMS),
            problems.size() > TrailScan.KEPT_PROBLEMS
                ? problems.subList(0, TrailScan.KEPT_PROBLEMS)
                : problems);
    return new TrailAnalysis.Result(merged, found, counter(result, Detect.LATE), read);
  }

  private static long counter(JobExecutionResult result, String name) {
    Long value = result.getAccumulatorResult(name);
    return value == null ? 0 : value;
  }
}
