package dev.warden.rules.logging;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class TracingOffTest {

  private final RuleFixture fixture = RuleFixture.of(new TracingOff());

  @Test
  void flagsFunctionsWithoutActiveTracing() {
    fixture.load("positive.yaml").assertFindingsExactly("UntracedFn");
  }

  @Test
  void ignoresActiveTracing() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
