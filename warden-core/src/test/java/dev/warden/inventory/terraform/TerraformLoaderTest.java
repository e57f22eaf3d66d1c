package dev.warden.inventory.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.NothingToScan;
import dev.warden.scan.ScanRequest;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON of a Terraform plan reads into the same inventory as a template: functions with their
 * roles (inline, attached, managed, in modules), every trigger Terraform wires, and values known
 * only after apply followed through the configuration's references.
 */
class TerraformLoaderTest {

  @TempDir Path folder;

  private static Inventory shop() throws Exception {
    Path plan =
        Path.of(
            Objects.requireNonNull(TerraformLoaderTest.class.getResource("shop/plan.json"))
                .toURI());
    return new InventoryLoader(ScanRequest.of(plan.getParent())).load();
  }

  private static ServerlessFunction function(Inventory inventory, String logicalId) {
    return inventory
        .functions()
        .filter(f -> f.logicalId().equals(logicalId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + logicalId));
  }

  private static List<String> triggers(ServerlessFunction function) {
    return function.triggers().stream()
        .map(
            t ->
                t.kind().wireName()
                    + t.route().map(r -> " " + r).orElse("")
                    + (t.isPublic() ? " public " : " internal ")
                    + t.auth().wireName())
        .toList();
  }

  @Test
  void everyFunctionOfThePlanWithItsSettingsCodeAndLineInThePlan() throws Exception {
    Inventory inventory = shop();

    assertThat(inventory.apps())
        .singleElement()
        .satisfies(a -> assertThat(a.format()).isEqualTo("terraform"));
    assertThat(inventory.functions().map(f -> f.name().toString()))
        .containsExactly("shop-api", "shop-worker", "shop-audit");
    ServerlessFunction api = function(inventory, "AwsLambdaFunctionApi");
    assertThat(api.declaredAt().file()).isEqualTo("plan.json");
    assertThat(api.runtime()).contains("python3.12");
    assertThat(api.memoryMb()).contains(512);
    assertThat(api.timeoutSeconds()).contains(30);
    assertThat(api.code())
        .isInstanceOfSatisfying(
            CodeLocation.LocalPath.class, local -> assertThat(local.path()).isEqualTo("src/api"));
    assertThat(api.environment()).anyMatch(v -> v.name().equals("DB_PASSWORD"));
    assertThat(function(inventory, "ModuleAuditAwsLambdaFunctionThis").reservedConcurrency())
        .contains(5);
  }

  @Test
  void triggersTerraformWiresAreEntryPointsWithTheirAuthentication() throws Exception {
    Inventory inventory = shop();

    assertThat(triggers(function(inventory, "AwsLambdaFunctionApi")))
        .containsExactly("http GET /items/{id} public none", "http POST /admin public jwt");
    assertThat(triggers(function(inventory, "AwsLambdaFunctionWorker")))
        .containsExactlyInAnyOrder(
            "sqs internal iam",
            "s3 internal iam",
            "schedule internal iam",
            "function-url public none");
  }

