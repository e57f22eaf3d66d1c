package dev.warden.iam;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether IAM policies allow a request, in AWS's evaluation order: an explicit deny in any
 * policy wins; every SCP level must allow; a session policy must allow; then the resource-based
 * policy and the identity-based policies, bounded by the permissions boundary, with AWS's
 * same-account and cross-account rules and the exceptions of STS, KMS and IAM.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
public final class PolicyEvaluator {

  private final IamCatalog catalog;

  public PolicyEvaluator(IamCatalog catalog) {
    this.catalog = catalog;
  }

  /** How a matching Allow of a resource-based policy names the caller. */
  enum Grant {
    /** Its account (id or root ARN): the account's own IAM policies decide. */
    ACCOUNT,
    /** The role whose session calls: the session still answers to its boundary. */
    ROLE_OF_SESSION,
    /** The caller's own ARN (a user, a role session, a service). */
    EXACT,
    /** Everybody ({@code "*"}, or all but those a NotPrincipal lists). */
    EVERYBODY
  }

  /** Whether the account of the resource trusts the caller's IAM policies without saying so. */
  private enum Trust {
    IMPLICIT,
    EXPLICIT,
    NONE
  }

  public Decision evaluate(Request request, PolicySet policies) {
    String service = request.lowerService();
    String name = request.lowerName();
    Principal principal = request.principal();
    boolean servicePrincipal = principal.isService();

    if (service.equals("sts") && name.equals("getcalleridentity") && !servicePrincipal) {
      // Needs no permission, and a Deny cannot take it away.
      // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
      return new Decision(Decision.Outcome.ALLOWED, List.of());
    }

    Evaluation e = new Evaluation(request, policies.boundary().isPresent());
    List<Decision.MatchedStatement> denies = new ArrayList<>();
    e.collect(policies.identity(), PolicyType.IDENTITY, Effect.DENY, denies, null);
    if (policies.resourcePolicy().isPresent()) {
      e.collect(policies.resourcePolicy().get(), PolicyType.RESOURCE, Effect.DENY, denies, null);
    }
    if (policies.boundary().isPresent()) {
      e.collect(policies.boundary().get(), PolicyType.BOUNDARY, Effect.DENY, denies, null);
    }
    if (policies.session().isPresent()) {
      e.collect(policies.session().get(), PolicyType.SESSION, Effect.DENY, denies, null);
    }
    // SCPs limit the principals of member accounts; an AWS service is none of them.
    if (!servicePrincipal && !policies.scps().isEmpty()) {
      e.collect(flatten(policies.scps()), PolicyType.SCP, Effect.DENY, denies, null);
    }
    if (!policies.rcps().isEmpty() && catalog.isRcpService(service)) {
      e.collect(flatten(policies.rcps()), PolicyType.RCP, Effect.DENY, denies, null);
    }
    if (!denies.isEmpty()) {
      return new Decision(Decision.Outcome.EXPLICITLY_DENIED, denies);
    }

    List<Decision.MatchedStatement> deciding = new ArrayList<>();
    if (!servicePrincipal && !scpsAllow(e, policies, deciding)) {
      return implicitDeny();
    }

    List<Decision.MatchedStatement> resourceAllows = new ArrayList<>();
    Set<Grant> grants = policies.resourcePolicy().isPresent() ? EnumSet.noneOf(Grant.class) : NONE;
    if (policies.resourcePolicy().isPresent()) {
      e.collect(
          policies.resourcePolicy().get(),
          PolicyType.RESOURCE,
          Effect.ALLOW,
          resourceAllows,
          grants);
    }
    boolean direct =
        grants.contains(Grant.EVERYBODY)
            || grants.contains(Grant.EXACT)
            || grants.contains(Grant.ROLE_OF_SESSION);

    if (servicePrincipal) {
      return direct ? allowed(resourceAllows) : implicitDeny();
    }

    if (policies.session().isPresent()) {
      List<Decision.MatchedStatement> sessionAllows = new ArrayList<>();
      e.collect(policies.session().get(), PolicyType.SESSION, Effect.ALLOW, sessionAllows, null);
      // A resource-based policy that names the session itself grants beside the session policy.
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
      boolean namesSession = grants.contains(Grant.EXACT) && isSession(principal);
      if (sessionAllows.isEmpty() && !namesSession) {
        return implicitDeny();
      }
      deciding.addAll(sessionAllows);
    }

    List<Decision.MatchedStatement> identityAllows = new ArrayList<>();
    e.collect(policies.identity(), PolicyType.IDENTITY, Effect.ALLOW, identityAllows, null);
    boolean identity = !identityAllows.isEmpty();

    boolean boundaryAllows = true;
    if (policies.boundary().isPresent()) {
      List<Decision.MatchedStatement> boundaryStatements = new ArrayList<>();
      e.collect(
          policies.boundary().get(), PolicyType.BOUNDARY, Effect.ALLOW, boundaryStatements, null);
      boundaryAllows = !boundaryStatements.isEmpty();
      deciding.addAll(boundaryStatements);
    }

    boolean sameAccount =
        principal.account().isPresent()
            && principal.account().get().equals(request.resourceAccount());
    boolean allowed;
    if (sameAccount) {
      Trust trust = trust(request, service, name, policies);
      boolean viaIdentity =
          identity
              && switch (trust) {
                case IMPLICIT -> true;
                case EXPLICIT -> grants.contains(Grant.ACCOUNT);
                case NONE -> false;
              };
      if (boundaryAllows) {
        allowed = direct || viaIdentity;
      } else {
        // Within the account, a boundary does not limit what a resource-based policy grants to
        // the caller by its own ARN (or to everybody), except to a role named by its role ARN.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
        allowed =
            grants.contains(Grant.EVERYBODY)
                || (grants.contains(Grant.EXACT) && !principal.kind().equals("role"));
      }
    } else {
      boolean trusted = direct || grants.contains(Grant.ACCOUNT);
      allowed = trusted && identity && boundaryAllows;
    }
    if (!allowed || deniedByServiceRules(service, name, request)) {
      return implicitDeny();
    }
    if (deciding.isEmpty() && resourceAllows.isEmpty()) {
      return allowed(identityAllows);
    }
    deciding.addAll(identityAllows);
    deciding.addAll(resourceAllows);
    return allowed(deciding);
  }

