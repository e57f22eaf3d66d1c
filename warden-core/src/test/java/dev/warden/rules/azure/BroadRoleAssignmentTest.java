package dev.warden.rules.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class BroadRoleAssignmentTest {

  private final RuleFixture fixture = RuleFixture.of(new BroadRoleAssignment());

  @Test
  void weighsOwnerContributorAndDataRolesOverTheSubscription() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("owner", Severity.CRITICAL),
            tuple("contributor", Severity.HIGH),
            tuple("blobReader", Severity.MEDIUM));
  }

  @Test
  void namesTheRoleFromTheBundledCatalog() {
    assertThat(fixture.load("positive.yaml").message("contributor"))
        .contains("Contributor", "subscription");
  }

  @Test
  void ignoresScopedDataRolesReadersAndOtherPrincipals() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
