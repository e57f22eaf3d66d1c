package dev.warden.rules.gcp;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.InvokePermission;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.inventory.gcp.GcpFunctions;
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
import java.util.Optional;
import java.util.Set;

/**
 * Flags Google Cloud functions whose invoker role is granted to {@code allUsers} (anyone, no
 * credentials) or {@code allAuthenticatedUsers} (anyone with any Google account): high, medium when
 * ingress is internal only (then only callers inside the project's networks reach it).
 */
@AutoService(Rule.class)
public final class PublicInvoker implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-GCP-001",
          "Anyone may invoke the Google Cloud function",
          Severity.HIGH,
          Category.MISSING_AUTH,
          Optional.of(Owasp.SAS_2),
          "Remove the allUsers/allAuthenticatedUsers binding (gcloud functions"
              + " remove-invoker-policy-binding, or the google_cloudfunctions*_function_iam_* /"
              + " google_cloud_run_service_iam_* resource) and grant roles/cloudfunctions.invoker"
              + " (2nd gen: roles/run.invoker) to the service accounts that call it; for a public"
              + " API, put API Gateway or a load balancer with IAP in front.",
          List.of(
              "https://cloud.google.com/functions/docs/securing/authenticating",
              "https://cloud.google.com/functions/docs/securing/managing-access-iam"));

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
    String ingress = function.host().ingress().map(Setting::value).orElse("ALLOW_ALL");
    List<Finding> findings = new ArrayList<>();
    for (InvokePermission permission : function.invokePermissions()) {
      String member = permission.principal().toString();
      if (!GcpFunctions.EVERYONE.contains(member)
          || !GcpFunctions.INVOKER_ROLES.contains(permission.action())) {
        continue;
      }
      boolean internal = ingress.equals("ALLOW_INTERNAL_ONLY");
      String who =
          member.equals("allUsers")
              ? "anyone, without credentials"
              : "anyone signed in with any Google account";
      Finding finding =
          Finding.of(
              INFO,
              function,
              permission.at(),
              member + "/" + permission.action(),
              permission.action()
                  + " is granted to "
                  + member
                  + ": "
                  + who
                  + " may invoke "
                  + function.logicalId()
                  + (internal
                      ? " from inside the project's networks (ingress ALLOW_INTERNAL_ONLY)"
                      : " from the internet (ingress " + ingress + ")"));
      findings.add(internal ? finding.withSeverity(Severity.MEDIUM) : finding);
    }
    return findings;
  }
}
