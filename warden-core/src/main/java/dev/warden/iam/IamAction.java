package dev.warden.iam;

import java.util.List;

/**
 * One action of the catalog.
 *
 * @param resourceTypes the resource types it accepts; empty when it takes only {@code "*"}
 * @param conditionKeys the service condition keys that apply to it (the action's own and its
 *     resource types'); global {@code aws:} keys apply to every action
 */
public record IamAction(
    String service,
    String name,
    AccessLevel accessLevel,
    List<ActionResource> resourceTypes,
    List<String> conditionKeys) {

  /** A resource type the action accepts, and whether AWS marks it required. */
  public record ActionResource(String name, boolean required) {}

  public IamAction {
    resourceTypes = List.copyOf(resourceTypes);
    conditionKeys = List.copyOf(conditionKeys);
  }

  /** {@code s3:GetObject} */
  public String fullName() {
    return service + ":" + name;
  }

  /** True when the action only works on {@code "*"} (no resource type to scope it to). */
  public boolean isWildcardOnly() {
    return resourceTypes.isEmpty();
  }
}
