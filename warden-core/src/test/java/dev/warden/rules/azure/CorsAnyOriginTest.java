package dev.warden.rules.azure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class CorsAnyOriginTest {

  private final RuleFixture fixture = RuleFixture.of(new CorsAnyOrigin());

  @Test
  void flagsAStarAmongTheOrigins() {
    fixture.load("positive.yaml").assertFindingsExactly("anyOrigin");
  }

  @Test
  void ignoresNamedOrigins() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