  private static final Set<Grant> NONE = Set.of();

  /**
   * Whether the resource's account lets its own IAM policies grant without the resource policy
   * naming the account: always, except for role trust policies (any STS action on a role that has
   * one) and KMS key policies, which must name the account (or the caller).
   */
  private static Trust trust(Request request, String service, String name, PolicySet policies) {
    if (service.equals("sts")) {
      if (policies.resourcePolicy().isPresent()) {
        return Trust.EXPLICIT;
      }
      // Every role has a trust policy; without one nobody can assume it.
      return name.startsWith("assumerole") ? Trust.NONE : Trust.IMPLICIT;
    }
    if (service.equals("kms")) {
      return request.resourcePartStartsWith("key/") ? Trust.EXPLICIT : Trust.IMPLICIT;
    }
    return Trust.IMPLICIT;
  }

  /**
   * What AWS refuses whatever the policies say: changing AWS-managed policies, AWS-reserved roles
   * (IAM Identity Center's) and the aliases of AWS-managed KMS keys.
   */
  private static boolean deniedByServiceRules(String service, String name, Request request) {
    if (service.equals("iam")) {
      boolean managedPolicy = request.accountIs("aws") && request.resourcePartStartsWith("policy/");
      boolean reservedRole = request.resourcePartStartsWith("role/aws-reserved/");
      return (managedPolicy && CHANGES_MANAGED_POLICY.contains(name))
          || (reservedRole && CHANGES_ROLE.contains(name));
    }
    if (service.equals("kms")) {
      return request.resourcePartStartsWith("alias/aws/")
          && (name.equals("createalias")
              || name.equals("deletealias")
              || name.equals("updatealias"));
    }
    return false;
  }

  private static final Set<String> CHANGES_MANAGED_POLICY =
      Set.of(
          "createpolicy",
          "createpolicyversion",
          "deletepolicy",
          "deletepolicyversion",
          "setdefaultpolicyversion",
          "tagpolicy",
          "untagpolicy");

  private static final Set<String> CHANGES_ROLE =
      Set.of(
          "attachrolepolicy",
          "createrole",
          "createservicelinkedrole",
          "deleterole",
          "deleterolepermissionsboundary",
          "deleterolepolicy",
          "deleteservicelinkedrole",
          "detachrolepolicy",
          "passrole",
          "putrolepermissionsboundary",
          "putrolepolicy",
          "tagrole",
          "untagrole",
          "updateassumerolepolicy",
          "updaterole",
          "updateroledescription");

