package dev.warden.rules;

import dev.warden.inventory.Api;
import dev.warden.inventory.App;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs every rule of a catalog over an inventory: app rules on each app, API rules on each API,
 * function rules on each function, functions in parallel. Each rule sees each target once, so the
 * cost is linear in the number of targets times the number of rules.
 */
public final class RuleEngine {

  private final List<FunctionRule> functionRules;
  private final List<ApiRule> apiRules;
  private final List<AppRule> appRules;

  public RuleEngine(RuleCatalog catalog) {
    this.functionRules = catalog.ofKind(FunctionRule.class);
    this.apiRules = catalog.ofKind(ApiRule.class);
    this.appRules = catalog.ofKind(AppRule.class);
  }

  /** Every finding of every rule, in no particular order. */
  public List<Finding> run(Inventory inventory, Clock clock) {
    return run(inventory, new RuleContext(inventory, clock));
  }

  /** Every finding of every rule, sharing {@code context} with the analyses that follow. */
  public List<Finding> run(Inventory inventory, RuleContext context) {
    return run(inventory, context, () -> {});
  }

  /**
   * Every finding of every rule; {@code checked} hears of each function as its rules are done (from
   * several threads), for a progress bar.
   */
  public List<Finding> run(Inventory inventory, RuleContext context, Runnable checked) {
    ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
    for (App app : inventory.apps()) {
      for (AppRule rule : appRules) {
        findings.addAll(rule.check(app, context));
      }
      for (Api api : app.apis()) {
        for (ApiRule rule : apiRules) {
          findings.addAll(rule.check(api, app, context));
        }
      }
      app.functions().parallelStream()
          .forEach(
              fn -> {
                findings.addAll(check(fn, app, context));
                checked.run();
              });
    }
    return new ArrayList<>(findings);
  }

  private List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> found = new ArrayList<>();
    for (FunctionRule rule : functionRules) {
      if (rule.clouds().contains(function.cloud())) {
        found.addAll(rule.check(function, app, context));
      }
    }
    return found;
  }
}
