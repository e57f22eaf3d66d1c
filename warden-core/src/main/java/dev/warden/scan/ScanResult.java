package dev.warden.scan;

import dev.warden.inventory.Inventory;
import dev.warden.rules.Finding;
import java.util.List;

/** What a scan found: the inventory it read and the findings, in report order. */
public record ScanResult(Inventory inventory, List<Finding> findings) {
  public ScanResult {
    findings = findings.stream().sorted(Finding.ORDER).toList();
  }
}
