package dev.warden.rules.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class WorstCaseCostTest {

  private final RuleFixture fixture = RuleFixture.of(new WorstCaseCost());

  @Test
  void reportsTheWorstCaseHourlyCostOfPublicFunctions() {
    fixture.load("positive.yaml").assertFindingsExactly("HugeFn", "CappedFn");
  }

  @Test
  void gradesBySeverity() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElse("app"), Finding::severity)
        .containsExactlyInAnyOrder(tuple("HugeFn", Severity.HIGH), tuple("CappedFn", Severity.LOW));
  }

  @Test
  void ignoresPrivateAndDisabledFunctions() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
