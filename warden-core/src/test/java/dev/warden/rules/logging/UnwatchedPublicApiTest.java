package dev.warden.rules.logging;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnwatchedPublicApiTest {

  private final RuleFixture fixture = RuleFixture.of(new UnwatchedPublicApi());

  @Test
  void flagsPublicApisNoAlarmWatches() {
    fixture.load("positive.yaml").assertFindingsExactly("OpenApi");
  }

  @Test
  void ignoresApisWithAnAlarm() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
