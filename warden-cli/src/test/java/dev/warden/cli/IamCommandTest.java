package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.testing.JsonSchemas;
import dev.warden.testing.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void simulateAnswersEveryLineInOrderAndKeepsGoingAfterABadOne() throws Exception {
    Path cases =
        write(
            "cases.jsonl",
            """
            {"principal": "arn:aws:iam::111122223333:role/fn", "policies": [{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}], "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "context": {"aws:SourceIp": "203.0.113.9", "aws:TagKeys": ["env"]}}
            {"principal": "arn:aws:iam::111122223333:role/fn", "policies": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}], "action": "s3:PutObject"
            {"principal": "arn:aws:iam::111122223333:role/fn", "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}], "action": "s3:DeleteObject", "resource": "arn:aws:s3:::b/k"}
            {"principal": "arn:aws:iam::111122223333:role/fn", "policies": [{"Statement": {"Effect": "Maybe", "Action": "*", "Resource": "*"}}], "action": "s3:GetObject", "resource": "*"}
            {"principal": "arn:aws:iam::111122223333:role/fn", "policies": [], "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}
            """);
    Cli cli = Cli.run("iam", "simulate", "--input", cases.toString());
    assertThat(cli.exitCode()).isZero();
    List<String> lines = cli.out().lines().toList();
    assertThat(lines).hasSize(5);
    for (String line : lines) {
      JsonSchemas.assertValid("iam-simulation-v1.schema.json", line);
    }
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"decision\":\"Allowed\",\"matched\":[{\"policyType\":\"identity\",\"policyIndex\":0,\"statementIndex\":0,\"sid\":\"Read\"}]}");
    assertThat(JSON.readTree(lines.get(1)).get("error").asText())
        .startsWith(cases + ":2: JSON syntax error");
    assertThat(lines.get(2))
        .isEqualTo(
            "{\"decision\":\"ExplicitlyDenied\",\"matched\":[{\"policyType\":\"identity\",\"policyIndex\":0,\"statementIndex\":1}]}");
    assertThat(JSON.readTree(lines.get(3)).get("error").asText())
        .isEqualTo(
            cases
                + ":4: policies[0]: Effect must be \"Allow\" or \"Deny\", not \"Maybe\" (column 90)");
    assertThat(lines.get(4)).isEqualTo("{\"decision\":\"ImplicitlyDenied\",\"matched\":[]}");
  }

  @Test
  void simulateDerivesTheGlobalKeysAwsFillsIn() throws Exception {
    Path cases =
        write(
            "cases.jsonl",
            """
            {"principal": "arn:aws:sts::111122223333:assumed-role/fn/s1", "policies": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalAccount}/*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/fn"}, "StringEquals": {"aws:ResourceAccount": "111122223333", "aws:PrincipalType": "AssumedRole"}, "DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}}}], "action": "s3:GetObject", "resource": "arn:aws:s3:::b/111122223333/k"}
            """);
    Cli cli = Cli.run("iam", "simulate", "--input", cases.toString());
    assertThat(cli.out()).startsWith("{\"decision\":\"Allowed\"");
  }

  @Test
  void simulateRefusesToOverwriteItsInput() throws Exception {
    Path cases = write("cases.jsonl", "{}\n");
    Cli cli = Cli.run("iam", "simulate", "--input", cases.toString(), "--output", cases.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(Files.readString(cases)).isEqualTo("{}\n");
  }

  @Test
  void analyzeJsonListsWhatIsAllowedAndTheRisksWithTheirStatements() throws Exception {
    Path policy =
        write(
            "policy.json",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*",
               "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}},
              {"Sid": "Deploy", "Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"},
              {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}
            ]}
            """);
    Cli cli = Cli.run("iam", "analyze", "--format", "json", policy.toString());
    assertThat(cli.exitCode()).isZero();
    JsonSchemas.assertValid("iam-analysis-v1.schema.json", cli.out());
    JsonNode report = JSON.readTree(cli.out());
    assertThat(report.get("allowed")).hasSize(3);
    JsonNode escalation = report.get("risks").get(0);
    assertThat(escalation.get("type").asText()).isEqualTo("privilege-escalation");
    assertThat(escalation.get("method").asText()).isEqualTo("PassRoleToNewLambdaThenInvoke");
    assertThat(escalation.get("statements").findValuesAsText("sid"))
        .containsExactly("Pass", "Deploy");
    assertThat(escalation.get("statements").findValuesAsText("line")).containsExactly("2", "4");
    assertThat(report.get("problems").get(0).get("code").asText()).isEqualTo("unknown_action");
    assertThat(report.get("problems").get(0).get("line").asInt()).isEqualTo(5);
  }

  @Test
  void analyzeAFunctionOfTheDemoAppShowsItsAdministratorPath() {
    Cli cli =
        Cli.run(
            "iam",
            "analyze",
            "--function",
            "AdminTasksFunction",
            Repo.path("examples/acme-shop").toString());
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("Effective permissions of function AdminTasksFunction")
        .contains("admin  PolicyAttach")
        .contains("granted by template.yaml:")
        .contains("Data: IAM catalog of ");
  }

  @Test
  void anUnknownFunctionIsAUsageErrorThatListsTheFunctions() {
    Cli cli =
        Cli.run("iam", "analyze", "--function", "Nope", Repo.path("examples/acme-shop").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("no function named Nope").contains("AdminTasksFunction");
  }

  @Test
  void analyzeOfInvalidJsonNamesFileAndLine() throws Exception {
    Path policy = write("policy.json", "{\"Version\": \"2012-10-17\",\n \"Statement\": [}\n");
    Cli cli = Cli.run("iam", "analyze", policy.toString());
    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err()).contains(policy + ":2").doesNotContain("Exception");
  }

  @Test
  void iamCommandsHaveHelpWithExamplesAndExitCodes() {
    for (String command : new String[] {"simulate", "analyze"}) {
      Cli cli = Cli.run("iam", command, "--help");
      assertThat(cli.exitCode()).isZero();
      assertThat(cli.out())
          .contains("Examples:")
          .contains("warden iam " + command)
          .contains("Exit codes:");
    }
  }
}
