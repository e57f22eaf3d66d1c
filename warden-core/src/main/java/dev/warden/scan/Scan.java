package dev.warden.scan;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.rules.Finding;
import dev.warden.rules.InputErrors;
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
    Inventory inventory = new InventoryLoader(request).load();
    List<Finding> findings = new ArrayList<>();
    for (InputProblem problem : inventory.problems()) {
      findings.add(InputErrors.finding(problem));
    }
    return new ScanResult(inventory, findings);
  }
}
