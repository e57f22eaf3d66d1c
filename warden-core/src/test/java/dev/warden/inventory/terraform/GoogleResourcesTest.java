package dev.warden.inventory.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.Auth;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.inventory.TriggerKind;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.ScanRequest;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Google Cloud functions in a Terraform plan read into the same inventory as gcloud's output: the
 * service account, the invoker and the project roles are followed through the configuration's
 * references where their values are known only after apply.
 */
class GoogleResourcesTest {

  @org.junit.jupiter.api.io.TempDir Path folder;

  private static Inventory plan() throws Exception {
    Path plan =
        Path.of(
            Objects.requireNonNull(GoogleResourcesTest.class.getResource("gcp/plan.json")).toURI());
    return new InventoryLoader(ScanRequest.of(plan)).load();
  }

  private static ServerlessFunction function(Inventory inventory, String name) {
    return inventory
        .functions()
        .filter(f -> f.name().toString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void bothGenerationsWithTheirSettings() throws Exception {
    Inventory inventory = plan();

    assertThat(inventory.apps())
        .singleElement()
        .satisfies(a -> assertThat(a.format()).isEqualTo("terraform"));
    assertThat(inventory.functions()).allMatch(f -> f.cloud() == Cloud.GCP).hasSize(2);
    ServerlessFunction api = function(inventory, "acme-api");
    assertThat(api.id()).isEqualTo("plan.json#google_cloudfunctions2_function.api");
    assertThat(api.runtime()).contains("python312");
    assertThat(api.memoryMb()).contains(512);
    assertThat(api.host().ingress().map(Setting::value)).contains("ALLOW_ALL");
    assertThat(api.environment())
        .anySatisfy(
            v ->
                assertThat(v.name() + " " + v.value().isConcrete()).isEqualTo("DB_PASSWORD false"));
    ServerlessFunction resize = function(inventory, "acme-resize");
    assertThat(resize.runtime()).contains("nodejs16");
    assertThat(resize.triggers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.kind()).isEqualTo(TriggerKind.GCS);
              assertThat(t.source().map(Object::toString)).contains("acme-uploads");
            });
  }

  @Test
  void referencesLeadToTheServiceAccountItsRolesAndThePublicInvoker() throws Exception {
    Inventory inventory = plan();

    ServerlessFunction api = function(inventory, "acme-api");
    CloudIdentity identity = api.identity().orElseThrow();
    assertThat(identity.kind()).isEqualTo(CloudIdentity.Kind.GCP_SERVICE_ACCOUNT);
    assertThat(identity.principal().toString())
        .isEqualTo("api-fn@acme-web.iam.gserviceaccount.com");
    assertThat(identity.grants())
        .extracting(RoleGrant::role)
        .containsExactly("roles/cloudsql.admin", "roles/iam.serviceAccountTokenCreator");
    assertThat(api.triggers().get(0).isPublic()).isTrue();
    assertThat(api.triggers().get(0).auth()).isEqualTo(Auth.NONE);
    CloudIdentity resize = function(inventory, "acme-resize").identity().orElseThrow();
    assertThat(resize.kind()).isEqualTo(CloudIdentity.Kind.GCP_DEFAULT_SERVICE_ACCOUNT);
    assertThat(resize.grants()).extracting(RoleGrant::role).containsExactly("roles/editor");
  }

  @Test
  void aRawStateFileReadsLikeTheJsonTerraformShowPrints() throws Exception {
    dev.warden.testing.Loaded.write(
        folder,
        "terraform.tfstate",
        """
        {
          "version": 4,
          "terraform_version": "1.9.8",
          "serial": 12,
          "lineage": "6b1f0d2e-3c4a-4f5e-9a8b-7c6d5e4f3a2b",
          "resources": [
            {"mode": "managed", "type": "google_cloudfunctions_function", "name": "hook",
             "instances": [{"schema_version": 0, "attributes": {
               "name": "hook", "project": "acme", "runtime": "python312", "entry_point": "main",
               "trigger_http": true, "ingress_settings": "ALLOW_ALL",
               "service_account_email": "acme@appspot.gserviceaccount.com"}}]},
            {"mode": "managed", "type": "google_cloudfunctions_function_iam_member", "name": "open",
             "instances": [{"schema_version": 0, "attributes": {
               "cloud_function": "projects/acme/locations/us-central1/functions/hook",
               "role": "roles/cloudfunctions.invoker", "member": "allUsers"}}]}
          ]
        }
        """);
    dev.warden.testing.Loaded.write(
        folder,
        "old/terraform.tfstate",
        "{\"version\": 3, \"terraform_version\": \"0.11.14\", \"serial\": 1, \"lineage\": \"x\","
            + " \"resources\": []}");

    Inventory inventory = new InventoryLoader(ScanRequest.of(folder)).load();

    ServerlessFunction hook = function(inventory, "hook");
    assertThat(hook.id()).isEqualTo("terraform.tfstate#google_cloudfunctions_function.hook");
    assertThat(hook.triggers().get(0).isPublic()).isTrue();
    assertThat(hook.identity().orElseThrow().kind())
        .isEqualTo(CloudIdentity.Kind.GCP_DEFAULT_SERVICE_ACCOUNT);
    assertThat(inventory.problems())
        .extracting(Object::toString)
        .anySatisfy(
            p -> assertThat(p).startsWith("old/terraform.tfstate:1").contains("state version 3"));
  }
}
