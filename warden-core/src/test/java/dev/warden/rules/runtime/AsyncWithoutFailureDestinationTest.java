package dev.warden.rules.runtime;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class AsyncWithoutFailureDestinationTest {

  private final RuleFixture fixture = RuleFixture.of(new AsyncWithoutFailureDestination());

  @Test
  void flagsAsyncTriggersWhoseFailuresVanish() {
    fixture.load("positive.yaml").assertFindingsExactly("TopicFn");
  }

  @Test
  void ignoresDeadLettersDestinationsAndPolledSources() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
