package dev.warden.rules.iam;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PrivilegeEscalationPathTest {

  private final RuleFixture fixture = RuleFixture.of(new PrivilegeEscalationPath());

  @Test
  void flagsEachEscalationMethodTheRoleCanCarryOut() {
    fixture.load("positive.yaml").assertFindingsExactly("DeployerFn", "CodeUpdaterFn");
  }

  @Test
  void ignoresPassRoleToAnotherServiceAdministratorsAndInvokeOnly() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
