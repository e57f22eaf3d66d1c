package dev.warden.rules.exposure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class ApiKeyOnlyAuthTest {

  private final RuleFixture fixture = RuleFixture.of(new ApiKeyOnlyAuth());

  @Test
  void flagsApiKeyAsOnlyAuth() {
    fixture.load("positive.yaml").assertFindingsExactly("KeyedFn", "GraphFn");
  }

  @Test
  void ignoresApiKeyNextToAnAuthorizer() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
