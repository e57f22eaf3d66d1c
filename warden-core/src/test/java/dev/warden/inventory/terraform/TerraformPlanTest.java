package dev.warden.inventory.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses as Terraform writes them: modules, counts and for_each keys, dots and all. */
class TerraformPlanTest {

  @Test
  void anAddressSplitsAtItsDotsButNotInsideAnInstanceKey() {
    assertThat(TerraformPlan.segments("module.api[\"eu.west\"].aws_lambda_function.f[0].arn"))
        .containsExactly("module", "api[\"eu.west\"]", "aws_lambda_function", "f[0]", "arn");
    assertThat(TerraformPlan.segments("aws_iam_role.r")).containsExactly("aws_iam_role", "r");
  }

  @Test
  void theConfigurationsAddressHasNoInstanceKeys() {
    assertThat(TerraformPlan.withoutKeys("module.api[\"eu.west\"].aws_lambda_function.f[0]"))
        .isEqualTo("module.api.aws_lambda_function.f");
    assertThat(TerraformPlan.withoutKeys("aws_s3_bucket.b")).isEqualTo("aws_s3_bucket.b");
  }

  @Test
  void logicalIdsAreTheAddressInWords() {
    assertThat(AwsResources.logicalIdOf("module.audit.aws_lambda_function.this[\"eu.west\"]"))
        .isEqualTo("ModuleAuditAwsLambdaFunctionThisEuWest");
  }
}
