package dev.warden.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.Loaded;
import dev.warden.testing.RuleFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskModelTest {

  @TempDir Path dir;

  private RiskScore score(String function, String template) {
    Loaded loaded = Loaded.template(dir, template);
    ScanResult result = Scan.run(ScanRequest.of(dir), RuleFixture.CLOCK);
    return result.score(loaded.function(function));
  }

  private static final String HEAD =
      """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: python3.12, Handler: app.handler, InlineCode: x, Tracing: Active}
      Resources:
      """;

  @Test
  void aPublicUnauthenticatedAdministratorIsAsBadAsItGets() {
    RiskScore score =
        score(
            "OpenAdminFn",
            HEAD
                + """
                  OpenAdminFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionUrlConfig: {AuthType: NONE}
                      Policies: [AdministratorAccess]
                """);
    assertThat(score.score()).isEqualTo(100);
    assertThat(score.level()).isEqualTo(RiskLevel.SERIOUS);
    assertThat(score.exposure()).isEqualTo(1.0);
    assertThat(score.impact()).isEqualTo(1.0);
    assertThat(score.reasons().get(0)).contains("public and unauthenticated");
  }

  @Test
  void anAdministratorRoleIsSeriousEvenBehindASchedule() {
    RiskScore score =
        score(
            "NightlyAdminFn",
            HEAD
                + """
                  NightlyAdminFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies: [AdministratorAccess]
                      Events:
                        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
                """);
    assertThat(score.level()).isEqualTo(RiskLevel.SERIOUS);
    assertThat(score.exposure()).isEqualTo(0.2);
  }

  @Test
  void aScheduledFunctionWithANarrowRoleIsLow() {
    RiskScore score =
        score(
            "TidyFn",
            HEAD
                + """
                  TidyFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies:
                        - DynamoDBReadPolicy: {TableName: !Ref Orders}
                      Events:
                        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
                  Orders:
                    Type: AWS::DynamoDB::Table
                """);
    assertThat(score.level()).isEqualTo(RiskLevel.LOW);
    assertThat(score.score()).isBetween(1, 29);
  }

  @Test
  void anOpenDoorIsAtRiskEvenWhenTheRoleCanDoLittle() {
    RiskScore score =
        score(
            "HelloFn",
            HEAD
                + """
                  HelloFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Hello: {Type: HttpApi, Properties: {Path: /hello, Method: get}}
                """);
    assertThat(score.level()).isEqualTo(RiskLevel.AT_RISK);
    assertThat(score.impact()).isLessThan(0.1);
  }

  @Test
  void aSecretInTheEnvironmentRaisesTheScore() {
    String function =
        """
          BillingFn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
              Environment:
                Variables:
                  STRIPE_KEY: %s
        """;
    int without = score("BillingFn", HEAD + function.formatted("acct_1Hx")).score();
    int with =
        score("BillingFn", HEAD + function.formatted("sk_live_4eC39HqLyjWDarjtT1zdp7dc00")).score();
    assertThat(with).isGreaterThanOrEqualTo(without + 20);
    assertThat(RiskLevel.of(with).atRisk()).isTrue();
  }

  @Test
  void levelsFollowTheDocumentedBands() {
    assertThat(RiskLevel.of(0)).isEqualTo(RiskLevel.NONE);
    assertThat(RiskLevel.of(1)).isEqualTo(RiskLevel.LOW);
    assertThat(RiskLevel.of(29)).isEqualTo(RiskLevel.LOW);
    assertThat(RiskLevel.of(30)).isEqualTo(RiskLevel.AT_RISK);
    assertThat(RiskLevel.of(69)).isEqualTo(RiskLevel.AT_RISK);
    assertThat(RiskLevel.of(70)).isEqualTo(RiskLevel.SERIOUS);
  }
}
