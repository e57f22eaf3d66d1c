package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import dev.warden.rules.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A Lambda execution role's temporary credentials used outside Lambda. Each key is tied to its
 * function by the Lambda service's own {@code AssumeRole} event for the role (the request names the
 * function as the session, the response carries the key), or — when that event is not in the logs —
 * by the session's name being a function the role runs inside Lambda. A tied key used by a caller
 * that is not a Lambda execution environment, or from a second network while its function uses it
 * from its own, is stolen. Uses from one place are one incident until {@code close-after} passes
 * without any.
 */
final class CredentialExfiltration implements Detector<CredentialExfiltration.State> {

  private static final long serialVersionUID = 1L;

  /** Uses of the key from its own function in this long before another network counts. */
  private static final long TWO_NETWORKS = 10 * 60_000L;

  private final long closeAfter;
  private final long lifetime;

  CredentialExfiltration(Thresholds thresholds) {
    closeAfter = thresholds.millis("credential-exfiltration.close-after");
    lifetime = thresholds.millis("credential-exfiltration.key-lifetime");
  }

  /** What is known of one temporary key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String function = "";
    String issuedBy = ""; // the AssumeRole event's ID, when seen
    long issuedAt;
    long lastSeen;
    final Set<String> lambdaIps = new HashSet<>();
    long lastLambdaUse = Long.MIN_VALUE;
  }

  /** Uses of stolen keys from one place. */
  static final class Incident implements Serializable {
    private static final long serialVersionUID = 1L;
    final Sample sample = new Sample();
    final TreeSet<String> keys = new TreeSet<>();
    final TreeSet<String> functions = new TreeSet<>();
    final TreeSet<String> actions = new TreeSet<>();
    final TreeSet<String> agents = new TreeSet<>();
    final TreeSet<String> functionIps = new TreeSet<>();
    final TreeSet<String> issuedBy = new TreeSet<>();
    boolean boundBySession;
    boolean twoNetworks;
    String ip = "";
  }

  static final class State implements Serializable {
    private static final long serialVersionUID = 1L;
    final String role;
    final Map<String, Key> keys = new HashMap<>();
    final Set<String> lambdaFunctions = new HashSet<>();
    final Map<String, Incident> incidents = new HashMap<>();
    long nextWake = Long.MIN_VALUE;

    State(String role) {
      this.role = role;
    }
  }

  @Override
  public String type() {
    return "credential-exfiltration";
  }

  @Override
  public List<String> keys(TrailEvent event) {
    if (issuedByLambda(event)) {
      return List.of(event.parameter("roleArn"));
    }
    boolean roleSession =
        event.identityType().equals("AssumedRole")
            && !event.issuerArn().isEmpty()
            && event.invokedBy().isEmpty()
            && event.accessKeyId().startsWith("ASIA");
    return roleSession ? List.of(event.issuerArn()) : List.of();
  }

  private static boolean issuedByLambda(TrailEvent event) {
    return event.name().equals("AssumeRole")
        && event.source().equals("sts.amazonaws.com")
        && (event.invokedBy().equals("lambda.amazonaws.com")
            || event.sourceIp().equals("lambda.amazonaws.com"))
        && !event.parameter("roleArn").isEmpty()
        && event.response().containsKey(TrailEvent.ISSUED_KEY);
  }

  @Override
  public State newState(String key) {
    return new State(key);
  }

  @Override
  public void accept(State state, TrailEvent event, Consumer<Detection> out) {
    // every key and incident this event touches lives at least this long from now
    state.nextWake = Math.min(state.nextWake, event.time() + Math.min(lifetime, closeAfter) + 1);
    if (issuedByLambda(event)) {
      Key key =
          state.keys.computeIfAbsent(event.response().get(TrailEvent.ISSUED_KEY), k -> new Key());
      key.function = event.parameter("roleSessionName");
      key.issuedBy = event.id();
      key.issuedAt = event.time();
      key.lastSeen = event.time();
      state.lambdaFunctions.add(key.function);
      return;
    }
    String session = event.sessionName().orElse("");
    Key key = state.keys.get(event.accessKeyId());
    if (event.fromLambda()) {
      if (key == null) {
        key = new Key();
        key.function = session;
        key.issuedAt = event.time();
        state.keys.put(event.accessKeyId(), key);
      }
      state.lambdaFunctions.add(session);
      key.lastSeen = event.time();
      boolean newNetwork =
          !key.lambdaIps.isEmpty()
              && !key.lambdaIps.contains(event.sourceIp())
              && event.time() - key.lastLambdaUse <= TWO_NETWORKS;
      if (newNetwork) {
        Incident incident = incident(state, event, key);
        incident.twoNetworks = true;
        return;
      }
      if (key.lambdaIps.size() < 16) {
        key.lambdaIps.add(event.sourceIp());
      }
      key.lastLambdaUse = event.time();
      return;
    }
    if (key == null) {
      if (session.isEmpty() || !state.lambdaFunctions.contains(session)) {
        return; // not a key of a function this role runs
      }
      key = new Key();
      key.function = session;
      key.issuedAt = event.time();
      state.keys.put(event.accessKeyId(), key);
    }
    key.lastSeen = event.time();
    incident(state, event, key);
  }

