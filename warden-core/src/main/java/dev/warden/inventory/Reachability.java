package dev.warden.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which resources of its app a function may reach: those an Allow statement of its role names (with
 * an action of the resource's service), and those its environment points it at. A first, generous
 * reading for the inventory; the IAM engine decides exactly what is allowed.
 *
 * <p>Built once per app: the resources are compiled and indexed by service and by the known prefix
 * of their resource part, so a statement naming a resource finds it without trying every resource
 * of the service; only statements on {@code *} (whose reach is every resource of their services)
 * cost the size of the service.
 */
public final class Reachability {

  /**
   * A resource a function may reach, and how Warden knows: {@link #ENVIRONMENT}, {@link
   * #NAMING_POLICY}, {@link #ANY_RESOURCE_POLICY}.
   */
  public record Reach(String logicalId, String type, SymbolicText arn, List<String> via) {
    public Reach {
      via = List.copyOf(new TreeSet<>(via));
    }
  }

  /** Reached because a statement of the role names the resource (its ARN or a pattern of it). */
  public static final String NAMING_POLICY = "policy";

  /** Reached only because a statement allows a service's actions on every resource. */
  public static final String ANY_RESOURCE_POLICY = "policy-any-resource";

  /** Reached because an environment variable holds the resource's name or ARN. */
  public static final String ENVIRONMENT = "environment";

  /** A resource compiled for matching: its ARN as tokens, alone and with anything inside it. */
  private static final class Target {
    final String logicalId;
    final String type;
    final String name;
    final String arn;
    final SymbolicText arnText;
    final int[] exact;
    final int[] within;
    final String service;

    Target(
        String logicalId,
        String type,
        String name,
        String arn,
        SymbolicText arnText,
        int[] exact,
        int[] within) {
      this.logicalId = logicalId;
      this.type = type;
      this.name = name;
      this.arn = arn;
      this.arnText = arnText;
      this.exact = exact;
      this.within = within;
      this.service = serviceOf(arnText);
    }
  }

  private final ArnPattern.Compiler compiler = new ArnPattern.Compiler();
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, List<Target>> byService = new HashMap<>();
  private final Map<String, Target> byLogicalId = new HashMap<>();
  private final Map<String, Integer> orderOf = new HashMap<>();
  private final Map<String, List<Reach>> named = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Target> byNameOrArn = new HashMap<>();
  private final Map<String, TreeMap<String, List<Target>>> byServiceKey = new HashMap<>();

  private Reachability(App app) {
    for (Resource resource : app.resources()) {
      add(resource.logicalId(), resource.type(), resource.name(), resource.arn());
    }
    for (ServerlessFunction function : app.functions()) {
      SymbolicText arn =
          SymbolicText.concat(
              List.of(
                  SymbolicText.of("arn:aws:lambda:"),
                  SymbolicText.symbol("AWS::Region"),
                  SymbolicText.of(":"),
                  SymbolicText.symbol("AWS::AccountId"),
                  SymbolicText.of(":function:"),
                  function.name()));
      add(function.logicalId(), "AWS::Lambda::Function", function.name(), arn);
    }
    for (Target target : targets) {
      byServiceKey
          .computeIfAbsent(serviceOf(target.arnText), k -> new TreeMap<>())
          .computeIfAbsent(key(target.arnText), k -> new ArrayList<>())
          .add(target);
    }
  }

  /**
   * The part of an ARN's resource (after its fifth colon) that is known text: literal characters
   * and symbols of resources declared in the app (a declared resource's name is its own, so {@code
   * table/${Orders}} and {@code table/${Invoices}} never meet), up to the first wildcard, policy
   * variable or other symbol (a parameter, the account). A pattern can only match targets whose key
   * is a prefix of its own or starts with it: that is how a role's statements find their resources
   * without trying every resource of the service.
   */
  private String key(SymbolicText arn) {
    StringBuilder key = new StringBuilder();
    int colons = 0;
    for (SymbolicText.Part part : arn.parts()) {
      if (part instanceof SymbolicText.Symbol symbol) {
        if (colons < 5) {
          continue;
        }
        String name = symbol.name();
        int dot = name.indexOf('.');
        if (!byLogicalId.containsKey(dot < 0 ? name : name.substring(0, dot))) {
          return key.toString();
        }
        key.append("${").append(name).append('}');
        continue;
      }
      String literal = ((SymbolicText.Literal) part).text();
      for (int i = 0; i < literal.length(); i++) {
        char c = literal.charAt(i);
        if (colons < 5) {
          colons += c == ':' ? 1 : 0;
          continue;
        }
        if (c == '*'
            || c == '?'
            || (c == '$' && i + 1 < literal.length() && literal.charAt(i + 1) == '{')) {
          return key.toString();
        }
        key.append(c);
      }
    }
    return key.toString();
  }

  /** The targets of a service that a pattern with this key may match. */
  private List<Target> candidates(String service, String patternKey) {
    TreeMap<String, List<Target>> keyed = byServiceKey.get(service);
    if (keyed == null) {
      return List.of();
    }
    List<Target> found = new ArrayList<>();
    for (int end = 0; end < patternKey.length(); end++) {
      List<Target> shorter = keyed.get(patternKey.substring(0, end));
      if (shorter != null) {
        found.addAll(shorter);
      }
    }
    for (List<Target> longer :
        keyed.subMap(patternKey, true, patternKey + Character.MAX_VALUE, false).values()) {
      found.addAll(longer);
    }
    return found;
  }

  /** The reach of the functions of one app. */
  public static Reachability of(App app) {
    return new Reachability(app);
  }

  private void add(String logicalId, String type, SymbolicText name, SymbolicText arn) {
    Target target =
        new Target(
            logicalId,
            type,
            name.toString(),
            arn.toString(),
            arn,
            compiler.arn(arn),
            compiler.within(arn));
    orderOf.putIfAbsent(logicalId, targets.size());
    targets.add(target);
    byService.computeIfAbsent(serviceOf(arn), s -> new ArrayList<>()).add(target);
    byLogicalId.putIfAbsent(logicalId, target);
    if (!target.name.isEmpty()) {
      byNameOrArn.putIfAbsent(target.name, target);
    }
    byNameOrArn.putIfAbsent(target.arn, target);
  }

  /**
   * A function's reach as a report lists it: every resource it reaches, in the order the app
   * declares them, except that of the resources reached only through statements on every resource
   * ({@code dynamodb:*} on {@code *}) only the first {@code limit} are listed and {@code
   * wildcardOnly} counts them all.
   */
  public record Listing(List<Reach> reaches, int wildcardOnly) {
    public Listing {
      reaches = List.copyOf(reaches);
    }
  }

  /** Everything one function of the app may reach, in the order the app declares the resources. */
  public List<Reach> of(ServerlessFunction function) {
    return listing(function, Integer.MAX_VALUE).reaches();
  }

  /**
   * What the function reaches through statements that name resources and through its environment —
   * what it works with; resources reached only by a grant on every resource are left out. Computed
   * once per function.
   */
  public List<Reach> named(ServerlessFunction function) {
    return named.computeIfAbsent(
        function.id(),
        id -> {
          Map<String, Set<String>> via = namedVia(function);
          List<String> reached = new ArrayList<>(via.keySet());
          reached.sort(java.util.Comparator.comparingInt(orderOf::get));
          List<Reach> reaches = new ArrayList<>(reached.size());
          for (String logicalId : reached) {
            Target target = byLogicalId.get(logicalId);
            reaches.add(
                new Reach(
                    target.logicalId,
                    target.type,
                    target.arnText,
                    List.copyOf(via.get(logicalId))));
          }
          return List.copyOf(reaches);
        });
  }

  /**
   * The function's reach with at most {@code limit} resources reached only through grants on every
   * resource. Costs the named reach plus one pass over the resources for a role with such grants,
   * allocating nothing for the resources it does not list.
   */
  public Listing listing(ServerlessFunction function, int limit) {
    List<Reach> named = named(function);
    boolean anyService = false;
    Set<String> wildServices = new HashSet<>();
    for (Grant grant : grants(function.role())) {
      if (grant.anyService) {
        anyService = true;
      } else if (grant.anyResource) {
        wildServices.addAll(grant.services);
      }
    }
    if (!anyService && wildServices.isEmpty()) {
      return new Listing(named, 0);
    }
    Map<String, Reach> namedById = new HashMap<>();
    for (Reach reach : named) {
      namedById.put(reach.logicalId(), reach);
    }
    // How many resources the wildcard grants cover, counted without walking them.
    int covered = 0;
    if (anyService) {
      covered = targets.size();
    } else {
      for (String service : wildServices) {
        covered += byService.getOrDefault(service, List.of()).size();
      }
    }
    Target self = byLogicalId.get(function.logicalId());
    if (self != null && (anyService || wildServices.contains(self.service))) {
      covered--;
    }
    int namedAndCovered = 0;
    for (Reach reach : named) {
      Target target = byLogicalId.get(reach.logicalId());
      if (anyService || wildServices.contains(target.service)) {
        namedAndCovered++;
      }
    }
    int wildcardOnly = covered - namedAndCovered;
    // The first `limit` of them in declaration order: walk until found.
    List<Target> firstWild = new ArrayList<>();
    for (Target target : targets) {
      if (firstWild.size() >= Math.min(limit, wildcardOnly)) {
        break;
      }
      if (target != self
          && (anyService || wildServices.contains(target.service))
          && !namedById.containsKey(target.logicalId)) {
        firstWild.add(target);
      }
    }
    // Merge the named reaches and those, both in declaration order.
    List<Reach> reaches = new ArrayList<>(named.size() + firstWild.size());
    int w = 0;
    for (Reach reach : named) {
      int order = orderOf.get(reach.logicalId());
      while (w < firstWild.size() && orderOf.get(firstWild.get(w).logicalId) < order) {
        reaches.add(wildcardReach(firstWild.get(w++)));
      }
      Target target = byLogicalId.get(reach.logicalId());
      if (anyService || wildServices.contains(target.service)) {
        List<String> how = new ArrayList<>(reach.via());
        how.add(ANY_RESOURCE_POLICY);
        reaches.add(new Reach(reach.logicalId(), reach.type(), reach.arn(), how));
      } else {
        reaches.add(reach);
      }
    }
    while (w < firstWild.size()) {
      reaches.add(wildcardReach(firstWild.get(w++)));
    }
    return new Listing(reaches, wildcardOnly);
  }

  private static Reach wildcardReach(Target target) {
    return new Reach(target.logicalId, target.type, target.arnText, List.of(ANY_RESOURCE_POLICY));
  }

  /** How the function reaches each resource through named grants and its environment. */
  private Map<String, Set<String>> namedVia(ServerlessFunction function) {
    Map<String, Set<String>> via = new HashMap<>();
    for (Grant grant : grants(function.role())) {
      if (grant.anyService || grant.anyResource) {
        continue;
      }
      for (String service : grant.services) {
        for (String key : grant.keys) {
          for (Target target : candidates(service, key)) {
            if (!target.logicalId.equals(function.logicalId()) && grant.covers(target)) {
              via.computeIfAbsent(target.logicalId, k -> new TreeSet<>()).add(NAMING_POLICY);
            }
          }
        }
      }
    }
    for (EnvironmentVariable variable : function.environment()) {
      for (Target target : mentioned(variable.value())) {
        if (!target.logicalId.equals(function.logicalId())) {
          via.computeIfAbsent(target.logicalId, k -> new TreeSet<>()).add(ENVIRONMENT);
        }
      }
    }
    return via;
  }

  /** The resources a value names: by a symbol of their logical id, or by their name or ARN. */
  private List<Target> mentioned(SymbolicText value) {
    List<Target> found = new ArrayList<>(1);
    for (String symbol : value.symbols()) {
      int dot = symbol.indexOf('.');
      Target target = byLogicalId.get(dot < 0 ? symbol : symbol.substring(0, dot));
      if (target != null) {
        found.add(target);
      }
    }
    Target named = value.isEmpty() ? null : byNameOrArn.get(value.toString());
    if (named != null && !found.contains(named)) {
      found.add(named);
    }
    return found;
  }

  static String serviceOf(SymbolicText arn) {
    List<SymbolicText> parts = arn.split(":");
    return parts.size() > 2 ? parts.get(2).toString().toLowerCase(Locale.ROOT) : "";
  }

  /** One Allow statement, reduced to the services its actions touch and its compiled resources. */
  private record Grant(
      Set<String> services,
      boolean anyService,
      List<int[]> resources,
      List<String> keys,
      boolean anyResource) {
    boolean covers(Target target) {
      if (anyResource) {
        return true;
      }
      for (int[] pattern : resources) {
        if (ArnPattern.matches(pattern, target.exact)
            || ArnPattern.matches(pattern, target.within)) {
          return true;
        }
      }
      return false;
    }
  }

  private List<Grant> grants(ExecutionRole role) {
    List<Grant> grants = new ArrayList<>();
    for (Policy policy : role.policies()) {
      Optional<Value.Obj> document = policy.document().asObj();
      if (document.isEmpty()) {
        continue;
      }
      for (Value statement : document.get().list("Statement")) {
        statement.asObj().flatMap(this::grant).ifPresent(grants::add);
      }
    }
    return grants;
  }

  private Optional<Grant> grant(Value.Obj statement) {
    if (!statement.text("Effect").map(e -> e.toString().equalsIgnoreCase("Allow")).orElse(false)) {
      return Optional.empty();
    }
    Set<String> services = new TreeSet<>();
    boolean anyService = statement.has("NotAction");
    for (Value action : statement.list("Action")) {
      String text = action.asText().map(SymbolicText::toString).orElse("");
      int colon = text.indexOf(':');
      if (text.equals("*") || colon < 0) {
        anyService = anyService || text.equals("*");
      } else {
        services.add(text.substring(0, colon).toLowerCase(Locale.ROOT));
      }
    }
    boolean anyResource = statement.has("NotResource");
    List<int[]> resources = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    for (Value resource : statement.list("Resource")) {
      Optional<SymbolicText> text = resource.asText();
      if (text.isPresent()) {
        anyResource = anyResource || text.get().toString().equals("*");
        resources.add(compiler.pattern(text.get()));
        keys.add(key(text.get()));
      }
    }
    return Optional.of(new Grant(services, anyService, resources, List.copyOf(keys), anyResource));
  }
}
