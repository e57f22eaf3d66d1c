package dev.warden.score;

import dev.warden.inventory.Auth;
import dev.warden.inventory.InvokePermission;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import java.util.Set;

/**
 * How freely a function can be reached: the most exposed of its triggers, 0–1.
 *
 * <table>
 *   <caption>Exposure by trigger</caption>
 *   <tr><td>public, no authentication (route, URL, load balancer, skill, invoke permission)</td>
 *       <td>1.0</td></tr>
 *   <tr><td>a source anybody may write to (bucket, queue, topic, bus)</td><td>0.9</td></tr>
 *   <tr><td>public behind an API key only</td><td>0.85</td></tr>
 *   <tr><td>Lambda authorizer of a public API (sees every caller's token)</td><td>0.7</td></tr>
 *   <tr><td>public behind real authentication</td><td>0.6</td></tr>
 *   <tr><td>internal event carrying data from other components</td><td>0.35</td></tr>
 *   <tr><td>internal control event (schedule, logs, workflow, repository)</td><td>0.2</td></tr>
 *   <tr><td>no trigger declared (invoked by code elsewhere)</td><td>0.15</td></tr>
 * </table>
 */
record Exposure(double value, String why) {

  private static final Set<TriggerKind> CONTROL_EVENTS =
      Set.of(
          TriggerKind.SCHEDULE,
          TriggerKind.CLOUDWATCH_LOGS,
          TriggerKind.STEP_FUNCTIONS,
          TriggerKind.CODECOMMIT,
          TriggerKind.LAMBDA);

  static Exposure of(ServerlessFunction function) {
    Exposure worst =
        new Exposure(0.15, "no trigger is declared: it runs when other code invokes it");
    for (Trigger trigger : function.triggers()) {
      Exposure exposure = of(trigger);
      if (exposure.value() > worst.value()) {
        worst = exposure;
      }
    }
    for (InvokePermission permission : function.invokePermissions()) {
      String principal = permission.principal().toString();
      boolean pinned =
          permission.sourceArn().isPresent()
              || permission.sourceAccount().isPresent()
              || permission.principalOrgId().isPresent();
      if (principal.equals("*") && !pinned && permission.functionUrlAuthType().isEmpty()) {
        worst = new Exposure(1.0, "any AWS account may invoke it directly");
      }
    }
    return worst;
  }

  private static Exposure of(Trigger trigger) {
    String what = describe(trigger);
    if (trigger.isPublic()) {
      if ("authorizer".equals(trigger.details().get("role"))) {
        return new Exposure(0.7, what + " checks the token of every caller of a public API");
      }
      if (trigger.auth() == Auth.NONE) {
        return new Exposure(1.0, what + " is public and unauthenticated");
      }
      if (trigger.auth() == Auth.IAM) {
        return new Exposure(0.9, what + " is fed by a source anybody may write to");
      }
      if (trigger.auth() == Auth.API_KEY) {
        return new Exposure(0.85, what + " is public behind an API key only");
      }
      if (trigger.auth() == Auth.FUNCTION_KEY) {
        return new Exposure(0.85, what + " is public behind a shared function key only");
      }
      return new Exposure(0.6, what + " is public behind " + trigger.auth().wireName() + " auth");
    }
    if (CONTROL_EVENTS.contains(trigger.kind())) {
      return new Exposure(0.2, what + " is an internal control event");
    }
    return new Exposure(0.35, what + " carries data from other components");
  }

  private static String describe(Trigger trigger) {
    return trigger
        .route()
        .map(r -> r.toString())
        .orElse(trigger.kind().wireName() + " trigger " + trigger.name());
  }
}
