package dev.warden.rules.secrets;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class SecretsWithoutCustomerKeyTest {

  private final RuleFixture fixture = RuleFixture.of(new SecretsWithoutCustomerKey());

  @Test
  void flagsSecretsUnderTheAwsOwnedKey() {
    fixture.load("positive.yaml").assertFindingsExactly("PlainFn");
  }

  @Test
  void ignoresCustomerKeysAndPlainSettings() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
