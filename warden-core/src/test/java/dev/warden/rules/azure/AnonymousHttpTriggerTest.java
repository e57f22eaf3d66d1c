package dev.warden.rules.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class AnonymousHttpTriggerTest {

  private final RuleFixture fixture = RuleFixture.of(new AnonymousHttpTrigger());

  @Test
  void flagsAnonymousTriggersHighOnAnOpenAppMediumOnAClosedOne() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("openApp", Severity.HIGH), tuple("closedApp", Severity.MEDIUM));
  }

  @Test
  void ignoresKeyedTriggersAndBuiltInAuthentication() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
