package dev.warden.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.rules.Finding;
import dev.warden.testing.Loaded;
import dev.warden.testing.RuleFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {

  @TempDir Path dir;

  @BeforeEach
  void template() {
    Loaded.write(
        dir,
        "template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          WebhookFn:
            Type: AWS::Serverless::Function
            Metadata:
              warden:
                suppress:
                  - rule: WDN-SC-002
                    reason: code is deployed by the signed release pipeline only
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: x
              FunctionUrlConfig: {AuthType: NONE}
          OtherFn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: x
              FunctionUrlConfig: {AuthType: NONE}
        """);
  }

  private ScanResult scan(ScanOptions options) {
    return Scan.run(ScanRequest.of(dir), RuleFixture.CLOCK, options);
  }

  private static List<String> suppressed(ScanResult result) {
    return result.findings().stream()
        .filter(Finding::suppressed)
        .map(f -> f.rule().id() + " " + f.functionName().orElse("-"))
        .toList();
  }

  @Test
  void templateMetadataSuppressesTheRuleOnThatResourceOnly() {
    ScanResult result = scan(ScanOptions.defaults());
    assertThat(suppressed(result)).containsExactly("WDN-SC-002 WebhookFn");
    assertThat(result.findings())
        .filteredOn(Finding::suppressed)
        .allSatisfy(
            f -> assertThat(f.suppression().orElseThrow()).contains("signed release pipeline"));
  }

  @Test
  void settingsSuppressByRuleAndFunctionUntilTheyExpire() {
    Loaded.write(
        dir,
        ".warden.yml",
        """
        suppressions:
          - rule: WDN-EXP-001
            function: WebhookFn
            reason: payment provider webhook; the handler checks the signature
            expires: 2026-12-31
          - rule: WDN-DOW-002
            function: WebhookFn
            reason: this one has lapsed
            expires: 2026-01-31
        """);
    WardenConfig config = WardenConfig.read(dir.resolve(".warden.yml"), ".warden.yml");
    ScanResult result = scan(new ScanOptions(config, Optional.empty(), ScanOptions.Progress.NONE));
    assertThat(suppressed(result))
        .contains("WDN-EXP-001 WebhookFn")
        .doesNotContain("WDN-EXP-001 OtherFn", "WDN-DOW-002 WebhookFn");
  }

  @Test
  void suppressedFindingsLeaveTheScoreAndTheCountsButStayInTheResult() {
    ScanResult plain = scan(ScanOptions.defaults());
    Loaded.write(
        dir,
        ".warden.yml",
        """
        suppressions:
          - rule: WDN-DOW-001
            reason: cost is capped by an AWS Budgets action
        """);
    WardenConfig config = WardenConfig.read(dir.resolve(".warden.yml"), ".warden.yml");
    ScanResult quiet = scan(new ScanOptions(config, Optional.empty(), ScanOptions.Progress.NONE));
    assertThat(quiet.findings()).hasSameSizeAs(plain.findings());
    assertThat(quiet.summary().suppressed()).isEqualTo(plain.summary().suppressed() + 2);
    assertThat(quiet.score(Loaded.folder(dir).function("OtherFn")).score())
        .isLessThan(plain.score(Loaded.folder(dir).function("OtherFn")).score());
  }

  @Test
  void everyMistakeInTheSettingsIsReportedWithItsLine() {
    Loaded.write(
        dir,
        ".warden.yml",
        """
        suppressions:
          - rule: WDN-EXP-001
          - rule: not-a-rule
            reason: x
          - rule: WDN-API-001
            reason: y
            expires: next week
            owner: me
        colour: red
        """);
    assertThatThrownBy(() -> WardenConfig.read(dir.resolve(".warden.yml"), ".warden.yml"))
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.at().line() + " " + p.message())
                    .containsExactly(
                        "9 unknown setting 'colour'",
                        "2 a suppression needs a reason",
                        "3 'not-a-rule' is not a rule id",
                        "8 unknown key 'owner' in a suppression",
                        "7 expires is not a date"));
  }

  @Test
  void aBaselineSuppressesWhatTheEarlierReportHad() {
    ScanResult first = scan(ScanOptions.defaults());
    Baseline baseline =
        new Baseline(
            "before.json",
            first.findings().stream()
                .map(Finding::fingerprint)
                .collect(java.util.stream.Collectors.toSet()));
    ScanResult second =
        scan(
            new ScanOptions(WardenConfig.none(), Optional.of(baseline), ScanOptions.Progress.NONE));
    assertThat(second.findings())
        .filteredOn(f -> !f.rule().id().equals("WDN-INPUT-001"))
        .allMatch(Finding::suppressed);
  }

  @Test
  void aFileThatIsNotAReportIsRejectedAsABaseline() {
    Path notAReport = Loaded.write(dir, "before.json", "{\"hello\": [1, 2");
    assertThatThrownBy(() -> Baseline.read(notAReport, "before.json"))
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e -> assertThat(e.problems().get(0).at().toString()).startsWith("before.json:1:"));
  }
}
