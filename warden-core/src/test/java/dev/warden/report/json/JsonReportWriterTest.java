package dev.warden.report.json;

import static org.assertj.core.api.Assertions.assertThat;

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
        .contains("\"info\": 1");
    String fingerprint = result.findings().get(0).fingerprint();
    Loaded.write(
        dir,
        "template.yaml",
        "\n\n" + java.nio.file.Files.readString(dir.resolve("template.yaml")));
    assertThat(Scan.run(ScanRequest.of(dir)).findings().get(0).fingerprint())
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
        .contains("<redacted: 14 characters>")
        .contains("\"orders\"");
  }
}
