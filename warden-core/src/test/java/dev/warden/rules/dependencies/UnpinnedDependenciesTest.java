package dev.warden.rules.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnpinnedDependenciesTest {

  private final RuleFixture fixture = RuleFixture.of(new UnpinnedDependencies());

  @Test
  void flagsManifestsWithoutALockfile() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    result.assertFindingsExactly("RangesFunction", "LooseFunction");
    assertThat(result.message("RangesFunction"))
        .contains("positive/node/package.json without a lockfile", "1 package", "axios (^1.6.0)")
        .doesNotContain("jest");
    assertThat(result.message("LooseFunction"))
        .contains("2 packages", "boto3 (>=1.28)", "requests (*)")
        .doesNotContain("urllib3");
  }

  @Test
  void acceptsLockfilesPinnedRequirementsAndUnpinnedDevelopmentTools() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
