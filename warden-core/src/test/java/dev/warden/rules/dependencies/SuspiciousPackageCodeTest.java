package dev.warden.rules.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class SuspiciousPackageCodeTest {

  private final RuleFixture fixture = RuleFixture.of(new SuspiciousPackageCode());

  @Test
  void flagsWhatMalwareDoesWithFileAndLine() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    result.assertFindingsExactly("NodeFunction", "PythonFunction");
    assertThat(result.findings())
        .extracting(
            f -> f.details().get("package"),
            f -> f.details().get("behaviour"),
            f -> f.location().file() + ":" + f.location().line(),
            Finding::severity)
        .containsExactlyInAnyOrder(
            tuple(
                "env-reporter",
                "exfiltration",
                "positive/node/node_modules/env-reporter/index.js:3",
                Severity.HIGH),
            tuple(
                "pinger",
                "raw-ip",
                "positive/node/node_modules/pinger/index.js:2",
                Severity.MEDIUM),
            tuple(
                "pinger",
                "suspicious-host",
                "positive/node/node_modules/pinger/index.js:3",
                Severity.MEDIUM),
            tuple(
                "scrambled",
                "obfuscation",
                "positive/node/node_modules/scrambled/index.js:1",
                Severity.MEDIUM),
            tuple(
                "sneaky", "decode-and-run", "positive/python/sneaky/__init__.py:5", Severity.HIGH),
            tuple(
                "sneaky",
                "download-and-run",
                "positive/python/sneaky/__init__.py:6",
                Severity.HIGH));
  }

  @Test
  void saysWhatWasSeen() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    assertThat(result.findings())
        .anySatisfy(
            f ->
                assertThat(f.message())
                    .contains("env-reporter@1.0.3", "sends the environment or credentials out")
                    .contains("JSON.stringify(process.env)", "sent with line 4"));
  }

  @Test
  void leavesOrdinaryLibrariesAndTheHandlersOwnCodeAlone() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
