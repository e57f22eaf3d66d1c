package dev.warden.iam;

import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One statement of a policy, compiled for evaluation. */
public final class Statement {

  private final int index;
  private final Optional<String> sid;
  private final Effect effect;
  private final Optional<PrincipalSet> principal;
  private final Optional<PrincipalSet> notPrincipal;
  private final List<ActionPattern> actions;
  private final boolean notAction;
  private final List<PolicyText> resources;
  private final boolean notResource;
  private final boolean hasResource;
  private final List<Condition> conditions;
  private final SourceLocation at;

  /** The literal actions ({@code service:name}, lower case) for a lookup by hash. */
  private final Set<String> exactActions;

  /** The actions with wildcards, matched one by one. */
  private final List<ActionPattern> wildcardActions;

  public Statement(
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
    this.index = index;
    this.sid = sid;
    this.effect = effect;
    this.principal = principal;
    this.notPrincipal = notPrincipal;
    this.actions = List.copyOf(actions);
    this.notAction = notAction;
    this.resources = List.copyOf(resources);
    this.notResource = notResource;
    this.hasResource = hasResource;
    this.conditions = List.copyOf(conditions);
    this.at = at;
    Set<String> exact = new HashSet<>();
    List<ActionPattern> wild = new ArrayList<>();
    for (ActionPattern pattern : this.actions) {
      if (pattern.isAny() || Wildcard.hasWildcard(pattern.text())) {
        wild.add(pattern);
      } else {
        exact.add(pattern.service() + ':' + pattern.name());
      }
    }
    this.exactActions = exact;
    this.wildcardActions = List.copyOf(wild);
  }

  /** Its position in the policy, from 0. */
  public int index() {
    return index;
  }

  public Optional<String> sid() {
    return sid;
  }

  public Effect effect() {
    return effect;
  }

  /** The {@code Principal} element, for resource-based policies. */
  public Optional<PrincipalSet> principal() {
    return principal;
  }

  public Optional<PrincipalSet> notPrincipal() {
    return notPrincipal;
  }

  public List<ActionPattern> actions() {
    return actions;
  }

  /** True when {@link #actions()} are the {@code NotAction} list. */
  public boolean notAction() {
    return notAction;
  }

  /**
   * The {@code Resource} (or {@code NotResource}) patterns; empty with {@link #hasResource()} false
   * when the statement has neither (trust policies).
   */
  public List<PolicyText> resources() {
    return resources;
  }

  public boolean notResource() {
    return notResource;
  }

  public boolean hasResource() {
    return hasResource;
  }

  public List<Condition> conditions() {
    return conditions;
  }

  public SourceLocation at() {
    return at;
  }

  /** Whether the statement's Action (or NotAction) covers the request's action. */
  public boolean appliesToAction(Request request) {
    boolean listed = exactActions.contains(request.lowerAction());
    if (!listed) {
      String service = request.lowerService();
      String name = request.lowerName();
      for (ActionPattern pattern : wildcardActions) {
        if (pattern.matches(service, name)) {
          listed = true;
          break;
        }
      }
    }
    return listed != notAction;
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

  /** Whether the statement's Resource (or NotResource) covers the request's resource. */
  public boolean appliesToResource(Request request) {
    if (!hasResource) {
      return true;
    }
    boolean listed = false;
    for (PolicyText pattern : resources) {
      ResourceMatcher.Match match = ResourceMatcher.match(pattern, request);
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

  @Override
  public String toString() {
    return "Statement " + index + sid.map(v -> " (" + v + ")").orElse("") + " at " + at;
  }
}
