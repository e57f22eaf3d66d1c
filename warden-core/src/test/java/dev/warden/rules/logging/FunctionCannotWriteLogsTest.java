package dev.warden.rules.logging;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class FunctionCannotWriteLogsTest {

  private final RuleFixture fixture = RuleFixture.of(new FunctionCannotWriteLogs());

  @Test
  void flagsARoleWithoutLogPermissions() {
    fixture.load("positive.yaml").assertFindingsExactly("BlindFn");
  }

  @Test
  void ignoresSamRolesExternalRolesAndBasicExecution() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
