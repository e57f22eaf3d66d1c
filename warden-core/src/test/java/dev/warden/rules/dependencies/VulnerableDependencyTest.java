package dev.warden.rules.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class VulnerableDependencyTest {

  private final RuleFixture fixture =
      RuleFixture.of(new VulnerableDependency()).withAdvisories("advisories");

  @Test
  void flagsAffectedVersionsAndRangesThatAdmitThem() {
    fixture.load("positive.yaml").assertFindingsExactly("LodashFunction", "RangeFunction");
  }

  @Test
  void gradesByTheAdvisorysCvssElseItsDatabaseRating() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElse(""), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("LodashFunction", Severity.HIGH), tuple("RangeFunction", Severity.MEDIUM));
  }

  @Test
  void namesTheFixAndTheRange() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    assertThat(result.message("LodashFunction"))
        .contains("lodash@4.17.15", "x_WARDEN-TEST-lodash (CVE-2020-8203)", "4.17.19 fixes it");
    assertThat(result.message("RangeFunction"))
        .contains("declared range ~=1.4.0", "1.4.2 fixes it");
  }

  @Test
  void ignoresFixedVersionsAndWithdrawnAdvisories() {
    fixture.load("negative.yaml").assertNoFindings();
  }

  @Test
  void findsNothingWithoutADatabase() {
    RuleFixture.of(new VulnerableDependency()).load("positive.yaml").assertNoFindings();
  }
}
