package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {

  private static final String DEMO = Repo.path("examples/acme-shop").toString();

  @Test
  void theServerlessSnippetGivesEachFunctionItsOwnStatements() {
    Cli cli = Cli.run("policy", DEMO, "--all", "--format", "serverless");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("serverless-iam-roles-per-function")
        .contains("functions:\n  OrdersApiFunction:\n    iamRoleStatements:\n      - Sid: ")
        .contains(
            "        Resource: !Sub"
                + " \"arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/acme-orders-prod\"")
        .contains("  OrderEventsFunction:\n    iamRoleStatements:");
  }

  @Test
  void theTerraformSnippetIsAPolicyDocumentWithTheAccountAndRegionAsDataSources() {
    Cli cli = Cli.run("policy", DEMO, "--function", "OrdersApiFunction", "--format", "terraform");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .startsWith("data \"aws_caller_identity\" \"current\" {}")
        .contains("data \"aws_iam_policy_document\" \"orders_api_function_least_privilege\" {")
        .contains("    actions   = [\"dynamodb:GetItem\", \"dynamodb:PutItem\", \"dynamodb:Scan\"]")
        .contains(
            "    resources ="
                + " [\"arn:aws:dynamodb:${data.aws_region.current.name}:"
                + "${data.aws_caller_identity.current.account_id}:table/acme-orders-prod\"]")
        .doesNotContain("AWS::");
  }

  @Test
  void aTemplateValueTerraformCannotNameBecomesAStarWithAComment() {
    Cli cli = Cli.run("policy", DEMO, "--function", "OrdersApiFunction", "--format", "terraform");
    // The log group of a function without a FunctionName is named after the function's symbol.
    assertThat(cli.out())
        .contains("    # ${OrdersApiFunction} is a template value: narrow the * it became")
        .contains(":log-group:/aws/lambda/*:*\"]");
  }

  @Test
  void patchWritesACopyBesideTheTemplateAndLeavesTheOriginal(@TempDir Path dir) throws IOException {
    Repo.copy("examples/acme-shop", dir);
    String original = Files.readString(dir.resolve("template.yaml"), StandardCharsets.UTF_8);
    Cli cli = Cli.run("policy", dir.toString(), "--patch");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).startsWith("wrote template.warden.yaml: 13 of 13 functions patched");
    assertThat(Files.readString(dir.resolve("template.yaml"), StandardCharsets.UTF_8))
        .isEqualTo(original);
    assertThat(dir.resolve("template.warden.yaml"))
        .content()
        .contains("# least privilege by warden");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    Cli scan = Cli.run("scan", dir.resolve("template.warden.yaml").toString(), "--format", "json");
    assertThat(scan.out()).doesNotContain("WDN-IAM-009").doesNotContain("input-error");
    Cli folder = Cli.run("scan", dir.toString(), "--quiet");
    assertThat(folder.out()).as("the copy is not scanned twice").contains("13 functions scanned");
  }

  @Test
  void inPlaceKeepsABackupOfTheOriginal(@TempDir Path dir) throws IOException {
    Repo.copy("examples/acme-shop", dir);
    String original = Files.readString(dir.resolve("template.yaml"), StandardCharsets.UTF_8);
    Cli cli =
        Cli.run(
            "policy", dir.toString(), "--function", "OrdersApiFunction", "--patch", "--in-place");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out())
        .startsWith("wrote template.yaml: 1 of 1 functions patched (OrdersApiFunction)");
    assertThat(dir.resolve("template.yaml.warden-backup")).content().isEqualTo(original);
    assertThat(dir.resolve("template.yaml")).content().contains("# least privilege by warden");
    assertThat(Files.exists(dir.resolve("template.warden.yaml"))).isFalse();
    Cli again = Cli.run("policy", dir.toString(), "--patch", "--in-place");
    assertThat(again.exitCode()).isZero();
    assertThat(dir.resolve("template.yaml.warden-backup")).content().isEqualTo(original);
    assertThat(Files.exists(dir.resolve("template.yaml.warden-backup.2"))).isTrue();
  }

  @Test
  void googleCloudAndAzureFunctionsGetNoIamPolicyButASayWhy() {
    Cli cli =
        Cli.run(
            "policy",
            Repo.path("warden-core/src/test/resources/dev/warden/inventory/gcp/storefront")
                .toString(),
            "--all");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("AWS functions only", "orders-api (gcp)", "warden scan");
  }

  @Test
  void inPlaceWithoutPatchIsAUsageError() {
    Cli cli = Cli.run("policy", DEMO, "--all", "--in-place");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--in-place goes with --patch");
  }

  @Test
  void withTheTrailThePolicyGainsWhatTheFunctionUsedThatTheCodeReadingMissed() throws Exception {
    String trail = Repo.path("examples/acme-shop/trail").toString();
    Cli without =
        Cli.run("policy", DEMO, "--function", "PaymentWebhookFunction", "--format", "json");
    Cli with =
        Cli.run(
            "policy",
            DEMO,
            "--function",
            "PaymentWebhookFunction",
            "--format",
            "json",
            "--trail",
            trail);
    assertThat(with.exitCode()).as(with.err()).isZero();
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(without.out())
                .path("functions")
                .path(0)
                .path("evidence")
                .has("dynamodb:UpdateItem"))
        .as("the code reading does not see the update")
        .isFalse();
    var entry =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(with.out())
            .path("functions")
            .path(0);
    assertThat(entry.path("evidence").path("dynamodb:UpdateItem").path(0).asText())
        .as("the function's own calls from inside Lambda, not the attacker's")
        .isEqualTo("logs:12 calls 2026-11-20T01:03:01Z..2026-11-20T07:50:01Z");
    assertThat(entry.path("evidence").path("secretsmanager:GetSecretValue").toString())
        .contains("code:src/payments/")
        .contains("logs:4 calls");
    assertThat(with.out())
        .contains(
            "\"Resource\" : \"arn:aws:dynamodb:us-east-1:123456789012:table/acme-orders-prod\"");
    assertThat(entry.path("notes").toString())
        .contains("combined with what the audit logs show the function using from");
  }
}
