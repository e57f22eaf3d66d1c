package dev.warden.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether IAM policies allow a request, in AWS's evaluation order: an explicit deny in any
 * policy wins; every SCP level must allow; then the resource-based policy and the identity-based
 * policies, bounded by the permissions boundary and the session policy, with AWS's same-account and
 * cross-account rules.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
public final class PolicyEvaluator {

  private final IamCatalog catalog;

  public PolicyEvaluator(IamCatalog catalog) {
    this.catalog = catalog;
  }

  /** How a resource-based policy's matching Allow names the caller. */
  private enum Grant {
    NONE,
    /** The account (id, root ARN): only delegates to the account's own IAM policies. */
    ACCOUNT,
    /** The role whose session calls: limited by the boundary and session policy. */
    ROLE,
    /** The caller itself (a user, a role session, everybody): needs nothing more. */
    PRINCIPAL
  }

  public Decision evaluate(Request request, PolicySet policies) {
    String service = request.lowerService();
    String name = request.lowerName();
    List<Decision.MatchedStatement> denies = new ArrayList<>();
    collect(
        policies.identity(),
        PolicyType.IDENTITY,
        Effect.DENY,
        request,
        service,
        name,
        denies,
        null);
    policies
        .resourcePolicy()
        .ifPresent(
            p ->
                collect(
                    List.of(p),
                    PolicyType.RESOURCE,
                    Effect.DENY,
                    request,
                    service,
                    name,
                    denies,
                    null));
    policies
        .boundary()
        .ifPresent(
            p ->
                collect(
                    List.of(p),
                    PolicyType.BOUNDARY,
                    Effect.DENY,
                    request,
                    service,
                    name,
                    denies,
                    null));
    policies
        .session()
        .ifPresent(
            p ->
                collect(
                    List.of(p),
                    PolicyType.SESSION,
                    Effect.DENY,
                    request,
                    service,
                    name,
                    denies,
                    null));
    collect(
        flatten(policies.scps()),
        PolicyType.SCP,
        Effect.DENY,
        request,
        service,
        name,
        denies,
        null);
    if (catalog.isRcpService(service)) {
      collect(
          flatten(policies.rcps()),
          PolicyType.RCP,
          Effect.DENY,
          request,
          service,
          name,
          denies,
          null);
    }
    if (!denies.isEmpty()) {
      return new Decision(Decision.Outcome.EXPLICITLY_DENIED, denies);
    }

    List<Decision.MatchedStatement> allows = new ArrayList<>();
    int offset = 0;
    for (List<PolicyDocument> level : policies.scps()) {
      List<Decision.MatchedStatement> levelAllows = new ArrayList<>();
      collect(level, PolicyType.SCP, Effect.ALLOW, request, service, name, levelAllows, null);
      if (levelAllows.isEmpty()) {
        return new Decision(Decision.Outcome.IMPLICITLY_DENIED, List.of());
      }
      for (Decision.MatchedStatement statement : levelAllows) {
        allows.add(
            new Decision.MatchedStatement(
                PolicyType.SCP,
                statement.policyIndex() + offset,
                statement.statementIndex(),
                statement.sid()));
      }
      offset += level.size();
    }

    List<Decision.MatchedStatement> identityAllows = new ArrayList<>();
    collect(
        policies.identity(),
        PolicyType.IDENTITY,
        Effect.ALLOW,
        request,
        service,
        name,
        identityAllows,
        null);
    boolean boundaryAllows =
        bounded(policies.boundary(), PolicyType.BOUNDARY, request, service, name, allows);
    boolean sessionAllows =
        bounded(policies.session(), PolicyType.SESSION, request, service, name, allows);

    List<Decision.MatchedStatement> resourceAllows = new ArrayList<>();
    Grant[] strongest = {Grant.NONE};
    policies
        .resourcePolicy()
        .ifPresent(
            p ->
                collect(
                    List.of(p),
                    PolicyType.RESOURCE,
                    Effect.ALLOW,
                    request,
                    service,
                    name,
                    resourceAllows,
                    strongest));
    Grant grant = strongest[0];

    boolean sameAccount =
        request.principal().account().map(a -> a.equals(request.resourceAccount())).orElse(false);
    boolean allowed;
    List<Decision.MatchedStatement> deciding = new ArrayList<>(allows);
    if (sameAccount) {
      boolean resourceRequired = requiresResourcePolicy(service, name);
      if (grant == Grant.PRINCIPAL) {
        allowed = true;
        deciding.addAll(resourceAllows);
      } else if (grant == Grant.ROLE) {
        allowed = boundaryAllows && sessionAllows;
        deciding.addAll(resourceAllows);
      } else {
        allowed =
            !identityAllows.isEmpty()
                && boundaryAllows
                && sessionAllows
                && (!resourceRequired || grant == Grant.ACCOUNT);
        deciding.addAll(identityAllows);
        deciding.addAll(resourceAllows);
      }
    } else {
      allowed = !identityAllows.isEmpty() && boundaryAllows && sessionAllows && grant != Grant.NONE;
      deciding.addAll(identityAllows);
      deciding.addAll(resourceAllows);
    }
    return allowed
        ? new Decision(Decision.Outcome.ALLOWED, deciding)
        : new Decision(Decision.Outcome.IMPLICITLY_DENIED, List.of());
  }

