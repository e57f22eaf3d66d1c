package dev.warden.rules.gcp;

import com.google.auto.service.AutoService;
import dev.warden.iam.gcp.GcpRoles;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Flags roles granted to a Google Cloud function's service account on a whole project (or folder,
 * organisation): Owner (critical), Editor (high), Viewer (medium); predefined administrator roles
 * (high); and roles that read every secret, object or table of the project (medium). The role's
 * permission count comes from the bundled predefined-role catalog. The Editor grant Google gives
 * the default account is left to WDN-GCP-003.
 */
@AutoService(Rule.class)
public final class BroadRole implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-GCP-004",
          "Google Cloud function's service account holds a broad role on the whole project",
          Severity.HIGH,
          Category.OVER_PRIVILEGED,
          Optional.of(Owasp.SAS_4),
          "Replace the basic or administrator role with the predefined roles the function needs,"
              + " granted on the resources it uses (the bucket, the secret, the topic) rather than"
              + " the project; IAM Recommender shows the permissions it really used.",
          List.of(
              "https://cloud.google.com/iam/docs/roles-overview#basic",
              "https://cloud.google.com/iam/docs/using-iam-securely"));

  /** Permissions that read every item of a data service when granted project-wide. */
  private static final Set<String> DATA_READ =
      Set.of(
          "secretmanager.versions.access",
          "storage.objects.get",
          "bigquery.tables.getData",
          "datastore.entities.get",
          "spanner.databases.read",
          "cloudkms.cryptoKeyVersions.useToDecrypt");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<Cloud> clouds() {
    return Set.of(Cloud.GCP);
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (RoleGrant grant : GcpGrants.of(function)) {
      if (!grant.level().isBroad() || GcpGrants.isImplied(grant)) {
        continue;
      }
      Optional<GcpRoles.Role> role = GcpRoles.bundled().role(grant.role());
      Optional<Severity> severity = severity(grant.role(), role);
      if (severity.isEmpty()) {
        continue;
      }
      String size =
          role.map(r -> " (" + r.title() + ", " + r.permissions().size() + " permissions)")
              .orElse("");
      findings.add(
          Finding.of(
                  INFO,
                  function,
                  grant.at(),
                  grant.role() + "@" + grant.scope(),
                  "the service account of "
                      + function.logicalId()
                      + " holds "
                      + grant.role()
                      + size
                      + " on "
                      + grant.scope()
                      + ": "
                      + why(grant.role(), role))
              .withSeverity(severity.get()));
    }
    return findings;
  }

  private static Optional<Severity> severity(String name, Optional<GcpRoles.Role> role) {
    Optional<Severity> basic =
        switch (name) {
          case "roles/owner" -> Optional.of(Severity.CRITICAL);
          case "roles/editor" -> Optional.of(Severity.HIGH);
          case "roles/viewer" -> Optional.of(Severity.MEDIUM);
          default -> Optional.empty();
        };
    if (basic.isPresent()) {
      return basic;
    }
    if (name.toLowerCase(Locale.ROOT).endsWith("admin") && role.isPresent()) {
      return Optional.of(Severity.HIGH);
    }
    if (role.isPresent() && role.get().permissions().stream().anyMatch(DATA_READ::contains)) {
      return Optional.of(Severity.MEDIUM);
    }
    return Optional.empty();
  }

  private static String why(String name, Optional<GcpRoles.Role> role) {
    if (GcpRoles.BASIC.contains(name)) {
      return name.equals("roles/viewer")
          ? "it may read the configuration of every resource in the project"
          : "a basic role spans every service of the project";
    }
    if (name.toLowerCase(Locale.ROOT).endsWith("admin")) {
      return "it administers every resource of its service in the project";
    }
    List<String> reads =
        role.map(r -> r.permissions().stream().filter(DATA_READ::contains).sorted().toList())
            .orElse(List.of());
    return "it reads every item of the project (" + String.join(", ", reads) + ")";
  }
}
