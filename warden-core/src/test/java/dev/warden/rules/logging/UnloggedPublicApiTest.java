package dev.warden.rules.logging;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnloggedPublicApiTest {

  private final RuleFixture fixture = RuleFixture.of(new UnloggedPublicApi());

  @Test
  void flagsPublicStagesWithoutAccessLogs() {
    fixture.load("positive.yaml").assertFindingsExactly("StageName");
  }

  @Test
  void ignoresStagesWithAccessLogs() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