  /** True when the policy is absent or allows; adds its allowing statements to {@code allows}. */
  private boolean bounded(
      Optional<PolicyDocument> policy,
      PolicyType type,
      Request request,
      String service,
      String name,
      List<Decision.MatchedStatement> allows) {
    if (policy.isEmpty()) {
      return true;
    }
    int before = allows.size();
    collect(List.of(policy.get()), type, Effect.ALLOW, request, service, name, allows, null);
    return allows.size() > before;
  }

  /**
   * KMS key policies and role trust policies must allow the caller even within the account; a key
   * policy or trust policy that names the account delegates to the account's IAM policies.
   */
  private static boolean requiresResourcePolicy(String service, String name) {
    return service.equals("kms") || (service.equals("sts") && name.startsWith("assumerole"));
  }

  private static List<PolicyDocument> flatten(List<List<PolicyDocument>> levels) {
    List<PolicyDocument> all = new ArrayList<>();
    levels.forEach(all::addAll);
    return all;
  }

  /**
   * Adds every statement of the policies with this effect that applies to the request. For
   * resource-based policies {@code grant} (when given) receives the strongest way a matching Allow
   * names the caller.
   */
  private void collect(
      List<PolicyDocument> documents,
      PolicyType type,
      Effect effect,
      Request request,
      String service,
      String name,
      List<Decision.MatchedStatement> out,
      Grant[] grant) {
    for (int p = 0; p < documents.size(); p++) {
      for (Statement statement : documents.get(p).statements()) {
        if (statement.effect() != effect
            || !statement.appliesToAction(service, name)
            || !statement.appliesToResource(request.resource(), request.context())) {
          continue;
        }
        if (type.namesPrincipals()
            && (statement.principal().isPresent() || statement.notPrincipal().isPresent())
            && !statement.appliesToPrincipal(request.principal())) {
          continue;
        }
        if (!statement.conditionsHold(request.context())) {
          continue;
        }
        out.add(new Decision.MatchedStatement(type, p, statement.index(), statement.sid()));
        if (grant != null) {
          Grant how = grantOf(statement, request.principal());
          if (how.compareTo(grant[0]) > 0) {
            grant[0] = how;
          }
        }
      }
    }
  }

  /** How a matching resource-policy statement names the caller. */
  private static Grant grantOf(Statement statement, Principal principal) {
    if (statement.notPrincipal().isPresent()
        || statement.principal().map(PrincipalSet::everybody).orElse(false)) {
      return Grant.PRINCIPAL;
    }
    PrincipalSet named = statement.principal().orElse(PrincipalSet.EVERYBODY);
    Grant strongest = Grant.NONE;
    for (var entry : named.byType().entrySet()) {
      for (String value : entry.getValue()) {
        Grant how;
        if (!entry.getKey().equals("AWS")) {
          how =
              principal.arn().equals(value) || principal.arn().equalsIgnoreCase(value)
                  ? Grant.PRINCIPAL
                  : Grant.NONE;
        } else if (value.equals("*") || value.equals(principal.arn())) {
          how = Grant.PRINCIPAL;
        } else if (principal.roleOfSession().isPresent()
            && principal.isNamedBy(value)
            && value.contains(":role/")) {
          how = Grant.ROLE;
        } else if (principal.isNamedBy(value)) {
          how = Grant.ACCOUNT;
        } else {
          how = Grant.NONE;
        }
        if (how.compareTo(strongest) > 0) {
          strongest = how;
        }
      }
    }
    return strongest;
  }
}
