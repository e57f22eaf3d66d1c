package dev.warden.rules.iam;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class WriteOnAnyResourceTest {

  private final RuleFixture fixture = RuleFixture.of(new WriteOnAnyResource());

  @Test
  void flagsWritesOnEveryResource() {
    fixture.load("positive.yaml").assertFindingsExactly("DeletesAnyTableFn", "InvokeAnyFn");
  }

  @Test
  void ignoresScopedWritesPlumbingGeneratedPoliciesAndReads() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
