package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Repo;
import org.junit.jupiter.api.Test;

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
}
