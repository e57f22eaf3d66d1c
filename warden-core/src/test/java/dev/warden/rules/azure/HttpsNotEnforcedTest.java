package dev.warden.rules.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class HttpsNotEnforcedTest {

  private final RuleFixture fixture = RuleFixture.of(new HttpsNotEnforced());

  @Test
  void flagsHttpsOffWrittenOrByDefault() {
    fixture.load("positive.yaml").assertFindingsExactly("plainHttp", "unsetHttps");
  }

  @Test
  void saysWhenItIsTheDefault() {
    assertThat(fixture.load("positive.yaml").message("unsetHttps")).contains("default");
  }

  @Test
  void ignoresHttpsOnly() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
