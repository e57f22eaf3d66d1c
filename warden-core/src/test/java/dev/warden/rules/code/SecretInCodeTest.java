package dev.warden.rules.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.rules.Finding;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class SecretInCodeTest {

  private final RuleFixture fixture = RuleFixture.of(new SecretInCode());

  @Test
  void flagsKnownFormatsAndSecretNamedLiteralsMasked() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    assertThat(result.findings())
        .extracting(f -> f.location().line())
        .containsExactlyInAnyOrder(3, 4);
    assertThat(result.findings())
        .extracting(Finding::message)
        .noneMatch(m -> m.contains("4eC39Hq") || m.contains("Wint3r"));
  }

  @Test
  void ignoresEnvironmentLookupsPathsHashesAndEncodedData() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
