package dev.warden.rules.exposure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnauthenticatedRouteTest {

  private final RuleFixture fixture = RuleFixture.of(new UnauthenticatedRoute());

  @Test
  void flagsRoutesWithoutAuthorizer() {
    fixture.load("positive.yaml").assertFindingsExactly("OpenByOverrideFn", "ImplicitApiFn");
  }

  @Test
  void ignoresProtectedPrivateAndNonHttpTriggers() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
