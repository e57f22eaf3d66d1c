package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import dev.warden.rules.Severity;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Denial of wallet: a function's invocations (Lambda {@code Invoke} data events) in a window reach
 * {@code factor} times its own average over the day before, and at least {@code min-invocations}.
 * Consecutive spiking windows are one detection.
 *
 * <p>Its look-alike is a benign surge — more of the usual audience. A spike is reported only when
 * most of it ({@code new-callers}) comes from callers the function had not seen, or when its calls
 * fail ({@code error-ratio}, and twice the function's usual share) instead of being served.
 */
final class DenialOfWallet implements Detector<DenialOfWallet.State> {

  private static final long serialVersionUID = 1L;

  private static final long BASELINE = 24 * 3_600_000L;
  private static final long MIN_HISTORY = 3_600_000L;
  private static final int MAX_CALLERS = 4096;

  private final long window;
  private final double factor;
  private final int minInvocations;
  private final double errorRatio;
  private final double newCallers;

  DenialOfWallet(Thresholds thresholds) {
    window = thresholds.millis("denial-of-wallet.window");
    factor = thresholds.ratio("denial-of-wallet.factor");
    minInvocations = thresholds.count("denial-of-wallet.min-invocations");
    errorRatio = thresholds.ratio("denial-of-wallet.error-ratio");
    newCallers = thresholds.ratio("denial-of-wallet.new-callers");
  }

  /** One window's invocations. */
  static final class Window implements Serializable {
    private static final long serialVersionUID = 1L;
    long start;
    long invocations;
    long errors;
    final Map<String, Long> callers = new HashMap<>();
    final Sample sample = new Sample();
  }

  /** Spiking windows in a row. */
  static final class Spike implements Serializable {
    private static final long serialVersionUID = 1L;
    final Sample sample = new Sample();
    long invocations;
    long errors;
    long fromNewCallers;
    long end;
    int windows;
    double baselinePerWindow;
    double baselineErrorRatio;
    final Map<String, Long> callers = new HashMap<>();
  }

  static final class State implements Serializable {
    private static final long serialVersionUID = 1L;
    final String function;
    long firstWindow = Long.MIN_VALUE;
    final ArrayDeque<long[]> history = new ArrayDeque<>(); // start, invocations, errors
    long historyInvocations;
    long historyErrors;
    final Set<String> knownCallers = new HashSet<>();
    Window current;
    Spike spike;

    State(String function) {
      this.function = function;
    }
  }

  @Override
  public String type() {
    return "denial-of-wallet";
  }

  @Override
  public List<String> keys(TrailEvent event) {
    if (!event.source().equals("lambda.amazonaws.com") || !event.name().equals("Invoke")) {
      return List.of();
    }
    String function = function(event);
    return function.isEmpty() ? List.of() : List.of(function);
  }

  private static String function(TrailEvent event) {
    String named = event.parameter("functionName");
    if (named.isEmpty()) {
      for (String resource : event.resources()) {
        if (resource.contains(":function:")) {
          named = resource;
          break;
        }
      }
    }
    return Calls.functionName(named);
  }

  private static String caller(TrailEvent event) {
    String principal = event.principal();
    return principal.contains(".amazonaws.com") ? principal : principal + " " + event.sourceIp();
  }

  @Override
  public State newState(String key) {
    return new State(key);
  }

  @Override
  public void accept(State state, TrailEvent event, Consumer<Detection> out) {
    long start = event.time() - Math.floorMod(event.time(), window);
    if (state.current == null) {
      state.current = new Window();
      state.current.start = start;
      if (state.firstWindow == Long.MIN_VALUE) {
        state.firstWindow = start;
      }
    }
    Window current = state.current;
    current.invocations++;
    if (!event.errorCode().isEmpty()) {
      current.errors++;
    }
    if (current.callers.size() < MAX_CALLERS || current.callers.containsKey(caller(event))) {
      current.callers.merge(caller(event), 1L, Long::sum);
    }
    current.sample.add(event);
  }

  @Override
  public long advance(State state, long time, Consumer<Detection> out) {
    Window current = state.current;
    if (current != null && current.start + window <= time) {
      state.current = null;
      close(state, current, out);
    }
    Spike spike = state.spike;
    if (spike != null && spike.end + window <= time && state.current == null) {
      state.spike = null;
      report(state, spike, out);
    }
    while (!state.history.isEmpty() && state.history.peekFirst()[0] + BASELINE <= time) {
      long[] old = state.history.removeFirst();
      state.historyInvocations -= old[1];
      state.historyErrors -= old[2];
    }
    long wake = NEVER;
    if (state.current != null) {
      wake = state.current.start + window;
    }
    if (state.spike != null) {
      wake = Math.min(wake, state.spike.end + window);
    }
    return wake;
  }

  @Override
  public boolean idle(State state) {
    return state.current == null
        && state.spike == null
        && state.history.isEmpty()
        && state.knownCallers.isEmpty();
  }

  private void close(State state, Window window, Consumer<Detection> out) {
    long watched = Math.min(BASELINE, window.start - state.firstWindow);
    long windows = watched / this.window; // windows are aligned: a whole number
    double perWindow = windows <= 0 ? 0 : state.historyInvocations / (double) windows;
    boolean judged = watched >= MIN_HISTORY;
    boolean spikes =
        judged
            && window.invocations >= minInvocations
            && window.invocations >= factor * Math.max(perWindow, 1.0 / 12);
    Spike spike = state.spike;
    if (spike != null && (!spikes || window.start != spike.end)) {
      state.spike = null;
      report(state, spike, out);
      spike = null;
    }
    if (!spikes) {
      state.history.addLast(new long[] {window.start, window.invocations, window.errors});
      state.historyInvocations += window.invocations;
      state.historyErrors += window.errors;
      for (String caller : window.callers.keySet()) {
        if (state.knownCallers.size() < MAX_CALLERS) {
          state.knownCallers.add(caller);
        }
      }
      return;
    }
    if (spike == null) {
      spike = new Spike();
      spike.baselinePerWindow = perWindow;
      spike.baselineErrorRatio =
          state.historyInvocations == 0
              ? 0
              : state.historyErrors / (double) state.historyInvocations;
      state.spike = spike;
    }
    spike.end = window.start + this.window;
    spike.windows++;
    spike.invocations += window.invocations;
    spike.errors += window.errors;
    spike.sample.addAll(window.sample);
    for (Map.Entry<String, Long> entry : window.callers.entrySet()) {
      if (!state.knownCallers.contains(entry.getKey())) {
        spike.fromNewCallers += entry.getValue();
      }
      if (spike.callers.size() < MAX_CALLERS || spike.callers.containsKey(entry.getKey())) {
        spike.callers.merge(entry.getKey(), entry.getValue(), Long::sum);
      }
    }
  }

  private static double perWindowOf(Spike spike) {
    return spike.invocations / (double) spike.windows;
  }

  private void report(State state, Spike spike, Consumer<Detection> out) {
    double errors = spike.errors / (double) spike.invocations;
    double fresh = spike.fromNewCallers / (double) spike.invocations;
    boolean failing = errors >= errorRatio && errors >= 2 * spike.baselineErrorRatio;
    boolean strangers = fresh >= newCallers;
    if (!failing && !strangers) {
      return; // more of the usual callers, served as usual: a benign surge
    }
    List<Map.Entry<String, Long>> top = new ArrayList<>(spike.callers.entrySet());
    top.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    String topCaller = top.isEmpty() ? "-" : top.get(0).getKey();
    String principal =
        topCaller.contains(" ") ? topCaller.substring(0, topCaller.indexOf(' ')) : topCaller;
    Map<String, Object> topCallers = new LinkedHashMap<>();
    for (Map.Entry<String, Long> entry : top.subList(0, Math.min(5, top.size()))) {
      topCallers.put(entry.getKey(), entry.getValue());
    }
    List<String> whyNotBenign = new ArrayList<>();
    if (strangers) {
      whyNotBenign.add(
          Math.round(fresh * 100)
              + "% of the calls came from callers the function had not seen in the day before:"
              + " a benign surge is more of the usual audience");
    }
    if (failing) {
      whyNotBenign.add(
          Math.round(errors * 100)
              + "% of the calls failed (usually "
              + Math.round(spike.baselineErrorRatio * 100)
              + "%): the surge is hurting the function, not being served");
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put(
        "summary",
        spike.invocations
            + " invocations of "
            + state.function
            + " from "
            + Calls.time(spike.sample.start)
            + " to "
            + Calls.time(spike.sample.end)
            + ", "
            + Math.round(perWindowOf(spike) / Math.max(spike.baselinePerWindow, 1.0 / 12))
            + " times its usual rate, "
            + Math.round(errors * 100)
            + "% failing, "
            + Math.round(fresh * 100)
            + "% from callers it had not seen");
    evidence.put("invocations", spike.invocations);
    evidence.put("baselinePerWindow", Math.round(spike.baselinePerWindow * 10) / 10.0);
    evidence.put("window", Calls.duration(window));
    evidence.put(
        "factor",
        Math.round(perWindowOf(spike) / Math.max(spike.baselinePerWindow, 1.0 / 12) * 10) / 10.0);
    evidence.put("errorRatio", Math.round(errors * 1000) / 1000.0);
    evidence.put("newCallerShare", Math.round(fresh * 1000) / 1000.0);
    evidence.put("topCallers", topCallers);
    evidence.put("whyNotBenign", whyNotBenign);
    out.accept(
        new Detection(
            type(),
            principal,
            state.function,
            spike.sample.start,
            spike.sample.end,
            Severity.HIGH,
            evidence,
            spike.sample.ids(),
            spike.sample.count));
  }
}
