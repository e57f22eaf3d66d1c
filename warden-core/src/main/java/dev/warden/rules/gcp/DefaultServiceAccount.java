package dev.warden.rules.gcp;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.CloudIdentity;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags Google Cloud functions that run as the project's default service account (Compute Engine's
 * for 2nd gen, App Engine's for 1st gen): it is shared by every workload that was not given its own
 * account, and Google grants it Editor on the project unless the organisation policy {@code
 * iam.automaticIamGrantsForDefaultServiceAccounts} turned that off. High when it has Editor or
 * Owner (or the project's policy was not read), medium when the policy read shows it has less.
 */
@AutoService(Rule.class)
public final class DefaultServiceAccount implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-GCP-003",
          "Google Cloud function runs as the project's default service account",
          Severity.HIGH,
          Category.OVER_PRIVILEGED,
          Optional.of(Owasp.SAS_4),
          "Create a service account for the function with only the roles it needs and deploy"
              + " with --service-account (Terraform service_account_email); remove Editor from"
              + " the default account and enforce iam.automaticIamGrantsForDefaultServiceAccounts.",
          List.of(
              "https://cloud.google.com/functions/docs/securing/function-identity",
              "https://cloud.google.com/iam/docs/service-account-types#default"));

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
    Optional<CloudIdentity> identity = function.identity();
    if (identity.isEmpty()
        || identity.get().kind() != CloudIdentity.Kind.GCP_DEFAULT_SERVICE_ACCOUNT) {
      return List.of();
    }
    List<RoleGrant> grants = identity.get().grants();
    boolean basic =
        grants.stream()
            .anyMatch(g -> g.role().equals("roles/editor") || g.role().equals("roles/owner"));
    String roles =
        grants.isEmpty()
            ? "no role in the project policy read"
            : grants.stream().map(RoleGrant::role).distinct().collect(Collectors.joining(", "));
    Finding finding =
        Finding.of(
            INFO,
            function,
            identity.get().at(),
            "default-service-account",
            function.logicalId()
                + " runs as the default service account "
                + identity.get().principal()
                + " ("
                + roles
                + "), shared with every workload of the project that has no account of its own");
    return List.of(basic ? finding : finding.withSeverity(Severity.MEDIUM));
  }
}
