package dev.warden.rules.gcp;

import com.google.auto.service.AutoService;
import dev.warden.iam.gcp.GcpEscalations;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags Google Cloud functions whose service account can escalate: its roles (resolved through the
 * bundled predefined-role catalog) hold every permission of one of the methods in {@link
 * GcpEscalations}. Critical when it can rewrite an IAM policy of a project, folder or organisation,
 * high otherwise. The finding names each method and the grant that gives its permissions.
 */
@AutoService(Rule.class)
public final class EscalationPermission implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-GCP-005",
          "Google Cloud function's service account can escalate its privileges",
          Severity.HIGH,
          Category.PRIVILEGE_ESCALATION,
          Optional.of(Owasp.SAS_4),
          "Remove the roles that carry the escalation permissions (setIamPolicy, actAs with"
              + " deploy rights, service account key and token creation) from the function's"
              + " service account; grant actAs on the one service account it must deploy as, if"
              + " any.",
          List.of(
              "https://cloud.google.com/iam/docs/service-account-overview#impersonation",
              "https://cloud.google.com/iam/docs/understanding-roles"));

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
    List<RoleGrant> grants = GcpGrants.of(function);
    Map<String, RoleGrant> permissions = GcpGrants.permissions(grants);
    List<GcpEscalations.Method> methods = GcpEscalations.allowedBy(permissions.keySet());
    if (methods.isEmpty()) {
      return List.of();
    }
    Set<String> roles = new LinkedHashSet<>();
    for (GcpEscalations.Method method : methods) {
      for (String permission : method.permissions()) {
        roles.add(permissions.get(permission).role());
      }
    }
    RoleGrant first = permissions.get(methods.get(0).permissions().iterator().next());
    boolean iamPolicy =
        methods.stream()
            .anyMatch(
                m ->
                    m.name().startsWith("set-")
                        && m.name().contains("iam-policy")
                        && !m.name().contains("function")
                        && !m.name().contains("service-account"));
    String how =
        methods.stream()
            .limit(4)
            .map(m -> m.name() + ": " + m.explanation())
            .collect(Collectors.joining("; "));
    Finding finding =
        Finding.of(
                INFO,
                function,
                first.at(),
                "escalation",
                "the service account of "
                    + function.logicalId()
                    + " can escalate through "
                    + methods.size()
                    + " method(s) granted by "
                    + String.join(", ", roles)
                    + (GcpGrants.isImplied(first) ? " (Google's default grant)" : "")
                    + " — "
                    + how
                    + (methods.size() > 4 ? "; and " + (methods.size() - 4) + " more" : ""))
            .withDetails(
                Map.of("methods", methods.stream().map(GcpEscalations.Method::name).toList()));
    return List.of(iamPolicy ? finding.withSeverity(Severity.CRITICAL) : finding);
  }
}
