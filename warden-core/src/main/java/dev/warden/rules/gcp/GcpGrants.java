package dev.warden.rules.gcp;

import dev.warden.iam.gcp.GcpRoles;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The permissions a Google Cloud function's service account holds, grant by grant. */
final class GcpGrants {

  private GcpGrants() {}

  static List<RoleGrant> of(ServerlessFunction function) {
    return function.identity().map(CloudIdentity::grants).orElse(List.of());
  }

  /**
   * Every permission of the grants whose roles the bundled catalog knows, with a grant giving it.
   */
  static Map<String, RoleGrant> permissions(List<RoleGrant> grants) {
    Map<String, RoleGrant> permissions = new LinkedHashMap<>();
    for (RoleGrant grant : grants) {
      Optional<GcpRoles.Role> role = GcpRoles.bundled().role(grant.role());
      Set<String> included = role.map(GcpRoles.Role::permissions).orElse(Set.of());
      for (String permission : included) {
        permissions.putIfAbsent(permission, grant);
      }
    }
    return permissions;
  }

  /** True for the Editor grant Google gives the default account, not one read from a policy. */
  static boolean isImplied(RoleGrant grant) {
    return grant.scope().toString().endsWith(dev.warden.inventory.gcp.GcpFunctions.IMPLIED);
  }
}
