package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.JsonSchemas;
import dev.warden.testing.Loaded;
import dev.warden.testing.Repo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {

  private static final String TRAIL = Repo.path("examples/acme-shop/trail").toString();

  @Test
  void statsCountsTheTopTalkersAsTabSeparatedRowsCountLast() {
    Cli stats = Cli.run("logs", "stats", TRAIL, "--by", "eventSource,eventName");
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out())
        .startsWith(
            """
            dynamodb.amazonaws.com\tUpdateItem\t36
            secretsmanager.amazonaws.com\tGetSecretValue\t28
            sts.amazonaws.com\tAssumeRole\t28
            sts.amazonaws.com\tGetCallerIdentity\t24
            """);
    assertThat(stats.err()).contains("read 116 events from 1 input");
  }

  @Test
  void statsByActionCountsTheIamActionsThatAuthorisedTheEvents() {
    Cli stats = Cli.run("logs", "stats", TRAIL, "--by", "action");
    assertThat(stats.out())
        .startsWith("dynamodb:UpdateItem\t36\nsecretsmanager:GetSecretValue\t28\n")
        .contains("(none needed)\t24\n");
  }

  @Test
  void usageListsWhatEachRoleAndFunctionUsed() throws Exception {
    Cli usage = Cli.run("logs", "usage", TRAIL);
    assertThat(usage.exitCode()).as(usage.err()).isZero();
    JsonSchemas.assertValid("logs-usage-v1.schema.json", usage.out());
    assertThat(JsonSchemas.validate("logs-usage-v1.schema.json", "{\"principals\": 3}"))
        .as("the schema is not vacuous")
        .isNotEmpty();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(usage.out());
    var principal = json.path("principals").path(0);
    assertThat(principal.path("arn").asText())
        .isEqualTo(
            "arn:aws:iam::123456789012:role/acme-shop-PaymentWebhookFunctionRole-1A2B3C4D5E6F");
    assertThat(principal.path("used").path(0).path("action").asText())
        .isEqualTo("dynamodb:UpdateItem");
    assertThat(principal.path("used").path(0).path("count").asInt()).isEqualTo(36);
    assertThat(principal.path("functions").path(0).path("name").asText())
        .isEqualTo("acme-shop-PaymentWebhookFunction-9Z8Y7X6W5V4U");
    assertThat(json.path("window").path("from").asText()).isEqualTo("2026-11-20T01:02:59Z");
  }

  @Test
  void statsAsJsonNamesEachKey() {
    Cli stats = Cli.run("logs", "stats", TRAIL, "--by", "errorCode", "--format", "json");
    JsonSchemas.assertValid("logs-stats-v1.schema.json", stats.out());
    JsonSchemas.assertValid(
        "logs-stats-v1.schema.json",
        Cli.run("logs", "stats", TRAIL, "--by", "principal,action,sourceIp", "--format", "json")
            .out());
    assertThat(stats.out()).contains("\"errorCode\" : \"-\"").contains("\"count\" : 116");
  }

  @Test
  void filtersKeepATimeWindowAndSkipTheRest() {
    Cli stats =
        Cli.run(
            "logs",
            "stats",
            TRAIL,
            "--by",
            "eventName",
            "--since",
            "2026-11-20T12:00:00Z",
            "--until",
            "2026-11-21");
    assertThat(stats.exitCode()).isZero();
    assertThat(stats.err()).containsPattern("outside the filters");
  }

  @Test
  void badRecordsAreCountedWithFileAndLineAndTheRestIsCounted(@TempDir Path dir) {
    Loaded.write(
        dir,
        "export.jsonl",
        "{\"eventTime\": \"2026-11-20T10:00:00Z\", \"eventSource\": \"s3.amazonaws.com\","
            + " \"eventName\": \"GetObject\"}\n{not json\n");
    Cli stats = Cli.run("logs", "stats", dir.toString(), "--by", "eventName");
    assertThat(stats.exitCode()).isZero();
    assertThat(stats.out()).isEqualTo("GetObject\t1\n");
    assertThat(stats.err())
        .contains("1 records or files skipped")
        .contains("export.jsonl:2: not valid JSON")
        .doesNotContain("Exception");
  }

  @Test
  void anUnknownKeyOrAMissingFileIsAUsageError(@TempDir Path dir) {
    Cli key = Cli.run("logs", "stats", TRAIL, "--by", "colour");
    assertThat(key.exitCode()).isEqualTo(2);
    assertThat(key.err()).contains("--by takes principal, eventSource");
    Cli missing = Cli.run("logs", "stats", dir.resolve("nothing").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or folder");
  }

  @Test
  void aScanWithTheTrailChecksUnusedPermissionsAgainstWhatTheFunctionsUsed() throws Exception {
    Cli scan =
        Cli.run(
            "scan",
            Repo.path("examples/acme-shop").toString(),
            "--trail",
            TRAIL,
            "--format",
            "json",
            "--db",
            "/nonexistent/advisories.db");
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    JsonSchemas.assertValid("report-v1.schema.json", scan.out());
    var findings =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(scan.out()).path("findings");
    com.fasterxml.jackson.databind.JsonNode unused = null;
    for (var finding : findings) {
      if (finding.path("ruleId").asText().equals("WDN-IAM-009")
          && finding.path("function").asText().equals("PaymentWebhookFunction")) {
        unused = finding;
      }
    }
    assertThat(unused).isNotNull();
    assertThat(unused.path("message").asText())
        .contains(
            "none of them used in the audit logs from 2026-11-20T01:02:59Z to 2026-11-20T08:59:04Z")
        .contains("the logs show dynamodb:UpdateItem used: not counted unused")
        .doesNotContain("dynamodb:UpdateItem,");
    assertThat(unused.path("observedWindow").path("to").asText()).isEqualTo("2026-11-20T08:59:04Z");
    assertThat(unused.path("usedInLogs").path(0).asText()).isEqualTo("dynamodb:UpdateItem");
    assertThat(scan.err()).contains("read 116 events");
    Cli missing = Cli.run("scan", Repo.path("examples/acme-shop").toString(), "--trail", "/nope");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--trail: no such file or folder: /nope");
  }

  @Test
  void analyzeFindsTheDemoAttackAndSaysWhyItIsNoScheduledFunction() throws Exception {
    Cli analyze = Cli.run("logs", "analyze", TRAIL);
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var lines = analyze.out().lines().map(l -> readTree(mapper, l)).toList();
    assertThat(lines)
        .extracting(l -> l.path("type").asText())
        .containsExactly("credential-exfiltration", "groundhog-day");
    var groundhog = lines.get(1);
    assertThat(groundhog.path("principal").asText())
        .isEqualTo(
            "arn:aws:iam::123456789012:role/acme-shop-PaymentWebhookFunctionRole-1A2B3C4D5E6F");
    assertThat(groundhog.path("function").asText())
        .isEqualTo("acme-shop-PaymentWebhookFunction-9Z8Y7X6W5V4U");
    assertThat(groundhog.path("start").asText()).isEqualTo("2026-11-20T03:14:00Z");
    assertThat(groundhog.path("severity").asText()).isEqualTo("critical");
    assertThat(groundhog.path("evidence").path("period").asText()).isEqualTo("15m");
    assertThat(groundhog.path("evidence").path("repeats").asInt()).isEqualTo(24);
    assertThat(groundhog.path("evidence").path("burstSize").asInt()).isEqualTo(3);
    assertThat(groundhog.path("evidence").path("whyNotBenign").path(0).asText())
        .contains("outside Lambda");
    assertThat(groundhog.path("eventCount").asInt()).isEqualTo(72);
    assertThat(groundhog.path("eventIds")).hasSize(72);
    var stolen = lines.get(0);
    assertThat(stolen.path("evidence").path("boundBy").asText())
        .isEqualTo("AssumeRole by lambda.amazonaws.com");
    assertThat(stolen.path("evidence").path("accessKeys")).hasSize(24);
    for (String line : analyze.out().lines().toList()) {
      JsonSchemas.assertValid(
          "logs-analyze-v1.schema.json",
          "{\"detections\": ["
              + line
              + "], \"summary\": {\"inputs\": 1, \"events\": 1, \"lateEvents\": 0,"
              + " \"duplicates\": 0, \"outsideFilters\": 0, \"unreadable\": 0,"
              + " \"detections\": {}}, \"problems\": [], \"thresholds\": {}}");
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(
      com.fasterxml.jackson.databind.ObjectMapper mapper, String line) {
    try {
      return mapper.readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void analyzeAsJsonCarriesASummaryAndTheThresholdsAndFailsOnRequest() throws Exception {
    Cli analyze =
        Cli.run(
            "logs",
            "analyze",
            TRAIL,
            "--format",
            "json",
            "--threshold",
            "groundhog-day.min-repeats=30",
            "--fail-on",
            "high");
    assertThat(analyze.exitCode()).as("a critical detection fails the run").isEqualTo(1);
    JsonSchemas.assertValid("logs-analyze-v1.schema.json", analyze.out());
    assertThat(JsonSchemas.validate("logs-analyze-v1.schema.json", "{\"detections\": 1}"))
        .as("the schema is not vacuous")
        .isNotEmpty();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(analyze.out());
    assertThat(json.path("summary").path("events").asInt()).isEqualTo(116);
    assertThat(json.path("summary").path("detections").path("groundhog-day").asInt())
        .as("24 replays are fewer than the 30 asked for")
        .isZero();
    assertThat(json.path("thresholds").path("groundhog-day.min-repeats").asText()).isEqualTo("30");
  }

  @Test
  void analyzeAsSarifMakesEachDetectionAnAttackResult() throws Exception {
    Cli analyze = Cli.run("logs", "analyze", TRAIL, "--format", "sarif");
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    var run =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(analyze.out())
            .path("runs")
            .path(0);
    assertThat(run.path("results")).hasSize(2);
    assertThat(run.path("results").path(1).path("ruleId").asText()).isEqualTo("WDN-ATK-001");
    assertThat(run.path("results").path(1).path("properties").path("category").asText())
        .isEqualTo("attack");
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(6);
  }

  @Test
  void analyzeRefusesAnUnknownOrMalformedThreshold() {
    Cli unknown = Cli.run("logs", "analyze", TRAIL, "--threshold", "groundhog.repeats=3");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no threshold named 'groundhog.repeats'");
    Cli malformed = Cli.run("logs", "analyze", TRAIL, "--threshold", "recon.window=ten");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err())
        .contains("recon.window takes a duration (90s, 10m, 6h, 7d), not 'ten'");
    assertThat(malformed.err()).doesNotContain("Exception");
  }

  @Test
  void analyzeSkipsBrokenRecordsWithTheirLineAndGoesOn(@TempDir Path folder) throws Exception {
    Path logs = folder.resolve("broken.jsonl");
    java.nio.file.Files.writeString(
        logs,
        """
        {"eventTime": "2026-11-20T10:00:00Z", "eventSource": "sts.amazonaws.com", \
        "eventName": "GetCallerIdentity", "eventID": "e1"}
        {"eventTime": "2026-11-20T10:00:01Z", "eventSource": "sts.amazonaws
        {"eventSource": "sts.amazonaws.com", "eventName": "GetCallerIdentity", "eventID": "e3"}
        """);
    Cli analyze = Cli.run("logs", "analyze", logs.toString());
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    assertThat(analyze.err())
        .contains("read 1 events")
        .contains(logs + ":2: not valid JSON")
        .contains(logs + ":3: record e3 lacks eventTime: skipped");
  }

  @Test
  void simulateWritesATrailThatAnalyzeFindsTheLabelledAttacksIn(@TempDir Path folder)
      throws Exception {
    Path trail = folder.resolve("trail");
    Cli simulate =
        Cli.run("logs", "simulate", "--out", trail.toString(), "--functions", "10", "--days", "3");
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    Path labels = folder.resolve("trail.labels.json");
    var expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(labels.toFile());
    assertThat(expected).hasSize(10);
    Cli analyze = Cli.run("logs", "analyze", trail.toString(), "--format", "json");
    var found = new com.fasterxml.jackson.databind.ObjectMapper().readTree(analyze.out());
    assertThat(found.path("summary").path("lateEvents").asInt())
        .as("files read side by side do not make each other late")
        .isZero();
    java.util.Set<String> foundTypes = new java.util.TreeSet<>();
    found.path("detections").forEach(d -> foundTypes.add(d.path("type").asText()));
    assertThat(foundTypes)
        .containsExactly(
            "credential-exfiltration",
            "denial-of-wallet",
            "groundhog-day",
            "new-api",
            "privilege-escalation",
            "recon");
    Cli again = Cli.run("logs", "simulate", "--out", trail.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exists");
  }

  @Test
  void aScanWithTheTrailReportsTheAttackOnTheFunctionItConcerns() throws Exception {
    Cli scan =
        Cli.run(
            "scan",
            Repo.path("examples/acme-shop").toString(),
            "--trail",
            TRAIL,
            "--format",
            "json",
            "--db",
            "/nonexistent/advisories.db");
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    var findings =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(scan.out()).path("findings");
    java.util.List<com.fasterxml.jackson.databind.JsonNode> attacks = new java.util.ArrayList<>();
    findings.forEach(
        f -> {
          if (f.path("category").asText().equals("attack")) {
            attacks.add(f);
          }
        });
    assertThat(attacks)
        .extracting(f -> f.path("ruleId").asText())
        .containsExactlyInAnyOrder("WDN-ATK-001", "WDN-ATK-002");
    for (var attack : attacks) {
      assertThat(attack.path("function").asText()).isEqualTo("PaymentWebhookFunction");
      assertThat(attack.path("severity").asText()).isEqualTo("critical");
      assertThat(attack.path("location").path("file").asText()).endsWith("template.yaml");
      assertThat(attack.path("detection").path("principal").asText())
          .endsWith(":role/acme-shop-PaymentWebhookFunctionRole-1A2B3C4D5E6F");
    }
  }

  @Test
  void anEngineThatIsNotThereIsAUsageErrorThatSaysHowToGetIt() {
    Cli flink = Cli.run("logs", "analyze", "--engine", "flink", TRAIL);
    assertThat(flink.exitCode()).isEqualTo(2);
    assertThat(flink.err())
        .contains("the flink engine is not on the class path: run through ./warden");
    Cli spark = Cli.run("logs", "analyze", "--engine", "spark", TRAIL);
    assertThat(spark.exitCode()).isEqualTo(2);
    assertThat(spark.err()).contains("--engine takes local or flink, not 'spark'");
  }
}
