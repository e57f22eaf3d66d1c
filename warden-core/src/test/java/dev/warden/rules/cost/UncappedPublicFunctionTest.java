package dev.warden.rules.cost;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UncappedPublicFunctionTest {

  private final RuleFixture fixture = RuleFixture.of(new UncappedPublicFunction());

  @Test
  void flagsPublicFunctionsWithoutAConcurrencyCap() {
    fixture.load("positive.yaml").assertFindingsExactly("OpenFn");
  }

  @Test
  void ignoresCappedAndInternalFunctions() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
