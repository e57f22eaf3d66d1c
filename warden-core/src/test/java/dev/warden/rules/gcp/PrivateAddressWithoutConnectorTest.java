package dev.warden.rules.gcp;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PrivateAddressWithoutConnectorTest {

  private final RuleFixture fixture = RuleFixture.of(new PrivateAddressWithoutConnector());

  @Test
  void flagsPrivatePublicAndInternalAddressesWithoutAConnector() {
    fixture
        .load("positive.yaml")
        .assertFindingsExactly("privateCache", "publicDatabase", "internalName");
  }

  @Test
  void ignoresConnectedCloudSqlAndPublicNames() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
