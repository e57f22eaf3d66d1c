package dev.warden.rules.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class ForeignLayerTest {

  private final RuleFixture fixture = RuleFixture.of(new ForeignLayer());

  @Test
  void flagsLayersOfOtherAccounts() {
    fixture.load("positive.yaml").assertFindingsExactly("StrangerFn", "VendorFn");
  }

  @Test
  void gradesBySeverity() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElse("app"), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("StrangerFn", Severity.MEDIUM), tuple("VendorFn", Severity.INFO));
  }

  @Test
  void ignoresLayersOfThisAccount() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
