package dev.warden.rules.azure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class OldTlsVersionTest {

  private final RuleFixture fixture = RuleFixture.of(new OldTlsVersion());

  @Test
  void flagsTls10And11() {
    fixture.load("positive.yaml").assertFindingsExactly("tls10", "tls11");
  }

  @Test
  void ignoresTls12AndLaterAndTheDefault() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
