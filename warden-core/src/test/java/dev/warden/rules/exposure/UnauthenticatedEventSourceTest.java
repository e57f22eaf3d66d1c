package dev.warden.rules.exposure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnauthenticatedEventSourceTest {

  private final RuleFixture fixture = RuleFixture.of(new UnauthenticatedEventSource());

  @Test
  void flagsAlexaTriggerWithoutSkillId() {
    fixture.load("positive.yaml").assertFindingsExactly("VoiceFn");
  }

  @Test
  void ignoresPinnedSkillsAndPrivateTriggers() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
