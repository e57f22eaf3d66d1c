package dev.warden.rules.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class BroadRoleTest {

  private final RuleFixture fixture = RuleFixture.of(new BroadRole());

  @Test
  void flagsBasicAdministratorAndReadEverythingRolesOnTheProject() {
    fixture.load("positive.yaml").assertFindingsExactly("editor", "storageAdmin", "readsSecrets");
  }

  @Test
  void weighsEachRole() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("editor", Severity.HIGH),
            tuple("storageAdmin", Severity.HIGH),
            tuple("readsSecrets", Severity.MEDIUM));
  }

  @Test
  void ignoresNarrowRolesAndOtherMembers() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
