package dev.warden.iam;

import dev.warden.inventory.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a policy, compiled for evaluation.
 *
 * @param index its position in the policy, from 0
 * @param principal the {@code Principal} element, for resource-based policies
 * @param notPrincipal the {@code NotPrincipal} element
 * @param notAction true when {@code actions} are the {@code NotAction} list
 * @param resources the {@code Resource} (or {@code NotResource}) patterns; empty with {@code
 *     hasResource} false when the statement has neither (trust policies)
 */
public record Statement(
    int index,
    Optional<String> sid,
    Effect effect,
    Optional<PrincipalSet> principal,
    Optional<PrincipalSet> notPrincipal,
    List<ActionPattern> actions,
    boolean notAction,
    List<PolicyText> resources,
    boolean notResource,
    boolean hasResource,
    List<Condition> conditions,
    SourceLocation at) {

  public Statement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
  }

  /** Whether the statement's Action (or NotAction) covers the action, given in lower case. */
  public boolean appliesToAction(String lowerService, String lowerName) {
    boolean listed = false;
    for (ActionPattern pattern : actions) {
      if (pattern.matches(lowerService, lowerName)) {
        listed = true;
        break;
      }
    }
    return listed != notAction;
  }

  /** Whether the statement's Resource (or NotResource) covers the resource. */
  public boolean appliesToResource(String resource, RequestContext context) {
    if (!hasResource) {
      return true;
    }
    boolean listed = false;
    for (PolicyText pattern : resources) {
      ResourceMatcher.Match match = ResourceMatcher.match(pattern, resource, context);
      if (match == ResourceMatcher.Match.MATCH) {
        listed = true;
        break;
      }
      if (match == ResourceMatcher.Match.UNRESOLVED && notResource) {
        // A NotResource entry that cannot be decided does not prove the resource outside it.
        return false;
      }
    }
    return listed != notResource;
  }

  /** Whether the statement's Principal (or NotPrincipal) names the principal. */
  public boolean appliesToPrincipal(Principal who) {
    if (principal.isPresent()) {
      return principal.get().contains(who);
    }
    if (notPrincipal.isPresent()) {
      return !notPrincipal.get().contains(who);
    }
    return false;
  }

  public boolean conditionsHold(RequestContext context) {
    for (Condition condition : conditions) {
      if (!condition.holds(context)) {
        return false;
      }
    }
    return true;
  }
}
