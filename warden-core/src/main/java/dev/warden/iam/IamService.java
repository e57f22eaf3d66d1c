package dev.warden.iam;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One AWS service of the catalog: its actions, resource types and condition keys. */
public final class IamService {
  private final String prefix;
  private final String name;
  private final Map<String, IamAction> actions;
  private final Map<String, ResourceType> resourceTypes;
  private final Map<String, ConditionKeyType> conditionKeys;

  IamService(
      String prefix,
      String name,
      Map<String, IamAction> actionsByLowerName,
      Map<String, ResourceType> resourceTypes,
      Map<String, ConditionKeyType> conditionKeysByLowerName) {
    this.prefix = prefix;
    this.name = name;
    this.actions = actionsByLowerName;
    this.resourceTypes = resourceTypes;
    this.conditionKeys = conditionKeysByLowerName;
  }

  public String prefix() {
    return prefix;
  }

  public String name() {
    return name;
  }

  /** The action, looked up without regard to case. */
  public Optional<IamAction> action(String actionName) {
    return Optional.ofNullable(actions.get(actionName.toLowerCase(Locale.ROOT)));
  }

  public Collection<IamAction> actions() {
    return actions.values();
  }

  public Optional<ResourceType> resourceType(String typeName) {
    return Optional.ofNullable(resourceTypes.get(typeName));
  }

  public Collection<ResourceType> resourceTypes() {
    return resourceTypes.values();
  }

  /**
   * Condition keys by lower-case name, including templated ones ({@code
   * s3:RequestObjectTag/${TagKey}}).
   */
  Map<String, ConditionKeyType> conditionKeys() {
    return conditionKeys;
  }
}
