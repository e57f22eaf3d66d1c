package dev.warden.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which resources of its app a function may reach: those an Allow statement of its role names (with
 * an action of the resource's service), and those its environment points it at. A first, generous
 * reading for the inventory; the IAM engine decides exactly what is allowed.
 */
public final class Reachability {

  /** A resource a function may reach, and how Warden knows. */
  public record Reach(String logicalId, String type, SymbolicText arn, List<String> via) {
    public Reach {
      via = List.copyOf(new TreeSet<>(via));
    }
  }

  private Reachability() {}

  public static List<Reach> of(ServerlessFunction function, App app) {
    Map<String, Set<String>> via = new LinkedHashMap<>();
    List<Target> targets = targets(function, app);
    List<Grant> grants = grants(function.role());
    for (Target target : targets) {
      for (Grant grant : grants) {
        if (grant.covers(target)) {
          via.computeIfAbsent(target.logicalId, k -> new TreeSet<>()).add("policy");
          break;
        }
      }
      for (EnvironmentVariable variable : function.environment()) {
        if (mentions(variable.value(), target)) {
          via.computeIfAbsent(target.logicalId, k -> new TreeSet<>()).add("environment");
          break;
        }
      }
    }
    List<Reach> reaches = new ArrayList<>();
    for (Target target : targets) {
      Set<String> how = via.get(target.logicalId);
      if (how != null) {
        reaches.add(new Reach(target.logicalId, target.type, target.arn, List.copyOf(how)));
      }
    }
    return reaches;
  }

  private record Target(
      String logicalId, String type, SymbolicText name, SymbolicText arn, String service) {}

  private static List<Target> targets(ServerlessFunction function, App app) {
    List<Target> targets = new ArrayList<>();
    for (Resource resource : app.resources()) {
      targets.add(
          new Target(
              resource.logicalId(),
              resource.type(),
              resource.name(),
              resource.arn(),
              serviceOf(resource.arn())));
    }
    for (ServerlessFunction other : app.functions()) {
      if (!other.id().equals(function.id())) {
        SymbolicText arn =
            SymbolicText.concat(
                List.of(
                    SymbolicText.of("arn:aws:lambda:"),
                    SymbolicText.symbol("AWS::Region"),
                    SymbolicText.of(":"),
                    SymbolicText.symbol("AWS::AccountId"),
                    SymbolicText.of(":function:"),
                    other.name()));
        targets.add(
            new Target(other.logicalId(), "AWS::Lambda::Function", other.name(), arn, "lambda"));
      }
    }
    return targets;
  }

  private static boolean mentions(SymbolicText value, Target target) {
    for (String symbol : value.symbols()) {
      if (symbol.equals(target.logicalId) || symbol.startsWith(target.logicalId + ".")) {
        return true;
      }
    }
    String text = value.toString();
    return !text.isEmpty()
        && (text.equals(target.name.toString()) || text.equals(target.arn.toString()));
  }

  static String serviceOf(SymbolicText arn) {
    List<SymbolicText> parts = arn.split(":");
    return parts.size() > 2 ? parts.get(2).toString().toLowerCase(Locale.ROOT) : "";
  }

  /** One Allow statement, reduced to the services its actions touch and its resource patterns. */
  private record Grant(
      Set<String> services, boolean anyService, List<SymbolicText> resources, boolean anyResource) {
    boolean covers(Target target) {
      if (!anyService && !services.contains(target.service)) {
        return false;
      }
      if (anyResource) {
        return true;
      }
      for (SymbolicText pattern : resources) {
        if (ArnPattern.mayMatch(pattern, target.arn)
            || ArnPattern.mayMatchWithin(pattern, target.arn)) {
          return true;
        }
      }
      return false;
    }
  }

  private static List<Grant> grants(ExecutionRole role) {
    List<Grant> grants = new ArrayList<>();
    for (Policy policy : role.policies()) {
      Optional<Value.Obj> document = policy.document().asObj();
      if (document.isEmpty()) {
        continue;
      }
      for (Value statement : document.get().list("Statement")) {
        statement.asObj().flatMap(Reachability::grant).ifPresent(grants::add);
      }
    }
    return grants;
  }

  private static Optional<Grant> grant(Value.Obj statement) {
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
    List<SymbolicText> resources = new ArrayList<>();
    for (Value resource : statement.list("Resource")) {
      Optional<SymbolicText> text = resource.asText();
      if (text.isPresent()) {
        if (text.get().toString().equals("*")) {
          anyResource = true;
        }
        resources.add(text.get());
      }
    }
    return Optional.of(new Grant(services, anyService, resources, anyResource));
  }
}
