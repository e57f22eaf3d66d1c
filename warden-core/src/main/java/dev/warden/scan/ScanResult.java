package dev.warden.scan;

import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Finding;
import dev.warden.score.FleetSummary;
import dev.warden.score.RiskScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a scan found: the inventory it read, the findings in report order, and each function's risk
 * score by function id.
 */
public record ScanResult(
    Inventory inventory, List<Finding> findings, Map<String, RiskScore> scores) {

  public ScanResult {
    findings = findings.stream().sorted(Finding.ORDER).toList();
    scores = Map.copyOf(scores);
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

  /** The findings about one function. */
  public List<Finding> findingsOf(ServerlessFunction function) {
    return findings.stream()
        .filter(f -> f.functionId().map(function.id()::equals).orElse(false))
        .toList();
  }

  public FleetSummary summary() {
    return FleetSummary.of(inventory.functions().toList(), scores, findings);
  }
}
