package dev.warden.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class EndOfLifeRuntimeTest {

  private final RuleFixture fixture = RuleFixture.of(new EndOfLifeRuntime());

  @Test
  void flagsRuntimesPastOrNearTheirEnd() {
    fixture
        .load("positive.yaml")
        .assertFindingsExactly("LongGoneFn", "RecentlyGoneFn", "SoonGoneFn");
  }

  @Test
  void gradesBySeverity() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElse("app"), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("LongGoneFn", Severity.HIGH),
            tuple("RecentlyGoneFn", Severity.MEDIUM),
            tuple("SoonGoneFn", Severity.MEDIUM));
  }

  @Test
  void ignoresSupportedRuntimes() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