  private Incident incident(State state, TrailEvent event, Key key) {
    Incident incident = state.incidents.computeIfAbsent(event.sourceIp(), ip -> new Incident());
    incident.ip = event.sourceIp();
    incident.sample.add(event);
    incident.keys.add(event.accessKeyId());
    if (!key.function.isEmpty()) {
      incident.functions.add(key.function);
    }
    incident.actions.add(Calls.action(event));
    incident.agents.add(Calls.agentProduct(event.userAgent()));
    if (incident.functionIps.size() < 16) {
      incident.functionIps.addAll(key.lambdaIps);
    }
    if (key.issuedBy.isEmpty()) {
      incident.boundBySession = true;
    } else if (incident.issuedBy.size() < 10) {
      incident.issuedBy.add(key.issuedBy);
    }
    return incident;
  }

  @Override
  public long advance(State state, long time, Consumer<Detection> out) {
    if (time < state.nextWake) {
      return state.nextWake; // nothing can close or expire before then
    }
    long wake = NEVER;
    List<Incident> closed = new ArrayList<>();
    for (Iterator<Incident> it = state.incidents.values().iterator(); it.hasNext(); ) {
      Incident incident = it.next();
      if (incident.sample.end + closeAfter < time) {
        closed.add(incident);
        it.remove();
      } else {
        wake = Math.min(wake, incident.sample.end + closeAfter + 1);
      }
    }
    closed.sort(
        java.util.Comparator.comparingLong((Incident i) -> i.sample.start)
            .thenComparing(i -> i.ip));
    for (Incident incident : closed) {
      report(state, incident, out);
    }
    for (Iterator<Key> it = state.keys.values().iterator(); it.hasNext(); ) {
      Key key = it.next();
      long expiry = Math.max(key.issuedAt, key.lastSeen) + lifetime;
      if (expiry < time) {
        it.remove();
      } else {
        wake = Math.min(wake, expiry + 1);
      }
    }
    state.nextWake = wake;
    return wake;
  }

  @Override
  public boolean idle(State state) {
    return state.keys.isEmpty() && state.incidents.isEmpty() && state.lambdaFunctions.isEmpty();
  }

  private void report(State state, Incident incident, Consumer<Detection> out) {
    boolean issued = !incident.issuedBy.isEmpty();
    List<String> whyNotBenign = new ArrayList<>();
    whyNotBenign.add(
        issued
            ? "the keys were issued by Lambda itself (its AssumeRole of the role for "
                + String.join(", ", incident.functions)
                + "): only that function's execution environments should hold them"
            : "the session is named after "
                + String.join(", ", incident.functions)
                + ", a function this role runs inside Lambda: only its execution environments"
                + " hold such a session");
    whyNotBenign.add(
        incident.twoNetworks
            ? "the same key was used from "
                + incident.ip
                + " while its function used it from "
                + String.join(", ", incident.functionIps)
                + ": two networks at once"
            : "the caller at "
                + incident.ip
                + " ("
                + String.join(", ", incident.agents)
                + ") is not a Lambda execution environment");
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put(
        "summary",
        String.join(", ", incident.functions)
            + "'s temporary credentials ("
            + incident.keys.size()
            + (incident.keys.size() == 1 ? " key" : " keys")
            + ") used from "
            + incident.ip
            + " ("
            + String.join(", ", incident.agents)
            + ")"
            + (incident.twoNetworks ? " while the function used them from its own network" : ""));
    evidence.put("sourceIp", incident.ip);
    evidence.put("userAgents", List.copyOf(incident.agents));
    evidence.put("accessKeys", List.copyOf(incident.keys));
    evidence.put("boundBy", issued ? "AssumeRole by lambda.amazonaws.com" : "session name");
    if (issued) {
      evidence.put("assumeRoleEvents", List.copyOf(incident.issuedBy));
    }
    evidence.put("functionIps", List.copyOf(incident.functionIps));
    evidence.put("actions", List.copyOf(incident.actions));
    evidence.put("whyNotBenign", whyNotBenign);
    out.accept(
        new Detection(
            type(),
            state.role,
            incident.functions.size() == 1 ? incident.functions.first() : null,
            incident.sample.start,
            incident.sample.end,
            issued || incident.twoNetworks ? Severity.CRITICAL : Severity.HIGH,
            evidence,
            incident.sample.ids(),
            incident.sample.count));
  }
}
