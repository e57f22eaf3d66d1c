package dev.warden.rules;

import dev.warden.inventory.App;
import java.util.List;

/** A rule about an app as a whole: what its functions share, its resources. */
public non-sealed interface AppRule extends Rule {

  List<Finding> check(App app, RuleContext context);
}
