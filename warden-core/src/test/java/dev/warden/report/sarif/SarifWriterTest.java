package dev.warden.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.JsonSchemas;
import dev.warden.testing.Repo;
import dev.warden.testing.RuleFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {

  private static final String SCHEMA_ID =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  @TempDir Path dir;

  private static String sarif(ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    new SarifWriter().write(result, out);
    return out.toString();
  }

  private static ScanResult demo() {
    return Scan.run(ScanRequest.of(Repo.path("examples/acme-shop")), RuleFixture.CLOCK);
  }

  private static Set<ValidationMessage> validate(String json) throws IOException {
    String schema;
    try (InputStream in = SarifWriterTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return JsonSchemas.validate(
        SpecVersion.VersionFlag.V4, Map.of(SCHEMA_ID, schema), SCHEMA_ID, json);
  }

  @Test
  void theDemoReportIsValidSarif() throws IOException {
    assertThat(validate(sarif(demo()))).isEmpty();
  }

  @Test
  void theRunSaysWhatTheAdvisoryDatabaseWas() throws IOException {
    JsonNode run = new ObjectMapper().readTree(sarif(demo())).path("runs").path(0);
    assertThat(run.path("properties").path("advisoryDatabase").path("status").asText())
        .isEqualTo("missing");
    assertThat(run.path("properties").path("advisoryDatabase").path("warning").asText())
        .contains("not matched against advisories");
  }

  @Test
  void theValidatorCatchesABrokenLog() throws IOException {
    String broken = sarif(demo()).replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");
    assertThat(validate(broken)).isNotEmpty();
  }

  @Test
  void everyResultHasARuleALevelALineAndAFingerprint() throws IOException {
    JsonNode run = new ObjectMapper().readTree(sarif(demo())).get("runs").get(0);
    JsonNode rules = run.at("/tool/driver/rules");
    assertThat(rules.size()).isGreaterThan(30);
    for (JsonNode rule : rules) {
      assertThat(rule.at("/properties/security-severity").asText()).matches("\\d+\\.\\d");
      assertThat(rule.at("/help/text").asText()).isNotBlank();
    }
    for (JsonNode result : run.get("results")) {
      String ruleId = result.get("ruleId").asText();
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(ruleId);
      assertThat(result.get("level").asText()).isIn("error", "warning", "note");
      assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
      assertThat(
              result
                  .at("/partialFingerprints/" + SarifWriter.FINGERPRINT_KEY.replace("/", "~1"))
                  .asText())
          .hasSizeGreaterThanOrEqualTo(16);
    }
  }

  @Test
  void fingerprintsStayTheSameWhenLinesMove() throws IOException {
    Path template = Repo.path("examples/acme-shop/template.yaml");
    Files.writeString(dir.resolve("template.yaml"), Files.readString(template));
    Files.createDirectories(dir.resolve("src"));
    List<String> before = fingerprints(Scan.run(ScanRequest.of(dir), RuleFixture.CLOCK));
    Files.writeString(
        dir.resolve("template.yaml"), "# moved down\n\n\n" + Files.readString(template));
    List<String> after = fingerprints(Scan.run(ScanRequest.of(dir), RuleFixture.CLOCK));
    assertThat(after).containsExactlyInAnyOrderElementsOf(before);
  }

  private static List<String> fingerprints(ScanResult result) throws IOException {
    List<String> all = new ArrayList<>();
    for (JsonNode r : new ObjectMapper().readTree(sarif(result)).at("/runs/0/results")) {
      all.add(
          r.get("ruleId").asText() + " " + r.get("partialFingerprints").elements().next().asText());
    }
    return all;
  }
}
