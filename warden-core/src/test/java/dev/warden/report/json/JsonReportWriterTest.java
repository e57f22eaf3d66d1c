package dev.warden.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.rules.Finding;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.JsonSchemas;
import dev.warden.testing.Loaded;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {

  @TempDir Path dir;

  @Test
  void inputErrorsBecomeInfoFindingsWithAStableFingerprint() throws Exception {
    Loaded.write(
        dir,
        "template.yaml",
        """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              Code: {ZipFile: x}
              Role: arn:aws:iam::1:role/r
              Environment: {Variables: {A: !Frobnicate x}}
        """);
    ScanResult result = Scan.run(ScanRequest.of(dir));
    StringWriter json = new StringWriter();
    new JsonReportWriter().writeReport(result, json);
    JsonSchemas.assertValid("report-v1.schema.json", json.toString());
    assertThat(json.toString())
        .contains("\"ruleId\": \"WDN-INPUT-001\"")
        .contains("\"category\": \"input-error\"")
        .contains("\"severity\": \"info\"")
        .contains("\"inputErrors\": 1");
    String fingerprint = inputError(result).fingerprint();
    Loaded.write(
        dir,
        "template.yaml",
        "\n\n" + java.nio.file.Files.readString(dir.resolve("template.yaml")));
    assertThat(inputError(Scan.run(ScanRequest.of(dir))).fingerprint())
        .as("after the lines moved")
        .isEqualTo(fingerprint);
  }

  @Test
  void secretLookingEnvironmentValuesAreNotWrittenToReports() throws Exception {
    Loaded.write(
        dir,
        "template.yaml",
        """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              Code: {ZipFile: x}
              Role: arn:aws:iam::1:role/r
              Environment: {Variables: {DB_PASSWORD: hunter2hunter2, TABLE: orders}}
        """);
    StringWriter json = new StringWriter();
    new JsonReportWriter().writeInventory(Scan.run(ScanRequest.of(dir)).inventory(), json);
    assertThat(json.toString())
        .doesNotContain("hunter2")
        .contains("…[14 chars, sha256:")
        .contains("\"orders\"");
  }

  private static Finding inputError(ScanResult result) {
    return result.findings().stream()
        .filter(f -> f.rule().id().equals("WDN-INPUT-001"))
        .findFirst()
        .orElseThrow();
  }
}
