package dev.warden.scan;

import dev.warden.logs.PermissionUsage;
import dev.warden.rules.RuleInfo;
import java.nio.file.Path;
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
    Optional<PermissionUsage> observed) {

  public ScanOptions(WardenConfig config, Optional<Baseline> baseline, Progress progress) {
    this(config, baseline, progress, Optional.empty(), rule -> true, Optional.empty());
  }

  /** The same options, matching packages against the database in {@code file}. */
  public ScanOptions withAdvisoryDatabase(Path file) {
    return new ScanOptions(config, baseline, progress, Optional.of(file), rules, observed);
  }

  /** The same options, running only the rules {@code selected} accepts. */
  public ScanOptions onlyRules(Predicate<RuleInfo> selected) {
    return new ScanOptions(config, baseline, progress, advisoryDatabase, selected, observed);
  }

  /** The same options, with what the audit logs show the functions used ({@code --trail}). */
  public ScanOptions withObservedUsage(PermissionUsage usage) {
    return new ScanOptions(config, baseline, progress, advisoryDatabase, rules, Optional.of(usage));
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
