package dev.warden.iam;

import dev.warden.iam.EffectivePermissions.ActionGrant;
import dev.warden.iam.EffectivePermissions.StatementRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Classifies what an attacker who holds a permission set can do: administrator access, each
 * privilege-escalation method, data exfiltration, resource exposure, credentials exposure,
 * infrastructure modification and passing any role. Every grant is computed by the policy engine
 * (resource scope, denies, conditions such as {@code iam:PassedToService}), not by action names.
 */
public final class PermissionRisks {

  private static final String PASSED_TO_SERVICE = "iam:PassedToService";

  /** Actions that read stored data out, by what they read. */
  private static final Map<String, List<String>> DATA_READS = dataReads();

  /** Actions that hand out credentials (keys, passwords, tokens, sessions). */
  private static final List<String> CREDENTIAL_ACTIONS =
      List.of(
          "iam:CreateAccessKey",
          "iam:UpdateAccessKey",
          "iam:CreateLoginProfile",
          "iam:UpdateLoginProfile",
          "iam:CreateServiceSpecificCredential",
          "iam:ResetServiceSpecificCredential",
          "sts:AssumeRole",
          "sts:AssumeRoleWithSAML",
          "sts:AssumeRoleWithWebIdentity",
          "sts:GetFederationToken",
          "sts:GetSessionToken",
          "sso:GetRoleCredentials",
          "ecr:GetAuthorizationToken",
          "codeartifact:GetAuthorizationToken",
          "ec2:GetPasswordData",
          "ec2-instance-connect:SendSSHPublicKey",
          "redshift:GetClusterCredentials",
          "redshift-serverless:GetCredentials",
          "rds-db:connect",
          "cognito-identity:GetCredentialsForIdentity",
          "cognito-identity:GetOpenIdToken",
          "lightsail:GetInstanceAccessDetails",
          "lightsail:GetRelationalDatabaseMasterUserPassword",
          "gamelift:RequestUploadCredentials",
          "chime:CreateApiKey");

  /** Write-level actions that share a resource with other accounts or the public. */
  private static final List<String> SHARING_ACTIONS =
      List.of(
          "ec2:ModifySnapshotAttribute",
          "ec2:ModifyImageAttribute",
          "ec2:ModifyFpgaImageAttribute",
          "rds:ModifyDBSnapshotAttribute",
          "rds:ModifyDBClusterSnapshotAttribute",
          "sqs:SetQueueAttributes",
          "sns:SetTopicAttributes",
          "s3:PutBucketPublicAccessBlock",
          "s3:DeleteBucketPolicy",
          "ram:CreateResourceShare",
          "ram:AssociateResourceShare");

  /**
   * The logs, traces and metrics every function writes (AWSLambdaBasicExecutionRole and the tracing
   * policies grant them on {@code *}): writing telemetry changes no infrastructure.
   */
  private static final Set<String> TELEMETRY =
      Set.of(
          "logs:CreateLogGroup",
          "logs:CreateLogStream",
          "logs:PutLogEvents",
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "cloudwatch:PutMetricData");

  /** Services whose permissions-management actions are about identities, not resources. */
  private static final Set<String> IDENTITY_SERVICES =
      Set.of("iam", "sts", "sso", "sso-directory", "identitystore", "organizations");

  private static final List<String> SELF_GRANTS =
      List.of(
          "iam:AttachRolePolicy",
          "iam:PutRolePolicy",
          "iam:AttachUserPolicy",
          "iam:PutUserPolicy",
          "iam:CreatePolicyVersion");

  private final IamCatalog catalog;

  public PermissionRisks(IamCatalog catalog) {
    this.catalog = catalog;
  }

  /** Every risk of the permissions, admin first, then escalation methods in catalogue order. */
  public List<Risk> classify(EffectivePermissions permissions, List<ActionGrant> allowed) {
    List<Risk> risks = new ArrayList<>();
    admin(permissions, allowed).ifPresent(risks::add);
    for (EscalationMethods.EscalationMethod method : EscalationMethods.ALL) {
      escalation(permissions, method).ifPresent(risks::add);
    }
    passRoleWildcard(permissions).ifPresent(risks::add);
    DATA_READS.forEach(
        (what, actions) ->
            grouped(RiskType.DATA_EXFILTRATION, what, actions, permissions).ifPresent(risks::add));
    risks.addAll(byService(RiskType.CREDENTIALS_EXPOSURE, CREDENTIAL_ACTIONS, permissions));
    risks.addAll(resourceExposure(permissions, allowed));
    risks.addAll(infrastructureModification(allowed));
    return risks;
  }

