package dev.warden.rules.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class EscalationPermissionTest {

  private final RuleFixture fixture = RuleFixture.of(new EscalationPermission());

  @Test
  void flagsKeyCreationAndPolicyRewriting() {
    fixture.load("positive.yaml").assertFindingsExactly("keyMaker", "policyWriter");
  }

  @Test
  void ratesRewritingTheProjectPolicyCritical() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("keyMaker", Severity.HIGH), tuple("policyWriter", Severity.CRITICAL));
  }

  @Test
  void ignoresRolesWithoutEscalation() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
