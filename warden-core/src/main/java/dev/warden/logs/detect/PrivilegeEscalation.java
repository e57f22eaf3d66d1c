package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import dev.warden.rules.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Successful privilege-escalation steps by a principal:
 *
 * <ul>
 *   <li>passing a role to a new function ({@code CreateFunction} with {@code iam:PassRole}) and
 *       running it within {@code window} ({@code Invoke}, {@code CreateEventSourceMapping}, a
 *       function URL), the first time the principal passes that role;
 *   <li>a Lambda execution role changing the code or configuration of another function;
 *   <li>a principal widening its own permissions ({@code Attach*Policy} or {@code Put*Policy} on
 *       itself, adding itself to a group, rewriting its own trust policy), or a Lambda execution
 *       role administering IAM at all ({@code CreatePolicyVersion}, {@code
 *       SetDefaultPolicyVersion}, attaching policies, creating access keys).
 * </ul>
 *
 * <p>Look-alikes that stay quiet: deployment tools (CloudFormation, SAM, CDK, Terraform, Pulumi,
 * the Serverless Framework, CodeBuild) that create functions and pass roles by design; a principal
 * passing a role it passed before the window; people changing one function or another role's policy
 * (narrow admin changes) — only execution roles acting on other functions, and principals acting on
 * themselves, count.
 */
final class PrivilegeEscalation implements Detector<PrivilegeEscalation.State> {

  private static final long serialVersionUID = 1L;

  private static final Set<String> ADMIN_POLICIES =
      Set.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess", "AWSLambda_FullAccess");

  /** How long a role passed is remembered as routine for the principal. */
  private static final long FORGET = 30L * 24 * 3_600_000;

  private final long window;

  PrivilegeEscalation(Thresholds thresholds) {
    window = thresholds.millis("privilege-escalation.window");
  }

  /** A role passed to a new function, waiting for the function to be run. */
  static final class Pass implements Serializable {
    private static final long serialVersionUID = 1L;
    final Sample sample = new Sample();
    String role = "";
    String function = "";
    long time;
  }

  static final class State implements Serializable {
    private static final long serialVersionUID = 1L;
    final String principal;
    final Map<String, Pass> pending = new HashMap<>();
    final Map<String, Long> passedRoles = new HashMap<>(); // role -> last time passed
    boolean executionRole;
    long nextWake = Long.MIN_VALUE;

    State(String principal) {
      this.principal = principal;
    }
  }

  @Override
  public String type() {
    return "privilege-escalation";
  }

  @Override
  public List<String> keys(TrailEvent event) {
    return Calls.actor(event);
  }

  @Override
  public State newState(String key) {
    return new State(key);
  }

  @Override
  public void accept(State state, TrailEvent event, Consumer<Detection> out) {
    state.nextWake = Math.min(state.nextWake, event.time() + window + 1);
    state.executionRole |= event.fromLambda();
    if (!event.errorCode().isEmpty() || Calls.deployer(event)) {
      return;
    }
    String source = event.source();
    String name = event.name();
    if (source.equals("lambda.amazonaws.com")) {
      lambda(state, event, name, out);
    } else if (source.equals("iam.amazonaws.com")) {
      iam(state, event, name, out);
    }
  }

  private void lambda(State state, TrailEvent event, String name, Consumer<Detection> out) {
    String function = Calls.functionName(event.parameter("functionName"));
    if (name.startsWith("CreateFunction") && !name.startsWith("CreateFunctionUrl")) {
      String role = event.parameter("role");
      if (role.isEmpty() || role.equals(state.principal)) {
        return;
      }
      Long before = state.passedRoles.get(role);
      state.passedRoles.put(role, event.time());
      if (before != null && before < event.time() - window) {
        return; // it passes this role routinely
      }
      Pass pass = new Pass();
      pass.role = role;
      pass.function = function;
      pass.time = event.time();
      pass.sample.add(event);
      state.pending.put(function, pass);
      return;
    }
    boolean runs =
        name.equals("Invoke")
            || name.startsWith("InvokeFunction")
            || name.startsWith("CreateEventSourceMapping")
            || name.startsWith("CreateFunctionUrlConfig");
    Pass pass = state.pending.get(function);
    if (runs && pass != null) {
      state.pending.remove(function);
      pass.sample.add(event);
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put(
          "summary",
          "passed "
              + Calls.lastName(pass.role)
              + " to a new function, "
              + function
              + ", and ran it");
      evidence.put("steps", List.of("iam:PassRole with CreateFunction", Calls.action(event)));
      evidence.put("passedRole", pass.role);
      evidence.put("newFunction", function);
      evidence.put("minutesBetween", (event.time() - pass.time) / 60_000);
      evidence.put(
          "whyNotBenign",
          List.of(
              "made with " + Calls.agentProduct(event.userAgent()) + ", not a deployment tool",
              "the first time this principal passes " + Calls.lastName(pass.role) + " in the logs",
              "the new function was run at once, with the passed role's permissions"));
      emit(state, pass.sample, function, Severity.HIGH, evidence, out);
      return;
    }
    boolean changes =
        name.startsWith("UpdateFunctionCode") || name.startsWith("UpdateFunctionConfiguration");
    String own = event.sessionName().orElse("");
    if (changes && state.executionRole && !function.isEmpty() && !function.equals(own)) {
      Sample sample = new Sample();
      sample.add(event);
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put(
          "summary",
          "the execution role of "
              + (own.isEmpty() ? "a function" : own)
              + " changed another function, "
              + function
              + " ("
              + event.name()
              + ")");
      evidence.put("steps", List.of(Calls.action(event)));
      evidence.put("changedFunction", function);
      evidence.put("callerFunction", own);
      if (!event.parameter("role").isEmpty()) {
        evidence.put("passedRole", event.parameter("role"));
      }
      evidence.put(
          "whyNotBenign",
          List.of(
              "the caller is the execution role of "
                  + (own.isEmpty() ? "a function" : own)
                  + ", which has no business deploying",
              "it changed another function, " + function + ", and so gains that function's role"));
      emit(state, sample, function, Severity.CRITICAL, evidence, out);
    }
  }

