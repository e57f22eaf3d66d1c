package dev.warden.leastpriv;

import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SymbolicText;
import dev.warden.logs.EventResources;
import dev.warden.logs.PermissionUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the audit logs show a function using ({@code --trail}), as needs: each (action, resource)
 * pair its sessions used from inside Lambda, with the count and the time span as evidence. Object
 * ARNs become their bucket's {@code /*} (objects are countless); calls that need no permission
 * ({@code sts:GetCallerIdentity}) are left out. An action the code already needs keeps the code's
 * resource and gains the logs' evidence; the others are added on the resource the logs show.
 */
final class ObservedNeeds {

  private ObservedNeeds() {}

  /** The code's needs and the logs' merged. */
  static List<Need> merge(List<Need> fromCode, ServerlessFunction function, PermissionUsage logs) {
    String name = function.name().concrete().orElse("");
    Map<String, PermissionUsage.Use> uses = logs.usesOfFunction(name, function.logicalId());
    Map<String, List<String>> byAction = new LinkedHashMap<>();
    Map<String, Set<String>> resources = new LinkedHashMap<>();
    for (Map.Entry<String, PermissionUsage.Use> entry : uses.entrySet()) {
      String[] pair = entry.getKey().split("\t", 2);
      String action = pair[0];
      if (!action.contains(":") || action.equalsIgnoreCase("sts:GetCallerIdentity")) {
        continue;
      }
      PermissionUsage.Use use = entry.getValue();
      byAction
          .computeIfAbsent(action, a -> new ArrayList<>())
          .add(
              "logs:"
                  + use.count()
                  + (use.count() == 1 ? " call " : " calls ")
                  + Instant.ofEpochMilli(use.first())
                  + ".."
                  + Instant.ofEpochMilli(use.last()));
      resources.computeIfAbsent(action, a -> new TreeSet<>()).add(generalise(pair[1]));
    }
    List<Need> merged = new ArrayList<>();
    Set<String> covered = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Need need : fromCode) {
      List<String> seen = byAction.get(need.action());
      if (seen == null) {
        merged.add(need);
        continue;
      }
      covered.add(need.action());
      List<String> evidence = new ArrayList<>(need.evidence());
      evidence.addAll(seen);
      merged.add(new Need(need.action(), need.resource(), evidence, need.scoped()));
    }
    byAction.forEach(
        (action, evidence) -> {
          if (covered.contains(action)) {
            return;
          }
          for (String resource : resources.get(action)) {
            merged.add(
                new Need(action, SymbolicText.of(resource), evidence, !resource.equals("*")));
          }
        });
    return merged;
  }

  private static String generalise(String resource) {
    return resource.isEmpty() || resource.equals("-")
        ? "*"
        : EventResources.objectsAsPrefix(resource); // usage keeps objects so already
  }
}
