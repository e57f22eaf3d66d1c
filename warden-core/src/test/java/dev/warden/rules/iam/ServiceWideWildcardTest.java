package dev.warden.rules.iam;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class ServiceWideWildcardTest {

  private final RuleFixture fixture = RuleFixture.of(new ServiceWideWildcard());

  @Test
  void flagsServiceStarInlineAndInManagedPolicies() {
    fixture.load("positive.yaml").assertFindingsExactly("TableStarFn", "S3FullAccessFn");
  }

  @Test
  void ignoresPrefixWildcardsAndDenies() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