  private void iam(State state, TrailEvent event, String name, Consumer<Detection> out) {
    String ownRole = state.principal.contains(":role/") ? Calls.lastName(state.principal) : "";
    String ownUser =
        event.identityType().equals("IAMUser") ? Calls.lastName(event.identityArn()) : "";
    String targetRole = event.parameter("roleName");
    String targetUser = event.parameter("userName");
    boolean onRole =
        name.equals("AttachRolePolicy")
            || name.equals("PutRolePolicy")
            || name.equals("UpdateAssumeRolePolicy");
    boolean onUser =
        name.equals("AttachUserPolicy")
            || name.equals("PutUserPolicy")
            || name.equals("AddUserToGroup")
            || name.equals("CreateAccessKey");
    boolean onSelf =
        (onRole && !ownRole.isEmpty() && targetRole.equals(ownRole))
            || (onUser
                && !ownUser.isEmpty()
                && targetUser.equals(ownUser)
                && !name.equals("CreateAccessKey"));
    boolean administers =
        onRole
            || onUser
            || name.equals("CreatePolicyVersion")
            || name.equals("SetDefaultPolicyVersion")
            || name.equals("CreateRole")
            || name.equals("CreateUser");
    if (!onSelf && !(state.executionRole && administers)) {
      return;
    }
    String policy = event.parameter("policyArn");
    boolean admin = ADMIN_POLICIES.contains(Calls.lastName(policy));
    Sample sample = new Sample();
    sample.add(event);
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put(
        "summary",
        (onSelf ? "changed its own permissions: " : "a Lambda execution role administers IAM: ")
            + Calls.action(event)
            + (policy.isEmpty() ? "" : " " + Calls.lastName(policy))
            + (targetRole.isEmpty() && targetUser.isEmpty()
                ? ""
                : " on " + (targetRole.isEmpty() ? targetUser : targetRole)));
    evidence.put("steps", List.of(Calls.action(event)));
    if (!policy.isEmpty()) {
      evidence.put("policy", policy);
    }
    if (!event.parameter("policyName").isEmpty()) {
      evidence.put("policyName", event.parameter("policyName"));
    }
    String target = !targetRole.isEmpty() ? targetRole : targetUser;
    if (!target.isEmpty()) {
      evidence.put("target", target);
    }
    List<String> whyNotBenign = new ArrayList<>();
    whyNotBenign.add(
        onSelf
            ? "the principal changed its own permissions — a narrow admin change is made to"
                + " someone else"
            : "a Lambda execution role administering IAM — functions do not manage identities");
    whyNotBenign.add(
        "made with " + Calls.agentProduct(event.userAgent()) + ", not a deployment tool");
    evidence.put("whyNotBenign", whyNotBenign);
    emit(
        state,
        sample,
        event.fromLambda() ? event.sessionName().orElse(null) : null,
        admin || (onSelf && state.executionRole) ? Severity.CRITICAL : Severity.HIGH,
        evidence,
        out);
  }

  private void emit(
      State state,
      Sample sample,
      @org.jspecify.annotations.Nullable String function,
      Severity severity,
      Map<String, Object> evidence,
      Consumer<Detection> out) {
    out.accept(
        new Detection(
            type(),
            state.principal,
            function,
            sample.start,
            sample.end,
            severity,
            evidence,
            sample.ids(),
            sample.count));
  }

  @Override
  public long advance(State state, long time, Consumer<Detection> out) {
    if (time < state.nextWake) {
      return state.nextWake; // nothing expires before then
    }
    long wake = NEVER;
    for (Iterator<Pass> it = state.pending.values().iterator(); it.hasNext(); ) {
      Pass pass = it.next();
      if (pass.time + window < time) {
        it.remove();
      } else {
        wake = Math.min(wake, pass.time + window + 1);
      }
    }
    for (Iterator<Long> it = state.passedRoles.values().iterator(); it.hasNext(); ) {
      long last = it.next();
      if (last + FORGET < time) {
        it.remove();
      } else {
        wake = Math.min(wake, last + FORGET + 1);
      }
    }
    state.nextWake = wake;
    return wake;
  }

  @Override
  public boolean idle(State state) {
    return state.pending.isEmpty() && state.passedRoles.isEmpty() && !state.executionRole;
  }
}
