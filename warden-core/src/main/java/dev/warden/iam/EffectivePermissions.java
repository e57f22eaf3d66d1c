package dev.warden.iam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a principal's identity policies (bounded by its permissions boundary) let it do: every
 * catalog action they allow, wildcards and NotAction resolved, with the resources, whether
 * conditions stand in the way, and the statements that grant it. Conditions on keys the caller does
 * not know are assumed to hold, so that nothing an attacker could satisfy is missed; the grant is
 * then marked conditional.
 */
public final class EffectivePermissions {

  private static final java.util.regex.Pattern TEMPLATE_VALUE =
      java.util.regex.Pattern.compile("\\$\\{[^}]*}");

  private final IamCatalog catalog;
  private final List<PolicyDocument> identity;
  private final Optional<PolicyDocument> boundary;
  private final List<PolicyDocument> denying;
  private final Map<String, Boolean> fits = new HashMap<>();
  private final Map<Statement, List<String>> patternCache = new HashMap<>();

  public EffectivePermissions(
      IamCatalog catalog, List<PolicyDocument> identity, Optional<PolicyDocument> boundary) {
    this.catalog = catalog;
    this.identity = List.copyOf(identity);
    this.boundary = boundary;
    List<PolicyDocument> deniers = new ArrayList<>(identity);
    boundary.ifPresent(deniers::add);
    this.denying = List.copyOf(deniers);
  }

  /** A statement that grants or denies, with the policy it is in. */
  public record StatementRef(PolicyType policyType, int policyIndex, Statement statement) {}

  /**
   * What the policies allow for one action.
   *
   * @param resources the Resource patterns it is allowed on ({@code *} for any)
   * @param allExcept the patterns of an Allow with NotResource: allowed on all but these
   * @param deniedResources what a Deny takes back from the grant, when not all of it
   * @param conditional true when a granting statement has conditions that may not hold
   */
  public record ActionGrant(
      String action,
      Optional<AccessLevel> accessLevel,
      List<String> resources,
      List<String> allExcept,
      List<String> deniedResources,
      boolean conditional,
      List<StatementRef> statements) {

    public ActionGrant {
      resources = List.copyOf(resources);
      allExcept = List.copyOf(allExcept);
      deniedResources = List.copyOf(deniedResources);
      statements = List.copyOf(statements);
    }

    /** True when the grant covers every resource of the action, unconditionally. */
    public boolean onAnyResource() {
      return resources.contains("*") && deniedResources.isEmpty();
    }

    public String service() {
      return action.substring(0, action.indexOf(':'));
    }

    /**
     * False when the grant certainly does not cover {@code resource} (an ARN pattern whose template
     * values, {@code ${...}}, stand for anything): none of its patterns can name it, or a Deny or
     * NotResource takes all of it back. True when it may. {@code rewrite} is applied to every
     * pattern first (to write template values the same way on both sides).
     */
    public boolean mayCover(String resource, UnaryOperator<String> rewrite) {
      String wanted = anyValue(rewrite.apply(resource));
      for (String taken : deniedResources) {
        if (Wildcard.matches(anyValue(rewrite.apply(taken)), wanted)) {
          return false;
        }
      }
      for (String pattern : resources) {
        if (GlobIntersection.arnsIntersect(anyValue(rewrite.apply(pattern)), wanted)) {
          return true;
        }
      }
      if (allExcept.isEmpty()) {
        return false;
      }
      return allExcept.stream()
          .noneMatch(except -> Wildcard.matches(anyValue(rewrite.apply(except)), wanted));
    }

    private static String anyValue(String pattern) {
      return TEMPLATE_VALUE.matcher(pattern).replaceAll("*");
    }
  }

  /** Every catalog action the policies allow, by service, access level and name. */
  public List<ActionGrant> expand() {
    List<ActionGrant> grants = new ArrayList<>();
    RequestContext none = RequestContext.empty();
    IamCatalog.ActionIndex index = catalog.indexed();
    List<IamAction> actions = index.actions();
    Optional<Set<String>> services = candidateServices(index);
    List<int[]> ranges = new ArrayList<>();
    if (services.isEmpty()) {
      ranges.add(new int[] {0, actions.size()});
    } else {
      services.get().stream().sorted().forEach(service -> ranges.add(index.range(service)));
    }
    for (int[] range : ranges) {
      for (int i = range[0]; i < range[1]; i++) {
        IamAction action = actions.get(i);
        grant(
                action.service(),
                action.name(),
                index.lowerService(i),
                index.lowerName(i),
                Optional.of(action),
                none,
                Set.of())
            .ifPresent(grants::add);
      }
    }
    return byServiceThenLevel(grants);
  }

