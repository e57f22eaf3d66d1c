package dev.warden.inventory.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.Auth;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.ScanRequest;
import dev.warden.testing.Loaded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code gcloud functions list --format=json} and the IAM policies beside it say reads into
 * the inventory: 1st and 2nd gen functions with their triggers, settings and service accounts; a
 * policy named after a function decides who may invoke it, any other is the project's and grants
 * roles to the service accounts.
 */
class GcloudLoaderTest {

  @TempDir Path folder;

  private static Path storefront() throws Exception {
    return Path.of(
            Objects.requireNonNull(GcloudLoaderTest.class.getResource("storefront/functions.json"))
                .toURI())
        .getParent();
  }

  private static ServerlessFunction function(Inventory inventory, String name) {
    return inventory
        .functions()
        .filter(f -> f.logicalId().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void firstAndSecondGenerationFunctionsWithTheirSettingsAndLines() throws Exception {
    Inventory inventory = new InventoryLoader(ScanRequest.of(storefront())).load();

    assertThat(inventory.apps())
        .singleElement()
        .satisfies(a -> assertThat(a.id() + " " + a.format()).isEqualTo("functions.json gcloud"));
    assertThat(inventory.functions().map(ServerlessFunction::logicalId))
        .containsExactly("orders-api", "thumbnailer", "billing-sync", "customer-export");
    assertThat(inventory.functions()).allMatch(f -> f.cloud() == Cloud.GCP);
    ServerlessFunction orders = function(inventory, "orders-api");
    assertThat(orders.id()).isEqualTo("functions.json#orders-api");
    assertThat(orders.declaredAt().line()).isEqualTo(2);
    assertThat(orders.runtime()).contains("nodejs18");
    assertThat(orders.handler()).contains("handleOrder");
    assertThat(orders.memoryMb()).contains(256);
    assertThat(orders.timeoutSeconds()).contains(60);
    assertThat(orders.environment()).extracting(EnvironmentVariable::name).contains("DATABASE_URL");
    ServerlessFunction thumbnailer = function(inventory, "thumbnailer");
    assertThat(thumbnailer.memoryMb()).contains(512);
    assertThat(thumbnailer.timeoutSeconds()).contains(120);
    assertThat(thumbnailer.environment())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.name()).isEqualTo("VISION_API_KEY");
              assertThat(v.value().isConcrete()).isFalse();
              assertThat(v.value().toString()).contains("secrets/vision-key/versions/3");
            });
    ServerlessFunction billing = function(inventory, "billing-sync");
    assertThat(billing.memoryMb()).contains(1024);
    assertThat(billing.kmsKeyArn()).isPresent();
    assertThat(billing.host().vpcConnector().map(Setting::value))
        .contains("projects/shop-prod/locations/europe-west1/connectors/shop-vpc");
    assertThat(function(inventory, "customer-export").tags())
        .containsEntry("data-classification", "confidential");
  }

  @Test
  void triggersAreHttpOrTheEventSourceAndAnInvokerForAllUsersMakesHttpPublic() throws Exception {
    Inventory inventory = new InventoryLoader(ScanRequest.of(storefront())).load();

    Trigger orders = function(inventory, "orders-api").triggers().get(0);
    assertThat(orders.kind()).isEqualTo(TriggerKind.HTTP);
    assertThat(orders.isPublic()).isTrue();
    assertThat(orders.auth()).isEqualTo(Auth.NONE);
    assertThat(orders.details()).containsEntry("invoker", "allUsers");
    assertThat(function(inventory, "orders-api").invokePermissions())
        .singleElement()
        .satisfies(p -> assertThat(p.at().file()).isEqualTo("orders-api.iam.json"));
    Trigger export = function(inventory, "customer-export").triggers().get(0);
    assertThat(export.isPublic()).isFalse();
    assertThat(export.auth()).isEqualTo(Auth.IAM);
    Trigger thumbnails = function(inventory, "thumbnailer").triggers().get(0);
    assertThat(thumbnails.kind()).isEqualTo(TriggerKind.GCS);
    assertThat(thumbnails.source().map(Object::toString))
        .contains("projects/_/buckets/shop-prod-uploads");
    Trigger invoices = function(inventory, "billing-sync").triggers().get(0);
    assertThat(invoices.kind()).isEqualTo(TriggerKind.PUBSUB);
    assertThat(invoices.source().map(Object::toString))
        .contains("projects/shop-prod/topics/invoices");
  }

  @Test
  void theProjectPolicyGrantsRolesToEachServiceAccount() throws Exception {
    Inventory inventory = new InventoryLoader(ScanRequest.of(storefront())).load();

    CloudIdentity orders = function(inventory, "orders-api").identity().orElseThrow();
    assertThat(orders.kind()).isEqualTo(CloudIdentity.Kind.GCP_SERVICE_ACCOUNT);
    assertThat(orders.grants())
        .extracting(RoleGrant::role)
        .containsExactly("roles/iam.serviceAccountTokenCreator", "roles/storage.admin");
    assertThat(orders.grants())
        .allSatisfy(
            g -> {
              assertThat(g.level()).isEqualTo(RoleGrant.ScopeLevel.PROJECT);
              assertThat(g.scope().toString()).isEqualTo("projects/shop-prod");
              assertThat(g.at().file()).isEqualTo("project-iam-policy.json");
            });
    CloudIdentity thumbnailer = function(inventory, "thumbnailer").identity().orElseThrow();
    assertThat(thumbnailer.kind()).isEqualTo(CloudIdentity.Kind.GCP_DEFAULT_SERVICE_ACCOUNT);
    assertThat(thumbnailer.grants()).extracting(RoleGrant::role).containsExactly("roles/editor");
    assertThat(function(inventory, "customer-export").identity().orElseThrow().grants()).isEmpty();
  }

  @Test
  void withoutTheProjectPolicyTheDefaultAccountIsTakenToHoldEditor() throws Exception {
    Files.copy(storefront().resolve("functions.json"), folder.resolve("functions.json"));

    Inventory inventory = new InventoryLoader(ScanRequest.of(folder)).load();

    CloudIdentity thumbnailer = function(inventory, "thumbnailer").identity().orElseThrow();
    assertThat(thumbnailer.grants())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.role()).isEqualTo("roles/editor");
              assertThat(g.scope().toString()).endsWith(GcpFunctions.IMPLIED);
            });
    assertThat(function(inventory, "orders-api").triggers().get(0).isPublic()).isFalse();
  }

  @Test
  void aCutDescriptionIsAProblemWithItsLineAndThePolicyAloneIsNotUsed() throws Exception {
    Loaded.write(
        folder,
        "one.json",
        """
        {
          "name": "projects/p/locations/us-central1/functions/half",
          "runtime": "python311"
        }
        """);
    Loaded.write(
        folder,
        "lonely/project-policy.json",
        "{\"bindings\": [{\"role\": \"roles/viewer\", \"members\": [\"allUsers\"]}]}");

    Inventory inventory = new InventoryLoader(ScanRequest.of(folder)).load();

    assertThat(inventory.functions()).hasSize(1);
    assertThat(inventory.problems())
        .extracting(InputProblem::toString)
        .anySatisfy(p -> assertThat(p).contains("one.json:1:1").contains("neither httpsTrigger"));
  }

  @Test
  void memorySizesInEveryNotationGcloudWrites() {
    assertThat(GcloudReader.megabytesOf("256M")).contains(256);
    assertThat(GcloudReader.megabytesOf("512Mi")).contains(512);
    assertThat(GcloudReader.megabytesOf("1Gi")).contains(1024);
    assertThat(GcloudReader.megabytesOf("2G")).contains(2048);
    assertThat(GcloudReader.megabytesOf("lots")).isEmpty();
  }
}
