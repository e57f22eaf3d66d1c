package dev.warden.rules.iam;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PassRoleOnAnyRoleTest {

  private final RuleFixture fixture = RuleFixture.of(new PassRoleOnAnyRole());

  @Test
  void flagsPassRoleOnEveryRole() {
    fixture.load("positive.yaml").assertFindingsExactly("PassesAnythingFn");
  }

  @Test
  void ignoresOneRoleAndOneService() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
