package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.JsonSchemas;
import dev.warden.testing.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  private static final String DEMO = Repo.path("examples/acme-shop").toString();

  @TempDir Path dir;

  @Test
  void scanPrintsTheFunctionsAndASummary() {
    Cli cli = Cli.run("scan", DEMO);
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .startsWith("warden ")
        .contains("13 functions scanned — ")
        .contains("OrdersApiFunction")
        .contains("fix: ")
        .contains("Summary:")
        .doesNotContain("\u001b[");
    assertThat(cli.out().indexOf(" SERIOUS ")).isLessThan(cli.out().indexOf(" LOW "));
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void policyWritesTheLeastPrivilegePolicyOfAFunctionOrAll() throws Exception {
    Cli one = Cli.run("policy", DEMO, "--function", "OrdersApiFunction");
    assertThat(one.exitCode()).isZero();
    assertThat(one.out())
        .contains("\"Version\" : \"2012-10-17\"")
        .contains("dynamodb:PutItem")
        .doesNotContain("dynamodb:*");
    Cli all = Cli.run("policy", DEMO, "--all");
    assertThat(all.exitCode()).isZero();
    assertThat(all.out()).contains("\"reductionPercent\"").contains("\"evidence\"");
    Cli sam = Cli.run("policy", DEMO, "--function", "OrdersApiFunction", "--format", "sam");
    assertThat(sam.exitCode()).isZero();
    assertThat(sam.out())
        .startsWith("OrdersApiFunction:\n  Properties:\n    Policies:")
        .contains(
            "Resource: !Sub \"arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/acme-orders-prod\"");
    assertThat(Cli.run("policy", DEMO).exitCode()).isEqualTo(2);
    assertThat(Cli.run("policy", DEMO, "--function", "NoSuchFunction").err())
        .contains("no function NoSuchFunction");
  }

  @Test
  void quietKeepsTheSummaryAndTheFindingsOnly() {
    Cli cli = Cli.run("scan", "--quiet", DEMO);
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("13 functions scanned")
        .contains("WDN-IAM-001")
        .doesNotContain("fix: ")
        .doesNotContain("exposure ")
        .doesNotContain("Data: ");
  }

  @Test
  void colourIsForTerminalsOrWhenAskedFor() {
    assertThat(Cli.run("scan", "--color", "always", DEMO).out()).contains("\u001b[1;31m");
    assertThat(Cli.run("scan", "--color", "sometimes", DEMO).exitCode()).isEqualTo(2);
  }

  @Test
  void scanWritesSarifAndHtml() throws Exception {
    Path sarif = dir.resolve("report.sarif");
    Path html = dir.resolve("report.html");
    assertThat(Cli.run("scan", "--format", "sarif", "-o", sarif.toString(), DEMO).exitCode())
        .isZero();
    assertThat(Cli.run("scan", "--format", "html", "-o", html.toString(), DEMO).exitCode())
        .isZero();
    assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("attack-surface");
  }

  @Test
  void aBaselineLeavesOnlyNewFindingsToFailOn() throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(
        template,
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: x
              FunctionUrlConfig: {AuthType: NONE}
        """);
    Path before = dir.resolve("before.json");
    Cli.run("scan", "--format", "json", "-o", before.toString(), template.toString());
    assertThat(Cli.run("scan", "--fail-on", "high", template.toString()).exitCode()).isOne();
    Cli again =
        Cli.run("scan", "--fail-on", "high", "--baseline", before.toString(), template.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("suppressed").doesNotContain("WDN-EXP-001");
  }

  @Test
  void aBadSettingsFileIsAUsageErrorWithFileAndLine() throws Exception {
    Files.writeString(
        dir.resolve(".warden.yml"),
        """
        suppressions:
          - rule: WDN-EXP-001
            function: Fn
        """);
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: arn:aws:iam::111122223333:role/r}
        """);
    Cli cli = Cli.run("scan", dir.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains(".warden.yml:2:").contains("needs a reason");
    assertThat(cli.err()).doesNotContain("Exception");
  }

  @Test
  void scanWritesTheJsonReportToAFile() throws Exception {
    Path report = dir.resolve("out/report.json");
    Cli cli = Cli.run("scan", "--format", "json", "--output", report.toString(), DEMO);
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEmpty();
    JsonSchemas.assertValid(
        "report-v1.schema.json", Files.readString(report, StandardCharsets.UTF_8));
    try (var left = Files.list(report.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }

  @Test
  void inventoryJsonFollowsItsSchema() {
    Cli cli = Cli.run("inventory", "--format=JSON", DEMO);
    assertThat(cli.exitCode()).isZero();
    JsonSchemas.assertValid("inventory-v1.schema.json", cli.out());
    assertThat(cli.out()).startsWith("{\n  \"schemaVersion\": 1,\n  \"functions\": [");
  }

  @Test
  void inventoryTableListsEntryPointsAndWhatEachFunctionReaches() {
    Cli cli = Cli.run("inventory", DEMO);
    assertThat(cli.out())
        .contains("ENTRY POINTS")
        .contains("public    http POST /orders")
        .contains("reaches   OrdersTable (DynamoDB::Table)")
        .contains("shared with SignupHookFunction");
  }

  @Test
  void failOnGivesExitCodeOneOnlyForFindingsAtOrAboveTheThresholdAndNeverForInputErrors()
      throws Exception {
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: fn
              Runtime: python3.12
              Handler: a.b
              Code: {ZipFile: x}
              Role: !Ref Nowhere
              TracingConfig: {Mode: Active}
          FnLogs:
            Type: AWS::Logs::LogGroup
            Properties: {LogGroupName: /aws/lambda/fn, RetentionInDays: 30}
        """);
    Cli cli = Cli.run("scan", "--fail-on", "info", dir.toString());
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("WDN-INPUT-001").contains("Ref to Nowhere");
  }

  @Test
  void aBadFailOnValueIsAUsageError() {
    Cli cli = Cli.run("scan", "--fail-on", "catastrophic", DEMO);
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--fail-on takes critical, high, medium, low or info");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Cli cli = Cli.run("scan", "--colour", DEMO);
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("Unknown option: '--colour'");
  }

  @Test
  void malformedYamlExitsWithThreeAndNamesFileAndLineWithoutAStackTrace() throws Exception {
    Files.writeString(
        dir.resolve("template.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn: [unclosed\n");
    Cli cli = Cli.run("scan", dir.resolve("template.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err())
        .contains("template.yaml:4:1: YAML syntax error")
        .doesNotContain("at dev.warden")
        .doesNotContain("Exception");
  }

  @Test
  void debugShowsTheStackTrace() throws Exception {
    Files.writeString(
        dir.resolve("template.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn: [unclosed\n");
    Cli cli = Cli.run("--debug", "scan", dir.resolve("template.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err()).contains("NothingToScan").contains("at dev.warden");
  }

  @Test
  void aFileThatIsNotATemplateExitsWithThreeAndSaysWhatToDo() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "logging: {level: debug}\n");
    Cli cli = Cli.run("inventory", dir.resolve("config.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err())
        .contains("config.yaml: not a CloudFormation or SAM template")
        .contains("Scan a template or serverless.yml");
  }

  @Test
  void neverOverwritesATemplateWithItsOutput() throws Exception {
    Path template = dir.resolve("template.yaml");
    String original =
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q: {Type: AWS::SQS::Queue}\n";
    Files.writeString(template, original);
    Cli cli = Cli.run("scan", "--output", template.toString(), DEMO);
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("Warden does not overwrite its input");
    assertThat(Files.readString(template)).isEqualTo(original);
  }

  @Test
  void parametersOverrideTemplateDefaults() throws Exception {
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        Parameters:
          Stage: {Type: String, Default: dev}
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              Code: {ZipFile: x}
              Role: arn:aws:iam::1:role/r
              Environment: {Variables: {STAGE: !Ref Stage}}
        """);
    Cli cli = Cli.run("inventory", "--format", "json", "--param", "Stage=prod", dir.toString());
    assertThat(cli.out()).contains("\"value\": \"prod\"");
  }

  @Test
  void everyCommandHasHelpWithAnExampleAndTheExitCodes() {
    for (String command : new String[] {"scan", "inventory"}) {
      Cli cli = Cli.run(command, "--help");
      assertThat(cli.exitCode()).isZero();
      assertThat(cli.out())
          .contains("Examples:")
          .contains("warden " + command)
          .contains("Exit codes:");
    }
    Cli top = Cli.run("--help");
    assertThat(top.out()).contains("scan").contains("inventory").contains("Examples:");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(Cli.run().exitCode()).isEqualTo(2);
  }
}
