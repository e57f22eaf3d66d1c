package dev.warden.rules.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnusedPermissionsTest {

  private final RuleFixture fixture = RuleFixture.of(new UnusedPermissions());

  @Test
  void flagsGrantsTheCodeNeverCalls() {
    RuleFixture.Result result = fixture.load("positive.yaml").assertFindingsExactly("CrudFn");
    assertThat(result.message("CrudFn"))
        .contains("dynamodb:DeleteItem")
        .doesNotContain("dynamodb:PutItem,")
        .contains("% of what it grants");
  }

  @Test
  void ignoresExactRolesAndCodeItCannotRead() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
