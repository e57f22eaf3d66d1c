package dev.warden.rules.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class LogsKeptForeverTest {

  private final RuleFixture fixture = RuleFixture.of(new LogsKeptForever());

  @Test
  void flagsGroupsWithoutRetentionAndUndeclaredGroups() {
    fixture.load("positive.yaml").assertFindingsExactly("NamedGroupFn", "ImplicitFn");
  }

  @Test
  void gradesBySeverity() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElse("app"), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("NamedGroupFn", Severity.LOW), tuple("ImplicitFn", Severity.INFO));
  }

  @Test
  void ignoresGroupsWithRetention() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
