package dev.warden.rules.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class CorsAnyOriginTest {

  private final RuleFixture fixture = RuleFixture.of(new CorsAnyOrigin());

  @Test
  void flagsAnyOriginOnApisAndUrls() {
    fixture.load("positive.yaml").assertFindingsExactly("Cors", "CredentialedUrlFn");
  }

  @Test
  void ratesCredentialsWithAnyOriginHigher() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElse("api"), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("api", Severity.MEDIUM), tuple("CredentialedUrlFn", Severity.HIGH));
  }

  @Test
  void ignoresListedOrigins() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
