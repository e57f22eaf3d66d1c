package dev.warden.rules.exposure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PublicTriggerSourceTest {

  private final RuleFixture fixture = RuleFixture.of(new PublicTriggerSource());

  @Test
  void flagsBucketsAndQueuesAnybodyMayWriteTo() {
    fixture.load("positive.yaml").assertFindingsExactly("InboxFn", "WorkFn");
  }

  @Test
  void ignoresSourcesLimitedToAnOrganisationOrService() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
