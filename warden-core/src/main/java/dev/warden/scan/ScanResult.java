package dev.warden.scan;

import dev.warden.deps.osv.DatabaseState;
import dev.warden.deps.osv.PackageReview;
import dev.warden.inventory.App;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Reachability;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Finding;
import dev.warden.score.FleetSummary;
import dev.warden.score.RiskScore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a scan found: the inventory it read, the findings in report order, and each function's risk
 * score by function id.
 */
public final class ScanResult {

  private final Inventory inventory;
  private final List<Finding> findings;
  private final Map<String, RiskScore> scores;
  private final Map<String, List<Finding>> byFunction = new HashMap<>();
  private final Function<App, Reachability> reach;
  private final DatabaseState advisories;
  private final Clock clock;
  private final Function<ServerlessFunction, PackageReview> packages;

  public ScanResult(Inventory inventory, List<Finding> findings, Map<String, RiskScore> scores) {
    this(
        inventory,
        findings,
        scores,
        Reachability::of,
        DatabaseState.none(),
        Clock.systemUTC(),
        f -> new PackageReview(List.of(), List.of(), Optional.empty()));
  }

  /**
   * A result whose reports reuse the reachability and the package reviews the rules computed, and
   * show the advisory database's state as of the scan's clock.
   */
  public ScanResult(
      Inventory inventory,
      List<Finding> findings,
      Map<String, RiskScore> scores,
      Function<App, Reachability> reach,
      DatabaseState advisories,
      Clock clock,
      Function<ServerlessFunction, PackageReview> packages) {
    this.packages = packages;
    this.advisories = advisories;
    this.clock = clock;
    this.reach = reach;
    this.inventory = inventory;
    this.findings = findings.stream().sorted(Finding.ORDER).toList();
    this.scores = Map.copyOf(scores);
    for (Finding finding : this.findings) {
      finding
          .functionId()
          .ifPresent(id -> byFunction.computeIfAbsent(id, k -> new ArrayList<>()).add(finding));
    }
  }

  /** The advisory database the packages were matched against (or why they were not). */
  public DatabaseState advisories() {
    return advisories;
  }

  /** The packages the function ships, and the vulnerable ones among them. */
  public PackageReview packages(ServerlessFunction function) {
    return packages.apply(function);
  }

  /** The scan's clock: the day its dates (database age, expiry) are judged on. */
  public Clock clock() {
    return clock;
  }

  /** What each function of the app may reach. */
  public Reachability reach(App app) {
    return reach.apply(app);
  }

  public Inventory inventory() {
    return inventory;
  }

  /** Every finding, worst first. */
  public List<Finding> findings() {
    return findings;
  }

  /** Risk scores by function id. */
  public Map<String, RiskScore> scores() {
    return scores;
  }

  public RiskScore score(ServerlessFunction function) {
    return scores.get(function.id());
  }

  /** Every function, riskiest first (ties in declaration order). */
  public List<ServerlessFunction> functionsByRisk() {
    List<ServerlessFunction> all = new ArrayList<>(inventory.functions().toList());
    all.sort(Comparator.comparingInt((ServerlessFunction f) -> -score(f).score()));
    return all;
  }

  /** The findings about one function, worst first. */
  public List<Finding> findingsOf(ServerlessFunction function) {
    return byFunction.getOrDefault(function.id(), List.of());
  }

  public FleetSummary summary() {
    return FleetSummary.of(inventory.functions().toList(), scores, findings);
  }
}
