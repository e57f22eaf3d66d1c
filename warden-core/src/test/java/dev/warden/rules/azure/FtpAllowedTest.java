package dev.warden.rules.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class FtpAllowedTest {

  private final RuleFixture fixture = RuleFixture.of(new FtpAllowed());

  @Test
  void flagsFtpMediumAndFtpsLow() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("ftpApp", Severity.MEDIUM),
            tuple("ftpsApp", Severity.LOW),
            tuple("defaultFtp", Severity.MEDIUM));
  }

  @Test
  void ignoresDisabledFtp() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
