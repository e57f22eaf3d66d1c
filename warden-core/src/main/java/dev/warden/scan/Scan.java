package dev.warden.scan;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.rules.Finding;
import dev.warden.rules.InputErrors;
import dev.warden.rules.RuleCatalog;
import dev.warden.rules.RuleEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A scan: inventory, analyses, findings. */
public final class Scan {

  private Scan() {}

  /**
   * Runs a scan.
   *
   * @throws NothingToScan when no input could be loaded at all
   */
  public static ScanResult run(ScanRequest request) {
    return run(request, Clock.systemUTC());
  }

  /** Runs a scan as of the clock's day (rules about dates: end-of-life runtimes, expiry). */
  public static ScanResult run(ScanRequest request, Clock clock) {
    Inventory inventory = new InventoryLoader(request).load();
    List<Finding> findings = new ArrayList<>();
    for (InputProblem problem : inventory.problems()) {
      findings.add(InputErrors.finding(problem));
    }
    findings.addAll(new RuleEngine(RuleCatalog.bundled()).run(inventory, clock));
    return new ScanResult(inventory, findings);
  }
}