  /**
   * The services whose actions an Allow statement of the identity policies can match, or empty when
   * that may be any service ({@code *}, {@code NotAction}): only those are expanded, so that a role
   * of a few services costs a few services, not the whole catalog.
   */
  private Optional<Set<String>> candidateServices(IamCatalog.ActionIndex index) {
    Set<String> services = new java.util.HashSet<>();
    for (PolicyDocument policy : identity) {
      for (Statement statement : policy.statements()) {
        if (statement.effect() != Effect.ALLOW) {
          continue;
        }
        if (statement.notAction()) {
          return Optional.empty();
        }
        for (ActionPattern pattern : statement.actions()) {
          if (pattern.isAny()) {
            return Optional.empty();
          }
          if (pattern.service().indexOf('*') >= 0 || pattern.service().indexOf('?') >= 0) {
            for (String service : index.services()) {
              if (Wildcard.matches(pattern.service(), service)) {
                services.add(service);
              }
            }
          } else {
            services.add(pattern.service());
          }
        }
      }
    }
    return Optional.of(services);
  }

  /**
   * The grants, in catalog order already (service, then name), regrouped by access level within
   * each service: one pass, a bucket per level.
   */
  private static List<ActionGrant> byServiceThenLevel(List<ActionGrant> grants) {
    List<ActionGrant> ordered = new ArrayList<>(grants.size());
    List<List<ActionGrant>> buckets = new ArrayList<>();
    for (int i = 0; i <= AccessLevel.values().length; i++) {
      buckets.add(new ArrayList<>());
    }
    String service = null;
    for (ActionGrant grant : grants) {
      String current = grant.service();
      if (!current.equals(service)) {
        drain(buckets, ordered);
        service = current;
      }
      buckets
          .get(grant.accessLevel().map(Enum::ordinal).orElse(AccessLevel.values().length))
          .add(grant);
    }
    drain(buckets, ordered);
    return ordered;
  }

  private static void drain(List<List<ActionGrant>> buckets, List<ActionGrant> into) {
    for (List<ActionGrant> bucket : buckets) {
      into.addAll(bucket);
      bucket.clear();
    }
  }

  /**
   * What the policies allow for an action ({@code iam:PassRole}), catalog or not, given the values
   * of some condition keys: conditions on {@code knownKeys} are evaluated against {@code context},
   * the others are assumed to hold.
   */
  public Optional<ActionGrant> grant(String action, RequestContext context, Set<String> knownKeys) {
    int colon = action.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    Optional<IamAction> known = catalog.action(action);
    String service = known.map(IamAction::service).orElse(action.substring(0, colon));
    String name = known.map(IamAction::name).orElse(action.substring(colon + 1));
    Set<String> lowerKeys = new java.util.HashSet<>();
    knownKeys.forEach(k -> lowerKeys.add(k.toLowerCase(Locale.ROOT)));
    return grant(
        service,
        name,
        service.toLowerCase(Locale.ROOT),
        name.toLowerCase(Locale.ROOT),
        known,
        context,
        lowerKeys);
  }

