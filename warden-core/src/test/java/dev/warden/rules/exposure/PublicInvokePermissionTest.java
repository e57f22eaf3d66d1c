package dev.warden.rules.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class PublicInvokePermissionTest {

  private final RuleFixture fixture = RuleFixture.of(new PublicInvokePermission());

  @Test
  void flagsPermissionsForAnybodyAndUnpinnedServices() {
    fixture.load("positive.yaml").assertFindingsExactly("AnyoneFn", "DeputyFn");
  }

  @Test
  void ratesTheConfusedDeputyMedium() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("AnyoneFn", Severity.HIGH), tuple("DeputyFn", Severity.MEDIUM));
  }

  @Test
  void ignoresPinnedOrganisationAndNamedAccounts() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