  private Optional<Risk> admin(EffectivePermissions permissions, List<ActionGrant> allowed) {
    int everywhere = 0;
    for (ActionGrant grant : allowed) {
      if (grant.onAnyResource() && !grant.conditional() && grant.allExcept().isEmpty()) {
        everywhere++;
      }
    }
    if (everywhere == catalog.actionCount()) {
      return Optional.of(risk(RiskType.ADMIN, "AllActions", allowed));
    }
    List<ActionGrant> iam = new ArrayList<>();
    int iamActions = 0;
    for (ActionGrant grant : allowed) {
      if (grant.service().equals("iam")) {
        iamActions++;
        if (grant.onAnyResource() && !grant.conditional()) {
          iam.add(grant);
        }
      }
    }
    if (iamActions > 0 && iam.size() == catalog.service("iam").orElseThrow().actions().size()) {
      return Optional.of(risk(RiskType.ADMIN, "IamFullAccess", iam));
    }
    List<ActionGrant> selfGrants = new ArrayList<>();
    for (String action : SELF_GRANTS) {
      permissions
          .grant(action, RequestContext.empty(), Set.of())
          .filter(g -> g.onAnyResource() && !g.conditional())
          .ifPresent(selfGrants::add);
    }
    return selfGrants.isEmpty()
        ? Optional.empty()
        : Optional.of(risk(RiskType.ADMIN, "PolicyAttach", selfGrants));
  }

  private Optional<Risk> escalation(
      EffectivePermissions permissions, EscalationMethods.EscalationMethod method) {
    List<ActionGrant> grants = new ArrayList<>();
    for (String action : method.actions()) {
      Optional<ActionGrant> grant =
          action.equalsIgnoreCase("iam:PassRole") && method.passRoleTo().isPresent()
              ? passRole(permissions, method.passRoleTo().get())
              : permissions.grant(action, RequestContext.empty(), Set.of());
      if (grant.isEmpty()) {
        return Optional.empty();
      }
      grants.add(grant.get());
    }
    return Optional.of(risk(RiskType.PRIVILEGE_ESCALATION, method.name(), grants));
  }

  /** PassRole as a method needs it: to this service, on some role. */
  private static Optional<ActionGrant> passRole(EffectivePermissions permissions, String service) {
    return permissions.grant(
        "iam:PassRole",
        RequestContext.of(Map.of(PASSED_TO_SERVICE, List.of(service))),
        Set.of(PASSED_TO_SERVICE));
  }

  /** iam:PassRole on every role, to any service. */
  private static Optional<Risk> passRoleWildcard(EffectivePermissions permissions) {
    Optional<ActionGrant> grant =
        permissions.grant("iam:PassRole", RequestContext.empty(), Set.of());
    if (grant.isEmpty()) {
      return Optional.empty();
    }
    List<StatementRef> unscoped = new ArrayList<>();
    Set<String> resources = new LinkedHashSet<>();
    for (StatementRef ref : grant.get().statements()) {
      Statement statement = ref.statement();
      boolean serviceScoped =
          statement.conditions().stream()
              .anyMatch(c -> c.key().equalsIgnoreCase(PASSED_TO_SERVICE));
      if (serviceScoped || statement.notResource()) {
        continue;
      }
      for (PolicyText resource : statement.resources()) {
        if (coversEveryRole(resource.text())) {
          resources.add(resource.text());
        }
      }
      if (!resources.isEmpty()) {
        unscoped.add(ref);
      }
    }
    if (unscoped.isEmpty() || !grant.get().deniedResources().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Risk(
            RiskType.PASSROLE_WILDCARD,
            "PassAnyRole",
            List.of("iam:PassRole"),
            List.copyOf(resources),
            grant.get().conditional(),
            unscoped));
  }

  private static boolean coversEveryRole(String pattern) {
    if (pattern.equals("*")) {
      return true;
    }
    // A template value (${AWS::AccountId}, ${WorkerRole}) is one name not known yet; a policy
    // variable (${aws:username}) may be any.
    String[] parts =
        pattern
            .replaceAll("\\$\\{[a-zA-Z0-9-]+:[^:}][^}]*}", "*")
            .replaceAll("\\$\\{[^}]*}", "x")
            .split(":", 6);
    return parts.length == 6
        && parts[2].equals("iam")
        && (parts[5].equals("*") || parts[5].equals("role/*") || parts[5].equals("role*"));
  }

