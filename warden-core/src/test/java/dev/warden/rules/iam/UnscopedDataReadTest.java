package dev.warden.rules.iam;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnscopedDataReadTest {

  private final RuleFixture fixture = RuleFixture.of(new UnscopedDataRead());

  @Test
  void flagsReadsOfEverySecretAndObject() {
    fixture.load("positive.yaml").assertFindingsExactly("ReadsEverySecretFn", "ReadOnlyS3Fn");
  }

  @Test
  void ignoresOwnSecretAndSamGeneratedStreamAccess() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
