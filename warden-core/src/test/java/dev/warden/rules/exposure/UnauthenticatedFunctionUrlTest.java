package dev.warden.rules.exposure;

import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class UnauthenticatedFunctionUrlTest {

  private final RuleFixture fixture = RuleFixture.of(new UnauthenticatedFunctionUrl());

  @Test
  void flagsUrlsWithAuthNone() {
    fixture.load("positive.yaml").assertFindingsExactly("OpenUrlFn", "RawUrlFn");
  }

  @Test
  void ignoresIamUrls() {
    fixture.load("negative.yaml").assertNoFindings();
  }
}
