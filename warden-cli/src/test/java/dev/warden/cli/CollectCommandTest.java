package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.aws.FakeAccount;
import dev.warden.aws.FakeAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `warden collect aws` against a local server that speaks the AWS APIs (the API shapes, not a live
 * account), then `warden scan` of the snapshot it wrote.
 */
class CollectCommandTest {

  @TempDir Path folder;
  private FakeAws aws;

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", "AKIAWARDENTEST");
    System.setProperty("aws.secretAccessKey", "test-secret");
  }

  @BeforeEach
  void start() throws Exception {
    aws = new FakeAws(FakeAccount.generated(List.of("us-east-1", "eu-west-1"), 12), Duration.ZERO);
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void collectsAnAccountThatScanThenReads() throws Exception {
    Path snapshot = folder.resolve("snapshot");

    Cli collect =
        Cli.run(
            "collect",
            "aws",
            "--endpoint-url",
            aws.endpoint().toString(),
            "--regions",
            "us-east-1,eu-west-1",
            "--output",
            snapshot.toString());

    assertThat(collect.exitCode()).as(collect.err()).isZero();
    assertThat(collect.err())
        .contains("account 123456789012", "us-east-1: 12 functions", "24 functions of account")
        .contains("next: warden scan");
    assertThat(snapshot.resolve("manifest.json")).exists();

    Cli scan = Cli.run("scan", snapshot.toString(), "--format", "json");
    assertThat(scan.exitCode()).as(scan.err()).isIn(0, 1);
    assertThat(scan.out())
        .contains("arn:aws:lambda:eu-west-1:123456789012:function:fn-0", "WDN-IAM-001");
    Cli sarif = Cli.run("scan", snapshot.toString(), "--format", "sarif");
    assertThat(sarif.out())
        .contains("logicalLocations", "fullyQualifiedName")
        .containsPattern(
            "\"fullyQualifiedName\"\\s*:\\s*\"arn:aws:lambda:us-east-1:123456789012:function:fn-0\"")
        .contains("regions/us-east-1/lambda/functions/fn-0/get-function.json");
  }

  @Test
  void printsTheCollectorsPolicyWithoutCredentials() {
    Cli cli = Cli.run("collect", "aws", "--print-policy");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("lambda:ListFunctions", "iam:GetAccountAuthorizationDetails");
  }

  @Test
  void aRefusedRoleOrABadOptionIsOneMessageAndNoStackTrace() throws Exception {
    aws.denyRole("arn:aws:iam::999999999999:role/audit");
    Cli denied =
        Cli.run(
            "collect",
            "aws",
            "--endpoint-url",
            aws.endpoint().toString(),
            "--regions",
            "us-east-1",
            "--role-arn",
            "arn:aws:iam::999999999999:role/audit",
            "--output",
            folder.resolve("x").toString());
    assertThat(denied.exitCode()).isEqualTo(3);
    assertThat(denied.err())
        .contains("cannot assume role", "trust policy")
        .doesNotContain("Exception", "\tat ");
    assertThat(folder.resolve("x")).doesNotExist();

    Cli badRegion =
        Cli.run(
            "collect", "aws", "--regions", "mars-1", "--output", folder.resolve("y").toString());
    assertThat(badRegion.exitCode()).isEqualTo(2);
    assertThat(badRegion.err()).contains("--regions");

    Files.createDirectories(folder.resolve("busy"));
    Files.writeString(folder.resolve("busy/keep.txt"), "mine");
    Cli busy =
        Cli.run(
            "collect",
            "aws",
            "--endpoint-url",
            aws.endpoint().toString(),
            "--regions",
            "us-east-1",
            "--output",
            folder.resolve("busy").toString());
    assertThat(busy.exitCode()).isEqualTo(3);
    assertThat(busy.err()).contains("not empty");
    assertThat(Files.readString(folder.resolve("busy/keep.txt"))).isEqualTo("mine");
  }
}