  private Optional<ActionGrant> grant(
      String service,
      String name,
      String lowerService,
      String lowerName,
      Optional<IamAction> action,
      RequestContext context,
      Set<String> knownKeys) {
    Set<String> resources = null;
    Set<String> allExcept = null;
    List<StatementRef> granting = null;
    boolean conditional = false;
    for (int p = 0; p < identity.size(); p++) {
      for (Statement statement : identity.get(p).statements()) {
        if (statement.effect() != Effect.ALLOW
            || !statement.appliesToAction(lowerService, lowerName)) {
          continue;
        }
        Tri conditions = conditions(statement, context, knownKeys);
        if (conditions == Tri.FALSE) {
          continue;
        }
        List<String> patterns = patterns(statement);
        if (statement.notResource()) {
          if (allExcept == null) {
            allExcept = new LinkedHashSet<>();
          }
          allExcept.addAll(patterns);
        } else {
          boolean usable = false;
          for (String pattern : patterns) {
            if (fitsAction(pattern, action)) {
              if (resources == null) {
                resources = new LinkedHashSet<>();
              }
              resources.add(pattern);
              usable = true;
            }
          }
          if (!usable) {
            continue;
          }
        }
        conditional |= conditions == Tri.UNKNOWN;
        if (granting == null) {
          granting = new ArrayList<>(2);
        }
        granting.add(new StatementRef(PolicyType.IDENTITY, p, statement));
      }
    }
    if (granting == null) {
      return Optional.empty();
    }
    if (resources == null) {
      resources = new LinkedHashSet<>();
    }
    if (allExcept == null) {
      allExcept = Set.of();
    }
    if (!allExcept.isEmpty() && resources.isEmpty()) {
      resources.add("*");
    }
    if (boundary.isPresent()) {
      Tri bounded = Tri.FALSE;
      for (Statement statement : boundary.get().statements()) {
        if (statement.effect() == Effect.ALLOW
            && statement.appliesToAction(lowerService, lowerName)) {
          Tri conditions = conditions(statement, context, knownKeys);
          if (conditions == Tri.TRUE) {
            bounded = Tri.TRUE;
          } else if (conditions == Tri.UNKNOWN && bounded == Tri.FALSE) {
            bounded = Tri.UNKNOWN;
          }
        }
      }
      if (bounded == Tri.FALSE) {
        return Optional.empty();
      }
      conditional |= bounded == Tri.UNKNOWN;
    }
    List<String> denied = new ArrayList<>();
    for (PolicyDocument document : denying) {
      for (Statement statement : document.statements()) {
        if (statement.effect() != Effect.DENY
            || !statement.appliesToAction(lowerService, lowerName)) {
          continue;
        }
        Tri conditions = conditions(statement, context, knownKeys);
        if (conditions == Tri.FALSE) {
          continue;
        }
        List<String> patterns = patterns(statement);
        if (conditions == Tri.TRUE && !statement.notResource() && patterns.contains("*")) {
          return Optional.empty();
        }
        for (String pattern : patterns) {
          denied.add(statement.notResource() ? "all but " + pattern : pattern);
        }
        conditional |= conditions == Tri.UNKNOWN;
      }
    }
    return Optional.of(
        new ActionGrant(
            service + ":" + name,
            action.map(IamAction::accessLevel),
            List.copyOf(resources),
            List.copyOf(allExcept),
            denied,
            conditional,
            granting));
  }

  private enum Tri {
    TRUE,
    FALSE,
    UNKNOWN
  }

  private static Tri conditions(Statement statement, RequestContext context, Set<String> known) {
    Tri result = Tri.TRUE;
    for (Condition condition : statement.conditions()) {
      if (!known.contains(condition.key().toLowerCase(Locale.ROOT))) {
        result = Tri.UNKNOWN;
      } else if (!condition.holds(context)) {
        return Tri.FALSE;
      }
    }
    return result;
  }

  private List<String> patterns(Statement statement) {
    return patternCache.computeIfAbsent(
        statement,
        s -> {
          if (!s.hasResource()) {
            return List.of("*");
          }
          List<String> texts = new ArrayList<>();
          for (PolicyText resource : s.resources()) {
            texts.add(resource.text());
          }
          return List.copyOf(texts);
        });
  }

  /**
   * True when a Resource pattern can name a resource the action takes: {@code *} always; for an
   * action that takes only {@code *}, nothing else; otherwise a pattern that can be one of the ARN
   * formats of its resource types.
   */
  private boolean fitsAction(String pattern, Optional<IamAction> action) {
    if (pattern.equals("*") || action.isEmpty()) {
      return true;
    }
    IamAction known = action.get();
    if (known.isWildcardOnly()) {
      return false;
    }
    String key = known.service() + ':' + known.name() + ' ' + pattern;
    Boolean cached = fits.get(key);
    if (cached != null) {
      return cached;
    }
    boolean result = false;
    Optional<IamService> service = catalog.service(known.service());
    for (IamAction.ActionResource accepted : known.resourceTypes()) {
      Optional<ResourceType> type = service.flatMap(s -> s.resourceType(accepted.name()));
      if (type.isPresent() && GlobIntersection.arnCanBe(pattern, type.get().arnFormat())) {
        result = true;
        break;
      }
    }
    fits.put(key, result);
    return result;
  }
}
