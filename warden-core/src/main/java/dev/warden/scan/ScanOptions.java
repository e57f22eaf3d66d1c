package dev.warden.scan;

import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailProblem;
import dev.warden.logs.detect.Detection;
import dev.warden.rules.RuleInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How to judge what a scan finds: the team's settings (suppressions), an optional baseline whose
 * findings are not reported again, who hears of the scan's progress, and the advisory database to
 * match packages against (a file that may not exist: the report then says so), and which rules run.
 */
public record ScanOptions(
    WardenConfig config,
    Optional<Baseline> baseline,
    Progress progress,
    Optional<Path> advisoryDatabase,
    Predicate<RuleInfo> rules,
    Optional<PermissionUsage> observed,
    Optional<Attacks> attacks) {

  /**
   * What the audit logs' detectors found ({@code --trail}), where the logs are (the place of
   * detections that name no declared function), and the records that could not be read (they become
   * input errors).
   */
  public record Attacks(List<Detection> detections, String logs, List<TrailProblem> problems) {
    public Attacks {
      detections = List.copyOf(detections);
      problems = List.copyOf(problems);
    }
  }

  public ScanOptions(WardenConfig config, Optional<Baseline> baseline, Progress progress) {
    this(
        config,
        baseline,
        progress,
        Optional.empty(),
        rule -> true,
        Optional.empty(),
        Optional.empty());
  }

  /** The same options, matching packages against the database in {@code file}. */
  public ScanOptions withAdvisoryDatabase(Path file) {
    return new ScanOptions(config, baseline, progress, Optional.of(file), rules, observed, attacks);
  }

  /** The same options, running only the rules {@code selected} accepts. */
  public ScanOptions onlyRules(Predicate<RuleInfo> selected) {
    return new ScanOptions(
        config, baseline, progress, advisoryDatabase, selected, observed, attacks);
  }

  /** The same options, with what the audit logs show the functions used ({@code --trail}). */
  public ScanOptions withObservedUsage(PermissionUsage usage) {
    return new ScanOptions(
        config, baseline, progress, advisoryDatabase, rules, Optional.of(usage), attacks);
  }

  /** The same options, with what the detectors found in the audit logs ({@code --trail}). */
  public ScanOptions withAttacks(
      List<Detection> detections, String logs, List<TrailProblem> problems) {
    return new ScanOptions(
        config,
        baseline,
        progress,
        advisoryDatabase,
        rules,
        observed,
        Optional.of(new Attacks(detections, logs, problems)));
  }

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
