package dev.warden.rules.exposure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PublicReadableResourceTest {

  private final RuleFixture fixture = RuleFixture.of(new PublicReadableResource());

  @Test
  void flagsFunctionsUsingPubliclyReadableBuckets() {
    fixture.load("positive.yaml").assertFindingsExactly("ReportsFn", "LegacyFn");
  }

  @Test
  void ignoresAccountOnlyAndBlockedBuckets() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
