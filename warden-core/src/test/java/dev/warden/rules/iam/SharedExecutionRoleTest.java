package dev.warden.rules.iam;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class SharedExecutionRoleTest {

  private final RuleFixture fixture = RuleFixture.of(new SharedExecutionRole());

  @Test
  void flagsEveryFunctionOfASharedRole() {
    fixture.load("positive.yaml").assertFindingsExactly("FirstFn", "SecondFn");
  }

  @Test
  void ignoresFunctionsWithTheirOwnRoles() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
