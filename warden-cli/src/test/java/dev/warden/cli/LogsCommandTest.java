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
            sts.amazonaws.com\tGetCallerIdentity\t24
            """);
    assertThat(stats.err()).contains("read 88 events from 1 input");
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
    assertThat(json.path("window").path("from").asText()).isEqualTo("2026-11-20T01:03:00Z");
  }

  @Test
  void statsAsJsonNamesEachKey() {
    Cli stats = Cli.run("logs", "stats", TRAIL, "--by", "errorCode", "--format", "json");
    JsonSchemas.assertValid("logs-stats-v1.schema.json", stats.out());
    JsonSchemas.assertValid(
        "logs-stats-v1.schema.json",
        Cli.run("logs", "stats", TRAIL, "--by", "principal,action,sourceIp", "--format", "json")
            .out());
    assertThat(stats.out()).contains("\"errorCode\" : \"-\"").contains("\"count\" : 88");
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
            "none of them used in the audit logs from 2026-11-20T01:03:00Z to 2026-11-20T08:59:04Z")
        .contains("the logs show dynamodb:UpdateItem used: not counted unused")
        .doesNotContain("dynamodb:UpdateItem,");
    assertThat(unused.path("observedWindow").path("to").asText()).isEqualTo("2026-11-20T08:59:04Z");
    assertThat(unused.path("usedInLogs").path(0).asText()).isEqualTo("dynamodb:UpdateItem");
    assertThat(scan.err()).contains("read 88 events");
    Cli missing = Cli.run("scan", Repo.path("examples/acme-shop").toString(), "--trail", "/nope");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--trail: no such file or folder: /nope");
  }
}