  @Test
  void rolesCollectInlineAttachedAndManagedPoliciesAcrossModules() throws Exception {
    Inventory inventory = shop();

    ServerlessFunction api = function(inventory, "AwsLambdaFunctionApi");
    assertThat(api.role().logicalId()).contains("AwsIamRoleLambda");
    assertThat(api.role().managedPolicyArns().stream().map(Object::toString))
        .contains("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    assertThat(api.role().policies().stream().map(p -> p.document().toString()))
        .anyMatch(d -> d.contains("dynamodb:*"));
    ServerlessFunction audit = function(inventory, "ModuleAuditAwsLambdaFunctionThis");
    assertThat(audit.role().logicalId()).contains("ModuleAuditAwsIamRoleThis");
    assertThat(audit.role().policies().get(0).document().toString()).contains("iam:PassRole");
  }

  @Test
  void restApiMethodsReachTheirFunctionThroughTheirIntegration() {
    Loaded.write(
        folder,
        "plan.json",
        """
        {"format_version": "1.2", "terraform_version": "1.9.8",
         "planned_values": {"root_module": {"resources": [
          {"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f",
           "values": {"function_name": "orders", "runtime": "python3.12", "handler": "app.handler", "filename": "f.zip"}},
          {"address": "aws_api_gateway_rest_api.api", "mode": "managed", "type": "aws_api_gateway_rest_api", "name": "api",
           "values": {"name": "orders", "endpoint_configuration": [{"types": ["REGIONAL"]}]}},
          {"address": "aws_api_gateway_resource.orders", "mode": "managed", "type": "aws_api_gateway_resource", "name": "orders",
           "values": {"path_part": "orders"}},
          {"address": "aws_api_gateway_authorizer.cognito", "mode": "managed", "type": "aws_api_gateway_authorizer", "name": "cognito",
           "values": {"name": "cognito", "type": "COGNITO_USER_POOLS", "provider_arns": ["arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_X"]}},
          {"address": "aws_api_gateway_method.get", "mode": "managed", "type": "aws_api_gateway_method", "name": "get",
           "values": {"http_method": "GET", "authorization": "NONE"}},
          {"address": "aws_api_gateway_method.post", "mode": "managed", "type": "aws_api_gateway_method", "name": "post",
           "values": {"http_method": "POST", "authorization": "COGNITO_USER_POOLS"}},
          {"address": "aws_api_gateway_integration.get", "mode": "managed", "type": "aws_api_gateway_integration", "name": "get",
           "values": {"http_method": "GET", "type": "AWS_PROXY"}},
          {"address": "aws_api_gateway_integration.post", "mode": "managed", "type": "aws_api_gateway_integration", "name": "post",
           "values": {"http_method": "POST", "type": "AWS_PROXY"}}
         ]}},
         "configuration": {"root_module": {"resources": [
          {"address": "aws_api_gateway_resource.orders", "expressions": {
            "rest_api_id": {"references": ["aws_api_gateway_rest_api.api.id", "aws_api_gateway_rest_api.api"]},
            "parent_id": {"references": ["aws_api_gateway_rest_api.api.root_resource_id", "aws_api_gateway_rest_api.api"]}}},
          {"address": "aws_api_gateway_authorizer.cognito", "expressions": {
            "rest_api_id": {"references": ["aws_api_gateway_rest_api.api.id", "aws_api_gateway_rest_api.api"]}}},
          {"address": "aws_api_gateway_method.get", "expressions": {
            "rest_api_id": {"references": ["aws_api_gateway_rest_api.api.id", "aws_api_gateway_rest_api.api"]},
            "resource_id": {"references": ["aws_api_gateway_resource.orders.id", "aws_api_gateway_resource.orders"]}}},
          {"address": "aws_api_gateway_method.post", "expressions": {
            "rest_api_id": {"references": ["aws_api_gateway_rest_api.api.id", "aws_api_gateway_rest_api.api"]},
            "resource_id": {"references": ["aws_api_gateway_resource.orders.id", "aws_api_gateway_resource.orders"]},
            "authorizer_id": {"references": ["aws_api_gateway_authorizer.cognito.id", "aws_api_gateway_authorizer.cognito"]}}},
          {"address": "aws_api_gateway_integration.get", "expressions": {
            "rest_api_id": {"references": ["aws_api_gateway_rest_api.api.id", "aws_api_gateway_rest_api.api"]},
            "resource_id": {"references": ["aws_api_gateway_resource.orders.id", "aws_api_gateway_resource.orders"]},
            "uri": {"references": ["aws_lambda_function.f.invoke_arn", "aws_lambda_function.f"]}}},
          {"address": "aws_api_gateway_integration.post", "expressions": {
            "rest_api_id": {"references": ["aws_api_gateway_rest_api.api.id", "aws_api_gateway_rest_api.api"]},
            "resource_id": {"references": ["aws_api_gateway_resource.orders.id", "aws_api_gateway_resource.orders"]},
            "uri": {"references": ["aws_lambda_function.f.invoke_arn", "aws_lambda_function.f"]}}}
         ]}}}
        """);
    Loaded loaded = Loaded.folder(folder);

    assertThat(triggers(loaded.function("AwsLambdaFunctionF")))
        .containsExactlyInAnyOrder(
            "http GET /orders public none", "http POST /orders public cognito");
  }

  @Test
  void aPolicyDocumentKnownOnlyAfterApplyIsBuiltFromItsStatements() {
    Loaded.write(
        folder,
        "plan.json",
        """
        {"format_version": "1.2", "terraform_version": "1.9.8",
         "planned_values": {"root_module": {"resources": [
          {"address": "aws_s3_bucket.reports", "mode": "managed", "type": "aws_s3_bucket", "name": "reports",
           "values": {"bucket": "reports"}},
          {"address": "aws_iam_role.r", "mode": "managed", "type": "aws_iam_role", "name": "r",
           "values": {"name": "r", "assume_role_policy": "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": {\\"Service\\": \\"lambda.amazonaws.com\\"}, \\"Action\\": \\"sts:AssumeRole\\"}]}"}},
          {"address": "aws_iam_role_policy.read", "mode": "managed", "type": "aws_iam_role_policy", "name": "read",
           "values": {"name": "read"}},
          {"address": "data.aws_iam_policy_document.read", "mode": "data", "type": "aws_iam_policy_document", "name": "read",
           "values": {"statement": [{"effect": "Allow", "actions": ["s3:GetObject", "s3:ListBucket"]}]}},
          {"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f",
           "values": {"function_name": "f", "runtime": "python3.12", "handler": "app.handler", "filename": "f.zip"}}
         ]}},
         "configuration": {"root_module": {"resources": [
          {"address": "aws_iam_role_policy.read", "expressions": {
            "role": {"references": ["aws_iam_role.r.id", "aws_iam_role.r"]},
            "policy": {"references": ["data.aws_iam_policy_document.read.json", "data.aws_iam_policy_document.read"]}}},
          {"address": "data.aws_iam_policy_document.read", "expressions": {
            "statement": [{"actions": {"constant_value": ["s3:GetObject", "s3:ListBucket"]},
                           "resources": {"references": ["aws_s3_bucket.reports.arn", "aws_s3_bucket.reports"]}}]}},
          {"address": "aws_lambda_function.f", "expressions": {
            "role": {"references": ["aws_iam_role.r.arn", "aws_iam_role.r"]}}}
         ]}}}
        """);
    Loaded loaded = Loaded.folder(folder);

    String policy =
        loaded.function("AwsLambdaFunctionF").role().policies().get(0).document().toString();
    assertThat(policy)
        .contains(
            "s3:GetObject", "s3:ListBucket", "arn:aws:s3:::reports,", "arn:aws:s3:::reports/*");
    assertThat(loaded.problems()).isEmpty();
  }

  @Test
  void aPlanOfAFormatNotReadIsAProblemWithItsLine() {
    Loaded.write(
        folder,
        "plan.json",
        """
        {
          "format_version": "2.0",
          "terraform_version": "2.1.0",
          "planned_values": {"root_module": {"resources": []}}
        }
        """);

    assertThatThrownBy(() -> Loaded.folder(folder))
        .isInstanceOf(NothingToScan.class)
        .satisfies(
            e ->
                assertThat(((NothingToScan) e).problems())
                    .extracting(p -> p.at().line() + " " + p.message())
                    .contains(
                        "2 Terraform JSON format 2.0 is not supported (Warden reads 0.x and 1.x)"));
  }

  @Test
  void aPolicyThatIsNotJsonIsAProblemAndTheRestLoads() {
    Loaded.write(
        folder,
        "plan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "planned_values": {"root_module": {"resources": [
            {"address": "aws_iam_role.r", "mode": "managed", "type": "aws_iam_role", "name": "r",
             "values": {"name": "r", "assume_role_policy": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [}"}},
            {"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f",
             "values": {"function_name": "f", "runtime": "python3.12", "handler": "app.handler", "filename": "f.zip"}}
          ]}}
        }
        """);
    Loaded loaded = Loaded.folder(folder);

    assertThat(loaded.function("AwsLambdaFunctionF").name().toString()).isEqualTo("f");
    assertThat(loaded.problems())
        .extracting(InputProblem::message)
        .anyMatch(m -> m.startsWith("a policy that is not valid JSON"));
  }
}
