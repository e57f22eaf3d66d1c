package dev.warden.rules.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class OpenIngressTest {

  private final RuleFixture fixture = RuleFixture.of(new OpenIngress());

  @Test
  void flagsUnauthenticatedFunctionsOpenToAllTrafficWrittenOrByDefault() {
    fixture.load("positive.yaml").assertFindingsExactly("explicit", "defaulted");
  }

  @Test
  void saysWhenTheDefaultOpensIt() {
    assertThat(fixture.load("positive.yaml").message("defaulted")).contains("the default");
  }

  @Test
  void ignoresLoadBalancedAuthenticatedAndEventFunctions() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
