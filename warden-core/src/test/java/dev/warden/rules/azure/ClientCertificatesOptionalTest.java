package dev.warden.rules.azure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class ClientCertificatesOptionalTest {

  private final RuleFixture fixture = RuleFixture.of(new ClientCertificatesOptional());

  @Test
  void flagsOptionalModes() {
    fixture.load("positive.yaml").assertFindingsExactly("optionalCerts", "interactiveCerts");
  }

  @Test
  void ignoresRequiredCertificatesAndAppsWithout() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
