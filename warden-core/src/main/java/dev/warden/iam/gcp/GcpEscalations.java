package dev.warden.iam.gcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ways a Google Cloud identity turns its permissions into more: impersonating another service
 * account, minting its keys or tokens, rewriting IAM policies, or deploying code that runs as
 * another account. Each method needs all of its permissions.
 */
public final class GcpEscalations {

  /** One escalation method. */
  public record Method(String name, Set<String> permissions, String explanation) {}

  public static final List<Method> METHODS =
      List.of(
          new Method(
              "set-project-iam-policy",
              Set.of("resourcemanager.projects.setIamPolicy"),
              "can grant itself (or anyone) any role on the project, Owner included"),
          new Method(
              "set-folder-iam-policy",
              Set.of("resourcemanager.folders.setIamPolicy"),
              "can grant any role on the folder and every project under it"),
          new Method(
              "set-organization-iam-policy",
              Set.of("resourcemanager.organizations.setIamPolicy"),
              "can grant any role in the organisation"),
          new Method(
              "update-custom-role",
              Set.of("iam.roles.update"),
              "can add any permission to a custom role it holds"),
          new Method(
              "create-service-account-key",
              Set.of("iam.serviceAccountKeys.create"),
              "can create a long-lived key for another service account and act as it from anywhere"),
          new Method(
              "get-access-token",
              Set.of("iam.serviceAccounts.getAccessToken"),
              "can mint access tokens for another service account"),
          new Method(
              "sign-blob",
              Set.of("iam.serviceAccounts.signBlob"),
              "can sign as another service account, and so mint its tokens"),
          new Method(
              "sign-jwt",
              Set.of("iam.serviceAccounts.signJwt"),
              "can sign JWTs as another service account, and so mint its tokens"),
          new Method(
              "implicit-delegation",
              Set.of("iam.serviceAccounts.implicitDelegation"),
              "can chain impersonation through another service account"),
          new Method(
              "set-service-account-iam-policy",
              Set.of("iam.serviceAccounts.setIamPolicy"),
              "can let itself impersonate any service account in scope"),
          new Method(
              "deploy-function-as",
              Set.of(
                  "iam.serviceAccounts.actAs",
                  "cloudfunctions.functions.create",
                  "cloudfunctions.functions.sourceCodeSet"),
              "can deploy a function that runs as another service account and call it"),
          new Method(
              "update-function-as",
              Set.of("iam.serviceAccounts.actAs", "cloudfunctions.functions.update"),
              "can change a function's code or service account to run code as another account"),
          new Method(
              "deploy-run-service-as",
              Set.of("iam.serviceAccounts.actAs", "run.services.create"),
              "can deploy a Cloud Run service that runs as another service account"),
          new Method(
              "update-run-service-as",
              Set.of("iam.serviceAccounts.actAs", "run.services.update"),
              "can change a Cloud Run service to run code as another account"),
          new Method(
              "create-instance-as",
              Set.of("iam.serviceAccounts.actAs", "compute.instances.create"),
              "can start a VM that runs as another service account and read its token"),
          new Method(
              "cloud-build-as",
              Set.of("cloudbuild.builds.create"),
              "can run a build as the Cloud Build service account, which often has broad roles"),
          new Method(
              "deployment-manager-as",
              Set.of("deploymentmanager.deployments.create"),
              "can deploy anything as the Google APIs service account, which is Editor"),
          new Method(
              "set-function-iam-policy",
              Set.of("cloudfunctions.functions.setIamPolicy"),
              "can make any function public or let anyone call it"),
          new Method(
              "create-hmac-key",
              Set.of("storage.hmacKeys.create"),
              "can create HMAC keys for another service account's storage access"),
          new Method(
              "set-org-policy",
              Set.of("orgpolicy.policy.set"),
              "can lift the organisation's guardrails (domain restrictions, key creation bans)"));

  private GcpEscalations() {}

  /** The methods the permissions allow, in the order above. */
  public static List<Method> allowedBy(Set<String> permissions) {
    List<Method> allowed = new ArrayList<>();
    for (Method method : METHODS) {
      if (permissions.containsAll(method.permissions())) {
        allowed.add(method);
      }
    }
    return allowed;
  }
}
