package dev.warden.rules.code;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class WholeEventLoggedTest {

  private final RuleFixture fixture = RuleFixture.of(new WholeEventLogged());

  @Test
  void flagsTheWholeEventWrittenToTheLogs() {
    fixture.load("positive.yaml").assertFindingsExactly("LoggingFn");
  }

  @Test
  void ignoresLoggingChosenFields() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
