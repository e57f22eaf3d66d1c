package dev.warden.rules.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class InstallScriptTest {

  private final RuleFixture fixture = RuleFixture.of(new InstallScript());

  @Test
  void flagsEveryInstallHookGradedByWhatItRuns() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    result.assertFindingsExactly("NodeFunction");
    assertThat(result.findings())
        .extracting(
            f -> f.details().get("package"), f -> f.details().get("script"), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("fancy-logger", "postinstall", Severity.MEDIUM),
            tuple("native-thing", "install", Severity.LOW),
            tuple("@evil/helper", "preinstall", Severity.HIGH));
    assertThat(result.findings())
        .anySatisfy(
            f ->
                assertThat(f.message())
                    .contains("@evil/helper@0.0.2", "preinstall script runs `curl -s https://")
                    .contains("| sh`"));
    assertThat(result.findings())
        .anySatisfy(
            f ->
                assertThat(f.location().file())
                    .isEqualTo("positive/node_modules/@evil/helper/package.json"));
  }

  @Test
  void otherScriptsAndUnreadableManifestsAreNotInstallHooks() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
