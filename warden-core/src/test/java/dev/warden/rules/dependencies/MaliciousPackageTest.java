package dev.warden.rules.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class MaliciousPackageTest {

  private final RuleFixture fixture =
      RuleFixture.of(new MaliciousPackage()).withAdvisories("advisories");

  @Test
  void flagsOpenSsfRecordsAndGithubMalwareAdvisories() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    result.assertFindingsExactly("LoggingFunction", "TypoFunction");
    assertThat(result.findings()).extracting(Finding::severity).containsOnly(Severity.CRITICAL);
    assertThat(result.message("LoggingFunction"))
        .contains("colourfull-logs@2.0.1", "MAL-2099-0002", "uploads ~/.aws/credentials");
    assertThat(result.message("TypoFunction")).contains("reqeusts@2.28.1");
  }

  @Test
  void leavesVulnerablePackagesToTheVulnerabilityRule() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