  private static Optional<Risk> grouped(
      RiskType type, String method, List<String> actions, EffectivePermissions permissions) {
    List<ActionGrant> grants = new ArrayList<>();
    for (String action : actions) {
      permissions.grant(action, RequestContext.empty(), Set.of()).ifPresent(grants::add);
    }
    return grants.isEmpty() ? Optional.empty() : Optional.of(risk(type, method, grants));
  }

  private static List<Risk> byService(
      RiskType type, List<String> actions, EffectivePermissions permissions) {
    Map<String, List<ActionGrant>> services = new TreeMap<>();
    for (String action : actions) {
      permissions
          .grant(action, RequestContext.empty(), Set.of())
          .ifPresent(g -> services.computeIfAbsent(g.service(), s -> new ArrayList<>()).add(g));
    }
    List<Risk> risks = new ArrayList<>();
    services.forEach((service, grants) -> risks.add(risk(type, service, grants)));
    return risks;
  }

  private static List<Risk> resourceExposure(
      EffectivePermissions permissions, List<ActionGrant> allowed) {
    Map<String, List<ActionGrant>> services = new TreeMap<>();
    for (ActionGrant grant : allowed) {
      if (grant.accessLevel().orElse(null) == AccessLevel.PERMISSIONS_MANAGEMENT
          && !IDENTITY_SERVICES.contains(grant.service())) {
        services.computeIfAbsent(grant.service(), s -> new ArrayList<>()).add(grant);
      }
    }
    for (String action : SHARING_ACTIONS) {
      permissions
          .grant(action, RequestContext.empty(), Set.of())
          .ifPresent(
              g -> {
                List<ActionGrant> list =
                    services.computeIfAbsent(g.service(), s -> new ArrayList<>());
                if (list.stream().noneMatch(existing -> existing.action().equals(g.action()))) {
                  list.add(g);
                }
              });
    }
    List<Risk> risks = new ArrayList<>();
    services.forEach(
        (service, grants) -> risks.add(risk(RiskType.RESOURCE_EXPOSURE, service, grants)));
    return risks;
  }

  private static List<Risk> infrastructureModification(List<ActionGrant> allowed) {
    Map<String, List<ActionGrant>> services = new TreeMap<>();
    for (ActionGrant grant : allowed) {
      AccessLevel level = grant.accessLevel().orElse(null);
      if ((level == AccessLevel.WRITE || level == AccessLevel.PERMISSIONS_MANAGEMENT)
          && grant.resources().contains("*")
          && !TELEMETRY.contains(grant.action())) {
        services.computeIfAbsent(grant.service(), s -> new ArrayList<>()).add(grant);
      }
    }
    List<Risk> risks = new ArrayList<>();
    services.forEach(
        (service, grants) ->
            risks.add(risk(RiskType.INFRASTRUCTURE_MODIFICATION, service, grants)));
    return risks;
  }

  private static Risk risk(RiskType type, String method, List<ActionGrant> grants) {
    Set<String> actions = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Map<Statement, StatementRef> statements = new LinkedHashMap<>();
    boolean conditional = false;
    for (ActionGrant grant : grants) {
      actions.add(grant.action());
      resources.addAll(grant.resources());
      for (String except : grant.allExcept()) {
        resources.add("all but " + except);
      }
      conditional |= grant.conditional();
      for (StatementRef ref : grant.statements()) {
        statements.putIfAbsent(ref.statement(), ref);
      }
    }
    return new Risk(
        type,
        method,
        List.copyOf(actions),
        List.copyOf(resources),
        conditional,
        List.copyOf(statements.values()));
  }

  private static Map<String, List<String>> dataReads() {
    Map<String, List<String>> reads = new LinkedHashMap<>();
    reads.put("S3ObjectRead", List.of("s3:GetObject", "s3:GetObjectVersion"));
    reads.put(
        "SecretRead",
        List.of("secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue"));
    reads.put(
        "ParameterRead",
        List.of(
            "ssm:GetParameter",
            "ssm:GetParameters",
            "ssm:GetParametersByPath",
            "ssm:GetParameterHistory"));
    reads.put(
        "TableRead",
        List.of(
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            "dynamodb:Scan",
            "dynamodb:ExportTableToPointInTime"));
    reads.put("KeyDecrypt", List.of("kms:Decrypt", "kms:ReEncryptFrom"));
    reads.put("QueueRead", List.of("sqs:ReceiveMessage"));
    reads.put("StreamRead", List.of("kinesis:GetRecords", "dynamodb:GetRecords"));
    reads.put("LogRead", List.of("logs:GetLogEvents", "logs:FilterLogEvents"));
    reads.put("FunctionCodeRead", List.of("lambda:GetFunction"));
    return reads;
  }
}
