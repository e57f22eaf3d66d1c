package dev.warden.scan;

import java.util.Optional;

/**
 * How to judge what a scan finds: the team's settings (suppressions), an optional baseline whose
 * findings are not reported again, and who hears of the scan's progress.
 */
public record ScanOptions(WardenConfig config, Optional<Baseline> baseline, Progress progress) {

  /** Hears how far a long scan is; called from several threads. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    /** {@code done} of {@code total} functions have been checked. */
    void checked(int done, int total);
  }

  public static ScanOptions defaults() {
    return new ScanOptions(WardenConfig.none(), Optional.empty(), Progress.NONE);
  }
}
