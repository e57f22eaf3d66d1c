package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import dev.warden.rules.Severity;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reconnaissance: within {@code window}, a principal's List/Describe/Get calls reach {@code
 * min-calls} across at least {@code min-services} services, or {@code denied-storm} of its calls
 * are denied. The sweep lasts while such calls go on; it is reported when {@code window} passes
 * without one.
 *
 * <p>Look-alikes that stay quiet: security scanners and inventory tools (Prowler, ScoutSuite,
 * Steampipe, AWS Config, Security Hub…, told by their user agent or calling service), people in the
 * console, and a principal's daily sweep — one that started about a day (20 to 28 hours) after its
 * previous one.
 */
final class Recon implements Detector<Recon.State> {

  private static final long serialVersionUID = 1L;

  private static final long DAY = 24 * 3_600_000L;
  private static final long DAILY_SLACK = 4 * 3_600_000L;

  private final long window;
  private final int minServices;
  private final int minCalls;
  private final int deniedStorm;

  Recon(Thresholds thresholds) {
    window = thresholds.millis("recon.window");
    minServices = thresholds.count("recon.min-services");
    minCalls = thresholds.count("recon.min-calls");
    deniedStorm = thresholds.count("recon.denied-storm");
  }

  /** A call in the window. */
  record Call(
      long time,
      String id,
      String service,
      String action,
      String origin,
      String function,
      boolean denied)
      implements Serializable {
    static Call of(TrailEvent event) {
      return new Call(
          event.time(),
          event.id(),
          Calls.service(event),
          Calls.action(event),
          Calls.origin(event),
          event.fromLambda() ? event.sessionName().orElse("") : "",
          event.denied());
    }
  }

  /** A sweep under way. */
  static final class Sweep implements Serializable {
    private static final long serialVersionUID = 1L;
    final Sample sample = new Sample();
    final TreeMap<String, Integer> services = new TreeMap<>();
    final TreeSet<String> actions = new TreeSet<>();
    final TreeSet<String> origins = new TreeSet<>();
    long denied;
    String function = "";
  }

  static final class State implements Serializable {
    private static final long serialVersionUID = 1L;
    final String principal;
    final ArrayDeque<Call> recent = new ArrayDeque<>();
    final Map<String, Integer> services = new HashMap<>();
    int denied;
    Sweep sweep;
    long lastSweepStart = Long.MIN_VALUE;
    boolean executionRole;

    State(String principal) {
      this.principal = principal;
    }
  }

  @Override
  public String type() {
    return "recon";
  }

  @Override
  public List<String> keys(TrailEvent event) {
    boolean console =
        event.userAgent().contains("console.amazonaws.com")
            || event.userAgent().equals("AWS Internal")
            || event.sourceIp().equals("AWS Internal");
    return console || Calls.scanner(event) ? List.of() : Calls.actor(event);
  }

  @Override
  public State newState(String key) {
    return new State(key);
  }

  @Override
  public void accept(State state, TrailEvent event, Consumer<Detection> out) {
    state.executionRole |= event.fromLambda();
    boolean denied = event.denied();
    if (!denied && !Calls.enumeration(event)) {
      return;
    }
    Call call = Call.of(event);
    if (state.sweep != null) {
      add(state.sweep, call);
      return;
    }
    state.recent.addLast(call);
    state.services.merge(call.service(), 1, Integer::sum);
    if (denied) {
      state.denied++;
    }
    boolean sweeping = state.services.size() >= minServices && state.recent.size() >= minCalls;
    if (sweeping || state.denied >= deniedStorm) {
      Sweep sweep = new Sweep();
      for (Call earlier : state.recent) {
        add(sweep, earlier);
      }
      state.sweep = sweep;
      state.recent.clear();
      state.services.clear();
      state.denied = 0;
    }
  }

  private static void add(Sweep sweep, Call call) {
    sweep.sample.add(call.id(), call.time());
    sweep.services.merge(call.service(), 1, Integer::sum);
    if (sweep.actions.size() < 50) {
      sweep.actions.add(call.action());
    }
    if (sweep.origins.size() < 10) {
      sweep.origins.add(call.origin());
    }
    if (call.denied()) {
      sweep.denied++;
    }
    if (sweep.function.isEmpty()) {
      sweep.function = call.function();
    }
  }

  @Override
  public long advance(State state, long time, Consumer<Detection> out) {
    while (!state.recent.isEmpty() && state.recent.peekFirst().time() + window < time) {
      Call old = state.recent.removeFirst();
      state.services.computeIfPresent(old.service(), (k, n) -> n == 1 ? null : n - 1);
      if (old.denied()) {
        state.denied--;
      }
    }
    Sweep sweep = state.sweep;
    if (sweep != null && sweep.sample.end + window < time) {
      state.sweep = null;
      long previous = state.lastSweepStart;
      state.lastSweepStart = sweep.sample.start;
      long since = sweep.sample.start - previous;
      boolean daily = previous != Long.MIN_VALUE && Math.abs(since - DAY) <= DAILY_SLACK;
      if (!daily) {
        report(state, sweep, previous, out);
      }
    }
    long wake = NEVER;
    if (state.sweep != null) {
      wake = state.sweep.sample.end + window + 1;
    }
    if (!state.recent.isEmpty()) {
      wake = Math.min(wake, state.recent.peekFirst().time() + window + 1);
    }
    return wake;
  }

  @Override
  public boolean idle(State state) {
    return state.sweep == null
        && state.recent.isEmpty()
        && !state.executionRole
        && state.lastSweepStart == Long.MIN_VALUE;
  }

  private void report(State state, Sweep sweep, long previous, Consumer<Detection> out) {
    boolean storm = sweep.denied >= deniedStorm;
    List<String> whyNotBenign = new ArrayList<>();
    whyNotBenign.add(
        "not a known security scanner or inventory tool: called from "
            + String.join(", ", sweep.origins));
    whyNotBenign.add(
        previous == Long.MIN_VALUE
            ? "no earlier sweep by this principal in the logs: not its daily audit"
            : "its previous sweep was "
                + Calls.duration(sweep.sample.start - previous)
                + " before, not a day: not a daily audit");
    if (state.executionRole) {
      whyNotBenign.add("a Lambda execution role: a function reads the few services it serves");
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put(
        "summary",
        sweep.sample.count
            + " List/Describe/Get calls across "
            + sweep.services.size()
            + " services in "
            + Calls.duration(sweep.sample.end - sweep.sample.start)
            + (sweep.denied > 0 ? ", " + sweep.denied + " denied" : ""));
    evidence.put("calls", sweep.sample.count);
    evidence.put("services", new LinkedHashMap<>(sweep.services));
    evidence.put("denied", sweep.denied);
    evidence.put("actions", List.copyOf(sweep.actions));
    evidence.put("origins", List.copyOf(sweep.origins));
    evidence.put("whyNotBenign", whyNotBenign);
    out.accept(
        new Detection(
            type(),
            state.principal,
            sweep.function.isEmpty() ? null : sweep.function,
            sweep.sample.start,
            sweep.sample.end,
            storm || state.executionRole ? Severity.HIGH : Severity.MEDIUM,
            evidence,
            sweep.sample.ids(),
            sweep.sample.count));
  }
}
