package dev.warden.rules.iam;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class AdminExecutionRoleTest {

  private final RuleFixture fixture = RuleFixture.of(new AdminExecutionRole());

  @Test
  void flagsRolesThatAreOrCanMakeThemselvesAdministrator() {
    fixture
        .load("positive.yaml")
        .assertFindingsExactly("StarFn", "ManagedAdminFn", "IamStarFn", "SelfAttachFn");
  }

  @Test
  void ignoresScopedDeniedAndConditionedRoles() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
