package dev.warden.rules.azure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PublicNetworkAccessTest {

  private final RuleFixture fixture = RuleFixture.of(new PublicNetworkAccess());

  @Test
  void flagsOpenNetworksWrittenOrByDefault() {
    fixture.load("positive.yaml").assertFindingsExactly("openNetwork", "defaultNetwork");
  }

  @Test
  void ignoresDisabledOrRestrictedAccess() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
