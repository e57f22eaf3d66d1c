package dev.warden.rules;

import dev.warden.inventory.App;
import dev.warden.inventory.ServerlessFunction;
import java.util.List;

/** A rule about one function: its triggers, role, configuration, code. */
public non-sealed interface FunctionRule extends Rule {

  /** The findings about the function, in any order. */
  List<Finding> check(ServerlessFunction function, App app, RuleContext context);
}
