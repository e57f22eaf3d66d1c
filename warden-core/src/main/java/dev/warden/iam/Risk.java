package dev.warden.iam;

import java.util.List;

/**
 * One thing an attacker can do with a permission set, and exactly what enables it.
 *
 * @param method the escalation method, or what the risk is about (the kind of data, the service)
 * @param actions the granted actions that make it possible
 * @param resources the resources they are granted on
 * @param conditional true when a condition of a granting statement may stand in the way
 * @param statements the statements that grant them
 */
public record Risk(
    RiskType type,
    String method,
    List<String> actions,
    List<String> resources,
    boolean conditional,
    List<EffectivePermissions.StatementRef> statements) {

  public Risk {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    statements = List.copyOf(statements);
  }
}
