package dev.warden.rules.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class NoCustomerKeyTest {

  private final RuleFixture fixture = RuleFixture.of(new NoCustomerKey());

  @Test
  void flagsLabelledFunctionsAndTheExceptionsOfAnAppThatUsesKeys() {
    fixture.load("positive.yaml").assertFindingsExactly("labelled", "exception");
  }

  @Test
  void ratesTheExceptionLow() {
    assertThat(fixture.load("positive.yaml").findings())
        .extracting(f -> f.functionName().orElseThrow(), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("labelled", Severity.MEDIUM), tuple("exception", Severity.LOW));
  }

  @Test
  void ignoresFunctionsWithKeys() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
