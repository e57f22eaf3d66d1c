package dev.warden.rules;

import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import java.util.List;
import java.util.Set;

/** A rule about one function: its triggers, role, configuration, code. */
public non-sealed interface FunctionRule extends Rule {

  /** The findings about the function, in any order. */
  List<Finding> check(ServerlessFunction function, App app, RuleContext context);

  /**
   * The clouds whose functions the rule checks: AWS unless the rule overrides it (a rule about
   * code, dependencies or secrets reads every cloud's functions the same way).
   */
  default Set<Cloud> clouds() {
    return AWS_ONLY;
  }

  /** The clouds of a rule that only knows AWS. */
  Set<Cloud> AWS_ONLY = Set.of(Cloud.AWS);

  /** The clouds of a rule that reads every cloud's functions the same way. */
  Set<Cloud> EVERY_CLOUD = Set.of(Cloud.values());
}
