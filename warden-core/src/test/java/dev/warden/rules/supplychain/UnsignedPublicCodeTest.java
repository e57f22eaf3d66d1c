package dev.warden.rules.supplychain;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnsignedPublicCodeTest {

  private final RuleFixture fixture = RuleFixture.of(new UnsignedPublicCode());

  @Test
  void flagsPublicFunctionsWithoutCodeSigning() {
    fixture.load("positive.yaml").assertFindingsExactly("OpenFn");
  }

  @Test
  void ignoresSignedAndInternalFunctions() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
