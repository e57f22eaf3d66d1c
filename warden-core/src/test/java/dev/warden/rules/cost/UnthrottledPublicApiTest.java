package dev.warden.rules.cost;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnthrottledPublicApiTest {

  private final RuleFixture fixture = RuleFixture.of(new UnthrottledPublicApi());

  @Test
  void flagsPublicApisWithNeitherThrottlingNorWaf() {
    fixture.load("positive.yaml").assertFindingsExactly("StageName");
  }

  @Test
  void ignoresThrottledGuardedAndPrivateApis() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
