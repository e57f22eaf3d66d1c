package dev.warden.inventory.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Finding;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.Loaded;
import dev.warden.testing.RuleFixture;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain AWS CLI exports of one account, under names that do not tell (list-functions, get-policy,
 * get-account-authorization-details), read into the inventory as one snapshot: the functions with
 * the roles and policies they run with and who may invoke them; findings at the exports' lines.
 */
class SnapshotLoaderTest {

  @TempDir Path folder;

  private static Path account() throws Exception {
    return Path.of(
            Objects.requireNonNull(SnapshotLoaderTest.class.getResource("account/out1.json"))
                .toURI())
        .getParent();
  }

  private static ServerlessFunction function(Inventory inventory, String name) {
    return inventory
        .functions()
        .filter(f -> f.name().toString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void exportsOfOneFolderAreOneSnapshotWithRolesAndPermissions() throws Exception {
    Inventory inventory = new InventoryLoader(ScanRequest.of(account())).load();

    assertThat(inventory.apps())
        .singleElement()
        .satisfies(a -> assertThat(a.format()).isEqualTo("aws-snapshot"));
    ServerlessFunction billing = function(inventory, "billing-export");
    assertThat(billing.runtime()).contains("python3.8");
    assertThat(billing.declaredAt().toString()).isEqualTo("out1.json:3:9");
    assertThat(billing.role().managedPolicyArns().stream().map(Object::toString))
        .containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
    ServerlessFunction status = function(inventory, "status-page");
    assertThat(status.role().policies()).extracting(p -> p.name()).contains("logs", "status-read");
    assertThat(status.invokePermissions())
        .extracting(p -> p.principal().toString())
        .containsExactly("*", "s3.amazonaws.com");
    assertThat(status.invokePermissions().get(1).sourceArn().map(Object::toString))
        .contains("arn:aws:s3:::status-uploads");
    assertThat(status.id()).isEqualTo("arn:aws:lambda:eu-west-1:210987654321:function:status-page");
    assertThat(status.url())
        .hasValueSatisfying(u -> assertThat(u.auth().wireName()).isEqualTo("none"));
    assertThat(billing.triggers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.kind().wireName()).isEqualTo("sqs");
              assertThat(t.at().file()).isEqualTo("esm.json");
            });
    assertThat(inventory.apps().get(0).description()).contains("AWS account 210987654321 snapshot");
    assertThat(inventory.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.at().toString()).startsWith("manifest.json:15");
              assertThat(p.message())
                  .contains("coverage gap", "GetPolicy", "billing-export", "AccessDeniedException");
            });
  }

  @Test
  void theManifestFollowsItsSchema() throws Exception {
    dev.warden.testing.JsonSchemas.assertValid(
        "snapshot-manifest-v1.schema.json",
        java.nio.file.Files.readString(account().resolve("manifest.json")));
  }

  @Test
  void everyRuleReadsTheSnapshotAndPointsAtTheExportLines() throws Exception {
    ScanResult result = Scan.run(ScanRequest.of(account()), RuleFixture.CLOCK);

    assertThat(result.findings())
        .extracting(
            f -> f.rule().id() + " " + f.functionName().orElse("") + " " + f.location().file())
        .contains(
            "WDN-IAM-001 BillingExport roles.json",
            "WDN-ENV-001 BillingExport out1.json",
            "WDN-RT-001 BillingExport out1.json",
            "WDN-EXP-002 StatusPage p.json",
            "WDN-IAM-003 StatusPage roles.json",
            "WDN-EXP-001 StatusPage url.json");
    assertThat(result.findings()).extracting(Finding::location).allMatch(l -> !l.file().isEmpty());
  }

  @Test
  void aBrokenPolicyStringIsAProblemAndRolesAloneAreNotASnapshot() throws Exception {
    Loaded.write(
        folder,
        "a/functions.json",
        "{\"Functions\": [{\"FunctionName\": \"f\", \"FunctionArn\":"
            + " \"arn:aws:lambda:us-east-1:111122223333:function:f\", \"Runtime\": \"python3.12\","
            + " \"Role\": \"arn:aws:iam::111122223333:role/r\", \"Handler\": \"app.handler\"},"
            + " {\"FunctionName\": \"g\", \"FunctionArn\": 42}, \"oops\"]}");
    Loaded.write(folder, "a/policy.json", "{\"Policy\": \"{not json\", \"RevisionId\": \"1\"}");
    Loaded.write(folder, "b/roles.json", "{\"RoleDetailList\": [], \"Policies\": []}");

    Inventory inventory = new InventoryLoader(ScanRequest.of(folder)).load();

    assertThat(inventory.functions()).hasSize(1);
    assertThat(inventory.problems())
        .extracting(InputProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("a/policy.json:1").contains("not JSON"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("a/functions.json:1")
                    .contains("Functions[1] has no FunctionArn"))
        .anySatisfy(p -> assertThat(p).contains("Functions[2] is not an object"))
        .anySatisfy(p -> assertThat(p).startsWith("b/roles.json").contains("without any Lambda"));
  }

  @Test
  void apiGatewayExportsAreTiedToTheirApiByIdAndTheirRoutesReachTheFunction() throws Exception {
    Loaded.write(
        folder,
        "acct/functions.json",
        "{\"Functions\": [{\"FunctionName\": \"orders\", \"FunctionArn\":"
            + " \"arn:aws:lambda:eu-west-1:111122223333:function:orders\", \"Runtime\":"
            + " \"python3.12\", \"Role\": \"arn:aws:iam::111122223333:role/r\", \"Handler\":"
            + " \"app.handler\", \"Version\": \"$LATEST\"}, {\"FunctionName\": \"orders\","
            + " \"FunctionArn\": \"arn:aws:lambda:eu-west-1:111122223333:function:orders:1\","
            + " \"Runtime\": \"python3.8\", \"Version\": \"1\"}]}");
    Loaded.write(
        folder,
        "acct/rest-apis.json",
        "{\"items\": [{\"id\": \"a1b2c3\", \"name\": \"orders\", \"createdDate\":"
            + " \"2026-01-01T00:00:00Z\"}]}");
    Loaded.write(
        folder,
        "acct/resources.json",
        "{\"items\": [{\"id\": \"r0\", \"path\": \"/\"}, {\"id\": \"r1\", \"parentId\":"
            + " \"r0\", \"path\": \"/orders\", \"pathPart\": \"orders\", \"resourceMethods\":"
            + " {\"GET\": {\"httpMethod\": \"GET\", \"authorizationType\": \"NONE\","
            + " \"methodIntegration\": {\"type\": \"AWS_PROXY\", \"uri\":"
            + " \"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:eu-west-1:111122223333:function:orders/invocations\"}}}}]}");
    Loaded.write(
        folder,
        "acct/apis.json",
        "{\"Items\": [{\"ApiId\": \"h1\", \"Name\": \"public\", \"ProtocolType\":"
            + " \"HTTP\"}, {\"ApiId\": \"h2\", \"Name\": \"other\", \"ProtocolType\":"
            + " \"HTTP\"}]}");
    Loaded.write(
        folder,
        "acct/get-integrations-h1.json",
        "{\"Items\": [{\"IntegrationId\": \"i9\", \"IntegrationType\": \"AWS_PROXY\","
            + " \"IntegrationUri\": \"arn:aws:lambda:eu-west-1:111122223333:function:orders\"}]}");
    Loaded.write(
        folder,
        "acct/get-routes-h1.json",
        "{\"Items\": [{\"RouteId\": \"x1\", \"RouteKey\": \"POST /items\","
            + " \"AuthorizationType\": \"NONE\", \"Target\": \"integrations/i9\"}]}");
    Loaded.write(
        folder,
        "acct/routes.json",
        "{\"Items\": [{\"RouteId\": \"x2\", \"RouteKey\": \"GET /who\", \"Target\":"
            + " \"integrations/i1\"}]}");

    Inventory inventory = new InventoryLoader(ScanRequest.of(folder)).load();

    ServerlessFunction orders = function(inventory, "orders");
    assertThat(orders.runtime()).contains("python3.12");
    assertThat(orders.triggers())
        .extracting(t -> t.route().map(Object::toString).orElse("") + " " + t.auth().wireName())
        .containsExactlyInAnyOrder("GET /orders none", "POST /items none");
    assertThat(inventory.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.toString())
                    .startsWith("acct/routes.json")
                    .contains("cannot tell which HTTP or WebSocket API"));
    ScanResult result = Scan.run(ScanRequest.of(folder), RuleFixture.CLOCK);
    assertThat(result.findings())
        .extracting(f -> f.rule().id() + " " + f.location().file())
        .contains("WDN-API-001 acct/resources.json", "WDN-API-001 acct/get-routes-h1.json");
  }
}
