package dev.warden.rules.azure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class RemoteDebuggingOnTest {

  private final RuleFixture fixture = RuleFixture.of(new RemoteDebuggingOn());

  @Test
  void flagsRemoteDebugging() {
    fixture.load("positive.yaml").assertFindingsExactly("debugged");
  }

  @Test
  void ignoresDebuggingOffOrUnset() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
