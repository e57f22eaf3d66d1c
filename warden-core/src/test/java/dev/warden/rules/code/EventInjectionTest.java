package dev.warden.rules.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class EventInjectionTest {

  private final RuleFixture fixture = RuleFixture.of(new EventInjection());

  @Test
  void flagsEventDataInShellsAndUnsafeLoadersAcrossFunctions() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    assertThat(result.findings())
        .extracting(f -> f.functionName().orElseThrow() + " " + f.location().line())
        .containsExactlyInAnyOrder(
            "PythonFn 8", "PythonFn 13", "PythonFn 20", "PythonFn 21", "NodeFn 5");
    assertThat(result.findings())
        .filteredOn(
            f -> f.functionName().orElseThrow().equals("PythonFn") && f.location().line() == 13)
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("event → body → yaml.load");
    assertThat(result.findings())
        .filteredOn(f -> f.functionName().orElseThrow().equals("NodeFn"))
        .extracting(Finding::severity)
        .containsExactly(Severity.CRITICAL);
  }

  @Test
  void ignoresArgumentListsAndSafeLoaders() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
