package dev.warden.rules.iam;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PermissiveTrustPolicyTest {

  private final RuleFixture fixture = RuleFixture.of(new PermissiveTrustPolicy());

  @Test
  void flagsTrustForEverybodyAndUnpinnedAccounts() {
    fixture.load("positive.yaml").assertFindingsExactly("AnyoneFn", "PartnerFn");
  }

  @Test
  void ignoresLambdaTrustAndExternalIds() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
