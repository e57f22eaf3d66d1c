package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.iam.simulate.Simulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The engine against an independent implementation: every case of {@code oracle/cases.jsonl}
 * (written by {@code tools/iamsim/generate-cases.mjs}) carries the decision of
 * {@code @cloud-copilot/iam-simulate}, or, where AWS's documentation shows that implementation
 * wrong, AWS's decision and why. The engine must agree on all of them.
 */
class OracleDifferentialTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Simulator SIMULATOR =
      new Simulator(
          IamCatalog.bundled(), Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void agreesWithTheOracleOnEveryCase() throws IOException {
    List<String> disagreements = new ArrayList<>();
    int cases = 0;
    int hand = 0;
    try (BufferedReader lines = cases()) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        JsonNode c = JSON.readTree(line);
        cases++;
        if (c.path("source").asText().equals("hand")) {
          hand++;
        }
        String expected =
            c.has("awsDecision") ? c.get("awsDecision").asText() : c.get("expected").asText();
        JsonNode answer = JSON.readTree(SIMULATOR.simulate("cases.jsonl", number, line));
        String actual =
            answer.has("decision")
                ? answer.get("decision").asText()
                : "error: " + answer.path("error").asText();
        if (!Objects.equals(expected, actual)) {
          disagreements.add(
              c.get("id").asText()
                  + " ("
                  + c.path("note").asText("random")
                  + "): expected "
                  + expected
                  + ", engine says "
                  + actual);
        }
      }
    }
    assertThat(cases).isGreaterThanOrEqualTo(2000);
    assertThat(hand).isGreaterThanOrEqualTo(150);
    assertThat(disagreements).as("%d disagreements", disagreements.size()).isEmpty();
  }

  private static BufferedReader cases() {
    InputStream in =
        OracleDifferentialTest.class.getResourceAsStream("/dev/warden/iam/oracle/cases.jsonl");
    assertThat(in).as("oracle/cases.jsonl on the test class path").isNotNull();
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
