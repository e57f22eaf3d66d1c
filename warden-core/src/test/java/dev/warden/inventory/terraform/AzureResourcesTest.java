package dev.warden.inventory.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.Auth;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.ScanRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Azure function apps in a Terraform plan: site settings, app settings with Key Vault references,
 * the functions' triggers from their config_json, and role assignments followed to the identity and
 * the scope their references name.
 */
class AzureResourcesTest {

  private static ServerlessFunction payments() throws Exception {
    Path plan =
        Path.of(
            Objects.requireNonNull(AzureResourcesTest.class.getResource("azure/plan.json"))
                .toURI());
    Inventory inventory = new InventoryLoader(ScanRequest.of(plan)).load();
    assertThat(inventory.functions()).hasSize(1);
    return inventory.functions().findFirst().orElseThrow();
  }

  @Test
  void theFunctionAppWithItsSettingsAndTheTriggerOfItsFunction() throws Exception {
    ServerlessFunction app = payments();

    assertThat(app.cloud()).isEqualTo(Cloud.AZURE);
    assertThat(app.name().toString()).isEqualTo("payments-fn");
    assertThat(app.runtime()).contains("node|18");
    assertThat(app.host().httpsOnly().map(Setting::value)).contains(false);
    assertThat(app.host().ftpsState().map(Setting::value)).contains("FtpsOnly");
    assertThat(app.host().corsOrigins().map(Setting::value)).contains(List.of("*"));
    assertThat(app.environment())
        .anySatisfy(
            v -> {
              assertThat(v.name()).isEqualTo("VAULT_TOKEN");
              assertThat(v.value().isConcrete()).isFalse();
            });
    assertThat(app.triggers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.route().map(Object::toString)).contains("POST /api/stripe");
              assertThat(t.auth()).isEqualTo(Auth.NONE);
              assertThat(t.isPublic()).isTrue();
            });
  }

  @Test
  void roleAssignmentsOfTheAppsIdentityWithTheirScopes() throws Exception {
    CloudIdentity identity = payments().identity().orElseThrow();

    assertThat(identity.kind()).isEqualTo(CloudIdentity.Kind.AZURE_SYSTEM_ASSIGNED);
    assertThat(identity.grants())
        .extracting(RoleGrant::role, RoleGrant::level)
        .containsExactly(
            Tuple.tuple("Owner", RoleGrant.ScopeLevel.RESOURCE_GROUP),
            Tuple.tuple("Key Vault Secrets User", RoleGrant.ScopeLevel.RESOURCE));
  }
}
