package dev.warden.rules.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class TyposquatPackageTest {

  private final RuleFixture fixture = RuleFixture.of(new TyposquatPackage());

  @Test
  void flagsNamesThatImitatePopularPackages() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    result.assertFindingsExactly("CrossEnvFunction", "ColoramaFunction");
    assertThat(result.message("CrossEnvFunction"))
        .contains("crossenv@6.1.1", "imitates the popular cross-env", "other separators");
    assertThat(result.message("ColoramaFunction"))
        .contains("c0lorama@0.4.6", "imitates the popular colorama", "look-alike characters");
  }

  @Test
  void lookAlikeCharactersAreWorseThanOtherTricks() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElse(""), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("CrossEnvFunction", Severity.MEDIUM), tuple("ColoramaFunction", Severity.HIGH));
  }

  @Test
  void leavesPopularNamesTheirLegitimateLookAlikesAndTransitiveNearNamesAlone() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
