package dev.warden.rules.gcp;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class DefaultServiceAccountTest {

  private final RuleFixture fixture = RuleFixture.of(new DefaultServiceAccount());

  @Test
  void flagsBothDefaultAccounts() {
    fixture.load("positive.yaml").assertFindingsExactly("computeDefault", "appEngineDefault");
  }

  @Test
  void ignoresAccountsOfTheirOwn() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
