package dev.warden.rules.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class SecretsOutsideKeyVaultTest {

  private final RuleFixture fixture = RuleFixture.of(new SecretsOutsideKeyVault());

  @Test
  void flagsKeysInConnectionStringsAndSecretSettings() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("noIdentity", Severity.HIGH), tuple("withIdentity", Severity.MEDIUM));
  }

  @Test
  void ignoresKeyVaultReferencesAndIdentityConnections() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
