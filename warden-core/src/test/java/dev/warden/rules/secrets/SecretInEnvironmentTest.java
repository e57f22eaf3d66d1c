package dev.warden.rules.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class SecretInEnvironmentTest {

  private final RuleFixture fixture = RuleFixture.of(new SecretInEnvironment());

  @Test
  void flagsKnownFormatsSecretNamesAndRandomStrings() {
    fixture.load("positive.yaml").assertFindingsExactly("StripeFn", "PasswordFn", "EntropyFn");
  }

  @Test
  void gradesBySeverity() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElse("app"), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("StripeFn", Severity.CRITICAL),
            tuple("PasswordFn", Severity.HIGH),
            tuple("EntropyFn", Severity.MEDIUM));
  }

  @Test
  void ignoresReferencesPlaceholdersAndIdentifiers() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
