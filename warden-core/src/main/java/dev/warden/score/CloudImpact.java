package dev.warden.score;

import dev.warden.iam.azure.AzureRoles;
import dev.warden.iam.gcp.GcpEscalations;
import dev.warden.iam.gcp.GcpRoles;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The impact of an Azure or Google Cloud function's identity, from its role grants and the bundled
 * role catalogs, on the same 0–1 scale as the AWS role's: owning or administering access (Owner,
 * User Access Administrator, setIamPolicy) 1.0; changing every resource or escalating (Editor,
 * Contributor, actAs with deploy rights, key and token creation) 0.9; administering one service
 * project-wide 0.65; reading every item of a data service project-wide 0.55; any other grant 0.3
 * (0.2 when it only reads); none 0.05; an identity the input does not declare (a project's
 * function, whose app is defined elsewhere) 0.3.
 */
final class CloudImpact {

  /** The impact of an identity Warden has not seen: as much as a scoped write grant. */
  static final double UNKNOWN = 0.3;

  private CloudImpact() {}

  static Impact of(ServerlessFunction function) {
    Optional<CloudIdentity> identity = function.identity();
    if (identity.isEmpty()) {
      // a project's function: the app's identity is declared elsewhere, so it is not nothing
      return new Impact(
          UNKNOWN, "its identity is the function app's, which this input does not declare");
    }
    if (identity.get().grants().isEmpty()) {
      String who = identity.map(i -> i.principal().toString()).orElse("the function");
      return new Impact(0.05, who + " holds no role in the policies read");
    }
    String who = identity.get().principal().toString();
    double value = 0.05;
    String why = who + " holds no role that Warden can weigh";
    Set<String> gcpPermissions = new HashSet<>();
    for (RoleGrant grant : identity.get().grants()) {
      Weighed weighed =
          identity.get().kind().wireName().startsWith("gcp")
              ? gcp(grant, gcpPermissions)
              : azure(grant);
      if (weighed.value() > value) {
        value = weighed.value();
        String role =
            AzureRoles.bundled()
                .find(grant.role())
                .filter(r -> !identity.get().kind().wireName().startsWith("gcp"))
                .map(AzureRoles.Role::name)
                .orElse(grant.role());
        why = who + " holds " + role + " on " + grant.scope() + " (" + weighed.why() + ")";
      }
    }
    List<GcpEscalations.Method> methods = GcpEscalations.allowedBy(gcpPermissions);
    if (!methods.isEmpty() && value < 0.9) {
      value = methods.stream().anyMatch(m -> m.name().equals("set-project-iam-policy")) ? 1.0 : 0.9;
      why = who + " can escalate (" + methods.get(0).name() + ")";
    }
    return new Impact(value, why);
  }

  private record Weighed(double value, String why) {}

  private static Weighed gcp(RoleGrant grant, Set<String> permissions) {
    Optional<GcpRoles.Role> role = GcpRoles.bundled().role(grant.role());
    role.ifPresent(r -> permissions.addAll(r.permissions()));
    boolean broad = grant.level().isBroad();
    if (grant.role().equals("roles/owner")) {
      return new Weighed(1.0, "owns the project");
    }
    if (grant.role().equals("roles/editor")) {
      return new Weighed(broad ? 0.9 : 0.6, "changes every resource");
    }
    if (role.isEmpty()) {
      return new Weighed(0.3, "a role Warden does not know");
    }
    if (broad && grant.role().toLowerCase(Locale.ROOT).endsWith("admin")) {
      return new Weighed(0.65, "administers a service project-wide");
    }
    boolean writes =
        role.get().permissions().stream()
            .anyMatch(p -> !p.endsWith(".get") && !p.endsWith(".list") && !p.endsWith(".access"));
    boolean readsData =
        role.get().permissions().contains("secretmanager.versions.access")
            || role.get().permissions().contains("storage.objects.get")
            || role.get().permissions().contains("bigquery.tables.getData");
    if (broad && readsData) {
      return new Weighed(0.55, "reads every item of a data service");
    }
    return new Weighed(writes ? 0.3 : 0.2, writes ? "writes" : "reads");
  }

  private static Weighed azure(RoleGrant grant) {
    Optional<AzureRoles.Role> role = AzureRoles.bundled().find(grant.role());
    if (role.isEmpty()) {
      return new Weighed(0.3, "a role Warden does not know");
    }
    boolean broad = grant.level().isBroad();
    AzureRoles.Role r = role.get();
    if (r.allows("Microsoft.Authorization/roleAssignments/write")) {
      return new Weighed(broad ? 1.0 : 0.7, "can grant any role");
    }
    if (r.allows("Microsoft.Resources/deployments/write") && r.actions().contains("*")) {
      return new Weighed(broad ? 0.9 : 0.6, "changes every resource");
    }
    boolean dataWildcard = r.dataActions().stream().anyMatch(a -> a.endsWith("*"));
    if (broad && dataWildcard) {
      return new Weighed(0.65, "reads and writes every item of a data service");
    }
    if (broad && !r.dataActions().isEmpty()) {
      return new Weighed(0.55, "reads every item of a data service");
    }
    boolean writes = r.actions().stream().anyMatch(a -> !a.endsWith("/read"));
    return new Weighed(writes || !r.dataActions().isEmpty() ? 0.3 : 0.2, "scoped");
  }
}
