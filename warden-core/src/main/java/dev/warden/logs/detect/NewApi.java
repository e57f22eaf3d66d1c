package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import dev.warden.rules.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A principal calls an action it never called in its baseline: the first {@code baseline} of its
 * own history in the logs. New actions within an hour of the first are one detection. Deployments
 * are routed to the deployed function's role too, so that its look-alike stays quiet: a function
 * calling a new API within {@code after-deploy} of its own deployment runs new code.
 */
final class NewApi implements Detector<NewApi.State> {

  private static final long serialVersionUID = 1L;

  private static final long GROUP = 3_600_000L;

  private static final List<String> SENSITIVE =
      List.of(
          "iam:",
          "sts:AssumeRole",
          "sts:GetCallerIdentity",
          "secretsmanager:GetSecretValue",
          "secretsmanager:ListSecrets",
          "kms:Decrypt",
          "ssm:GetParameter",
          "s3:ListAllMyBuckets",
          "lambda:UpdateFunction",
          "lambda:CreateFunction",
          "lambda:AddPermission",
          "organizations:",
          "cloudtrail:");

  private final long baseline;
  private final long afterDeploy;

  NewApi(Thresholds thresholds) {
    baseline = thresholds.millis("new-api.baseline");
    afterDeploy = thresholds.millis("after-deploy");
  }

  /** New actions within an hour. */
  static final class Group implements Serializable {
    private static final long serialVersionUID = 1L;
    final Sample sample = new Sample();
    final TreeSet<String> actions = new TreeSet<>();
    final TreeSet<String> denied = new TreeSet<>();
    final TreeSet<String> functions = new TreeSet<>();
    final TreeSet<String> origins = new TreeSet<>();
    long lastDeploy = Long.MIN_VALUE;
  }

  static final class State implements Serializable {
    private static final long serialVersionUID = 1L;
    final String principal;
    long firstSeen = Long.MIN_VALUE;
    final Set<String> known = new HashSet<>();
    final Map<String, Long> deployed = new HashMap<>(); // function -> last deployment
    Group group;

    State(String principal) {
      this.principal = principal;
    }
  }

  @Override
  public String type() {
    return "new-api";
  }

  @Override
  public List<String> keys(TrailEvent event) {
    String deployedRole = Calls.deployedRole(event);
    if (!event.invokedBy().isEmpty() || event.principal().equals("-")) {
      return deployedRole.isEmpty() ? List.of() : List.of(deployedRole); // CloudFormation deploying
    }
    return deployedRole.isEmpty() || deployedRole.equals(event.principal())
        ? List.of(event.principal())
        : List.of(event.principal(), deployedRole);
  }

  @Override
  public State newState(String key) {
    return new State(key);
  }

  @Override
  public void accept(State state, TrailEvent event, Consumer<Detection> out) {
    if (!event.principal().equals(state.principal)) {
      String function = Calls.functionName(event.parameter("functionName"));
      state.deployed.put(function, event.time());
      return; // a deployment of one of this role's functions, by someone else
    }
    if (state.firstSeen == Long.MIN_VALUE) {
      state.firstSeen = event.time();
    }
    String action = Calls.action(event);
    if (state.known.contains(action)) {
      return;
    }
    state.known.add(action);
    if (event.time() < state.firstSeen + baseline) {
      return;
    }
    String function = event.sessionName().orElse("");
    Long deployed = state.deployed.get(function);
    if (deployed != null && event.time() - deployed <= afterDeploy) {
      return; // new code calling a new API right after its deployment
    }
    if (state.group == null) {
      state.group = new Group();
    }
    Group group = state.group;
    group.sample.add(event);
    group.actions.add(action);
    if (event.denied()) {
      group.denied.add(action);
    }
    if (event.fromLambda() && !function.isEmpty()) {
      group.functions.add(function);
    }
    if (group.origins.size() < 10) {
      group.origins.add(Calls.origin(event));
    }
    for (long time : state.deployed.values()) {
      group.lastDeploy = Math.max(group.lastDeploy, time);
    }
  }

  @Override
  public long advance(State state, long time, Consumer<Detection> out) {
    state.deployed.values().removeIf(deployed -> deployed + afterDeploy < time);
    Group group = state.group;
    if (group != null && group.sample.start + GROUP < time) {
      state.group = null;
      report(state, group, out);
    }
    long wake = state.group == null ? NEVER : state.group.sample.start + GROUP + 1;
    for (long deployed : state.deployed.values()) {
      wake = Math.min(wake, deployed + afterDeploy + 1);
    }
    return wake;
  }

  @Override
  public boolean idle(State state) {
    return false; // the baseline is the state
  }

  private void report(State state, Group group, Consumer<Detection> out) {
    boolean sensitive = false;
    for (String action : group.actions) {
      for (String prefix : SENSITIVE) {
        sensitive |= action.startsWith(prefix);
      }
    }
    List<String> whyNotBenign = new ArrayList<>();
    whyNotBenign.add(
        "the principal was watched from "
            + Calls.time(state.firstSeen)
            + " for "
            + Calls.duration(baseline)
            + " without calling "
            + (group.actions.size() == 1 ? "it" : "them"));
    whyNotBenign.add(
        group.lastDeploy == Long.MIN_VALUE
            ? "no deployment of its functions in the "
                + Calls.duration(afterDeploy)
                + " before: not new code calling a new API"
            : "its last deployment was more than " + Calls.duration(afterDeploy) + " before");
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put(
        "summary",
        "called "
            + group.actions.size()
            + (group.actions.size() == 1 ? " action" : " actions")
            + " never seen in its baseline: "
            + String.join(", ", group.actions));
    evidence.put("newActions", List.copyOf(group.actions));
    if (!group.denied.isEmpty()) {
      evidence.put("denied", List.copyOf(group.denied));
    }
    evidence.put("baselineFrom", Calls.time(state.firstSeen));
    evidence.put("baselineUntil", Calls.time(state.firstSeen + baseline));
    evidence.put("knownActions", state.known.size() - group.actions.size());
    evidence.put("origins", List.copyOf(group.origins));
    evidence.put("whyNotBenign", whyNotBenign);
    out.accept(
        new Detection(
            type(),
            state.principal,
            group.functions.size() == 1 ? group.functions.first() : null,
            group.sample.start,
            group.sample.end,
            sensitive ? Severity.HIGH : Severity.MEDIUM,
            evidence,
            group.sample.ids(),
            group.sample.count));
  }
}
