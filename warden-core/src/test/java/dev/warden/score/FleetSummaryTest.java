package dev.warden.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.rules.Severity;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.Repo;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class FleetSummaryTest {

  private final ScanResult demo =
      Scan.run(ScanRequest.of(Repo.path("examples/acme-shop")), RuleFixture.CLOCK);

  @Test
  void theHeadlineGivesTheSharesAtRiskAndSeriousAndTheTopRisks() {
    FleetSummary summary = demo.summary();
    long atRisk = demo.inventory().functions().filter(f -> demo.score(f).level().atRisk()).count();
    assertThat(summary.atRisk()).isEqualTo((int) atRisk);
    assertThat(summary.headline())
        .startsWith("13 functions scanned — " + Math.round(100.0 * atRisk / 13) + "% at risk, ")
        .contains("% serious; ")
        .contains("% carry permissions their code does not use; top risks: ");
    long unused =
        demo.findings().stream()
            .filter(f -> f.rule().id().equals("WDN-IAM-009"))
            .map(f -> f.functionId().orElseThrow())
            .distinct()
            .count();
    assertThat(summary.withUnusedPermissions()).isEqualTo((int) unused).isPositive();
    assertThat(summary.topRisks()).hasSize(3);
    assertThat(summary.topRisks()).extracting(FleetSummary.TopRisk::ruleId).contains("WDN-IAM-001");
    assertThat(summary.topRisks()).allMatch(t -> t.severity().isAtLeast(Severity.MEDIUM));
  }

  @Test
  void itSaysWhatWasNotAnalysed() {
    assertThat(demo.summary().notAnalysed()).anyMatch(s -> s.startsWith("audit logs"));
    assertThat(demo.summary().notAnalysed()).noneMatch(s -> s.startsWith("dependencies"));
  }

  @Test
  void severitiesCountOnlyFindingsThatAreNotSuppressedOrInputErrors() {
    FleetSummary summary = demo.summary();
    long counted =
        demo.findings().stream()
            .filter(f -> !f.suppressed() && !f.rule().id().equals("WDN-INPUT-001"))
            .count();
    assertThat(summary.bySeverity().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo((int) counted);
  }
}
