package dev.warden.rules;

import dev.warden.inventory.App;
import dev.warden.inventory.Resource;
import dev.warden.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of one app by logical id, by type and (for log groups) by name, built once per scan
 * so that no rule walks every resource for every function.
 */
public final class AppIndex {

  private final Map<String, Resource> byLogicalId = new HashMap<>();
  private final Map<String, List<Resource>> byType = new HashMap<>();
  private final Map<String, Resource> logGroupsByName = new HashMap<>();

  AppIndex(App app) {
    for (Resource resource : app.resources()) {
      byLogicalId.putIfAbsent(resource.logicalId(), resource);
      byType.computeIfAbsent(resource.type(), k -> new ArrayList<>()).add(resource);
      if (resource.kind() == ResourceKind.LOG_GROUP) {
        logGroupsByName.putIfAbsent(resource.name().toString(), resource);
        logGroupsByName.putIfAbsent(resource.arn().toString(), resource);
      }
    }
  }

  public Optional<Resource> resource(String logicalId) {
    return Optional.ofNullable(byLogicalId.get(logicalId));
  }

  public List<Resource> ofType(String type) {
    return byType.getOrDefault(type, List.of());
  }

  /** The log group declared in the app with this name (or ARN), written as it is in reports. */
  public Optional<Resource> logGroup(String name) {
    return Optional.ofNullable(logGroupsByName.get(name));
  }
}
