package dev.warden.logs.detect;

import dev.warden.logs.EventActions;
import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailEvent;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailScan;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One pass over audit logs on all cores that mines permission usage (one miner per reading thread,
 * merged) and runs every detector (one local engine behind a watermark, shared).
 */
public final class TrailAnalysis {

  /**
   * What the pass found.
   *
   * @param usage the permission usage, when asked for
   * @param detections every detection, in {@link Detection#ORDER}
   * @param late events that came behind the watermark and were left out of detection
   * @param read what was read and skipped
   */
  public record Result(
      Optional<PermissionUsage> usage,
      List<Detection> detections,
      long late,
      TrailScan.Result<?> read) {
    public Result {
      detections = List.copyOf(detections);
    }
  }

  /** What one reading thread holds. */
  private static final class Worker {
    final Optional<PermissionUsage> usage;
    final LocalDetection.Feed detection;

    Worker(boolean usage, LocalDetection detection) {
      this.usage =
          usage ? Optional.of(new PermissionUsage(EventActions.bundled())) : Optional.empty();
      this.detection = detection.feed();
    }

    void add(TrailEvent event) {
      usage.ifPresent(u -> u.add(event));
      detection.add(event);
    }

    Worker merge(Worker other) {
      other.usage.ifPresent(u -> usage.ifPresent(mine -> mine.merge(u)));
      return this;
    }
  }

  private TrailAnalysis() {}

  /** Reads every input with {@code threads} threads, keeping the events {@code filter} keeps. */
  public static Result run(
      List<TrailInput> inputs,
      int threads,
      Predicate<TrailEvent> filter,
      Thresholds thresholds,
      boolean withUsage,
      TrailScan.Progress progress)
      throws InterruptedException {
    LocalDetection detection = LocalDetection.of(thresholds, threads);
    TrailScan.Result<Worker> read =
        TrailScan.run(
            inputs,
            threads,
            filter,
            () -> new Worker(withUsage, detection),
            Worker::add,
            Worker::merge,
            worker -> worker.detection.close(),
            progress);
    List<Detection> detections = detection.finish();
    return new Result(read.value().usage, detections, detection.late(), read);
  }
}
