package dev.warden.rules.azure;

import com.google.auto.service.AutoService;
import dev.warden.iam.azure.AzureRoles;
import dev.warden.inventory.App;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags role assignments to a function app's managed identity over a whole subscription, management
 * group or resource group: roles that may assign roles (Owner, User Access Administrator, anything
 * allowing {@code Microsoft.Authorization/roleAssignments/write}) are critical; roles that may
 * change every resource ({@code *} actions: Contributor) high; data-plane roles that read or write
 * every item of a service (Storage Blob Data, Key Vault Secrets, Cosmos DB, Service Bus data roles)
 * medium. The bundled built-in role catalog gives each role's actions, wildcards included; a custom
 * role's definition is not in the template read and is not judged.
 */
@AutoService(Rule.class)
public final class BroadRoleAssignment extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-010",
          "Azure function app's identity holds a broad role over a whole scope",
          Severity.HIGH,
          Category.OVER_PRIVILEGED,
          Optional.of(Owasp.SAS_4),
          "Assign the narrowest built-in role the function needs (Storage Blob Data Reader,"
              + " Key Vault Secrets User…) on the one resource it uses, not the subscription or"
              + " resource group; never Owner, Contributor or User Access Administrator.",
          List.of(
              "https://learn.microsoft.com/azure/role-based-access-control/best-practices",
              "https://learn.microsoft.com/azure/role-based-access-control/built-in-roles"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<RoleGrant> grants = function.identity().map(CloudIdentity::grants).orElse(List.of());
    List<Finding> findings = new ArrayList<>();
    for (RoleGrant grant : grants) {
      if (!grant.level().isBroad()) {
        continue;
      }
      Optional<AzureRoles.Role> role = AzureRoles.bundled().find(grant.role());
      if (role.isEmpty()) {
        continue;
      }
      AzureRoles.Role r = role.get();
      Severity severity;
      String why;
      if (r.allows("Microsoft.Authorization/roleAssignments/write")) {
        severity = Severity.CRITICAL;
        why = "it may assign any role, itself included";
      } else if (r.actions().contains("*")) {
        severity = Severity.HIGH;
        why = "it may change or delete every resource";
      } else if (!r.dataActions().isEmpty()) {
        severity = Severity.MEDIUM;
        why = "it reaches the data of every " + service(r) + " in scope";
      } else {
        continue;
      }
      List<String> wildcards = r.wildcards();
      findings.add(
          Finding.of(
                  INFO,
                  function,
                  grant.at(),
                  grant.role() + "@" + grant.scope(),
                  "the managed identity of "
                      + function.logicalId()
                      + " holds "
                      + r.name()
                      + " on the "
                      + grant.level().wireName().replace('-', ' ')
                      + " ("
                      + grant.scope()
                      + "): "
                      + why
                      + (wildcards.isEmpty()
                          ? ""
                          : " (actions "
                              + String.join(
                                  ", ", wildcards.subList(0, Math.min(4, wildcards.size())))
                              + ")"))
              .withSeverity(severity));
    }
    return findings;
  }

  private static String service(AzureRoles.Role role) {
    String first = role.dataActions().get(0);
    int slash = first.indexOf('/', first.indexOf('/') + 1);
    return slash > 0 ? first.substring(0, slash) : first;
  }
}