  /** Every SCP level, root first, must allow; adds the allowing statements to {@code out}. */
  private static boolean scpsAllow(
      Evaluation e, PolicySet policies, List<Decision.MatchedStatement> out) {
    int offset = 0;
    for (List<PolicyDocument> level : policies.scps()) {
      List<Decision.MatchedStatement> levelAllows = new ArrayList<>();
      e.collect(level, PolicyType.SCP, Effect.ALLOW, levelAllows, null);
      if (levelAllows.isEmpty()) {
        return false;
      }
      for (Decision.MatchedStatement statement : levelAllows) {
        out.add(
            new Decision.MatchedStatement(
                PolicyType.SCP,
                statement.policyIndex() + offset,
                statement.statementIndex(),
                statement.sid()));
      }
      offset += level.size();
    }
    return true;
  }

  private static boolean isSession(Principal principal) {
    String kind = principal.kind();
    return kind.equals("assumed-role") || kind.equals("federated-user");
  }

  private static Decision allowed(List<Decision.MatchedStatement> deciding) {
    return new Decision(Decision.Outcome.ALLOWED, deciding);
  }

  private static Decision implicitDeny() {
    return new Decision(Decision.Outcome.IMPLICITLY_DENIED, List.of());
  }

  private static List<PolicyDocument> flatten(List<List<PolicyDocument>> levels) {
    List<PolicyDocument> all = new ArrayList<>();
    levels.forEach(all::addAll);
    return all;
  }

  /** One request being evaluated: finds the statements of each policy that apply to it. */
  private static final class Evaluation {
    private final Request request;
    private final boolean hasBoundary;

    Evaluation(Request request, boolean hasBoundary) {
      this.request = request;
      this.hasBoundary = hasBoundary;
    }

    /**
     * Adds every statement of the policies with this effect that applies to the request; for a
     * resource-based policy, {@code grants} (when given) receives how each names the caller.
     */
    void collect(
        PolicyDocument document,
        PolicyType type,
        Effect effect,
        List<Decision.MatchedStatement> out,
        Set<Grant> grants) {
      collect(document, 0, type, effect, out, grants);
    }

    void collect(
        List<PolicyDocument> documents,
        PolicyType type,
        Effect effect,
        List<Decision.MatchedStatement> out,
        Set<Grant> grants) {
      for (int p = 0; p < documents.size(); p++) {
        collect(documents.get(p), p, type, effect, out, grants);
      }
    }

    private void collect(
        PolicyDocument document,
        int p,
        PolicyType type,
        Effect effect,
        List<Decision.MatchedStatement> out,
        Set<Grant> grants) {
      for (Statement statement : document.statements()) {
        if (statement.effect() != effect
            || !statement.appliesToAction(request)
            || !statement.appliesToResource(request)
            || (type.namesPrincipals() && !namesCaller(statement, effect))
            || !statement.conditionsHold(request.context())) {
          continue;
        }
        out.add(new Decision.MatchedStatement(type, p, statement.index(), statement.sid()));
        if (grants != null) {
          grantOf(statement, request.principal()).ifPresent(grants::add);
        }
      }
    }

    private boolean namesCaller(Statement statement, Effect effect) {
      if (statement.principal().isEmpty() && statement.notPrincipal().isEmpty()) {
        return false;
      }
      if (effect == Effect.DENY && statement.notPrincipal().isPresent() && hasBoundary) {
        // AWS: a Deny with NotPrincipal always denies a principal that has a permissions
        // boundary, whatever the NotPrincipal lists.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
        return true;
      }
      return statement.appliesToPrincipal(request.principal());
    }
  }

  /** How a matching resource-policy statement names the caller. */
  private static Optional<Grant> grantOf(Statement statement, Principal principal) {
    if (statement.notPrincipal().isPresent()
        || statement.principal().map(PrincipalSet::everybody).orElse(false)) {
      return Optional.of(Grant.EVERYBODY);
    }
    PrincipalSet named = statement.principal().orElse(PrincipalSet.EVERYBODY);
    Grant strongest = null;
    for (var entry : named.byType().entrySet()) {
      boolean aws = entry.getKey().equals("AWS");
      for (String value : entry.getValue()) {
        Grant how;
        if (aws && value.equals("*")) {
          how = Grant.EVERYBODY;
        } else if (value.equals(principal.arn())
            || (!aws && principal.arn().equalsIgnoreCase(value))) {
          how = Grant.EXACT;
        } else if (!aws) {
          continue;
        } else if (principal.roleOfSession().isPresent()
            && value.contains(":role/")
            && principal.isNamedBy(value)) {
          how = Grant.ROLE_OF_SESSION;
        } else if (principal.isNamedBy(value)) {
          how = Grant.ACCOUNT;
        } else {
          continue;
        }
        if (strongest == null || how.compareTo(strongest) > 0) {
          strongest = how;
        }
      }
    }
    return Optional.ofNullable(strongest);
  }
}
