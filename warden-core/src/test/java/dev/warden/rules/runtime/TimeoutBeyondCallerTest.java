package dev.warden.rules.runtime;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class TimeoutBeyondCallerTest {

  private final RuleFixture fixture = RuleFixture.of(new TimeoutBeyondCaller());

  @Test
  void flagsTimeoutsFarBeyondTheCallersLimit() {
    fixture.load("positive.yaml").assertFindingsExactly("SlowApiFn");
  }

  @Test
  void ignoresTimeoutsSomeCallerCanUse() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
