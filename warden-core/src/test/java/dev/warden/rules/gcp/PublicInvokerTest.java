package dev.warden.rules.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PublicInvokerTest {

  private final RuleFixture fixture = RuleFixture.of(new PublicInvoker());

  @Test
  void flagsInvokerRolesGrantedToAllUsersOrAllAuthenticatedUsers() {
    fixture.load("positive.yaml").assertFindingsExactly("open", "signedin", "inner");
  }

  @Test
  void ratesAFunctionBehindInternalOnlyIngressMedium() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("open", Severity.HIGH),
            tuple("signedin", Severity.HIGH),
            tuple("inner", Severity.MEDIUM));
  }

  @Test
  void ignoresNamedInvokersAndRolesThatDoNotInvoke() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
