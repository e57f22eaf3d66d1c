package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import dev.warden.rules.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The Groundhog Day attack: the same short burst of calls by a role, replayed at a regular period
 * over a long span. Each call a role makes — (action, resource), from inside or outside Lambda — is
 * followed on its own: uses within {@code burst-gap} of each other are one occurrence, and
 * occurrences that follow each other at one period (within {@code period-tolerance}) are a run. A
 * busy call merges into long occurrences and an ordinary one comes at random times, so neither
 * makes a run. When runs end (the next occurrence is late or off the beat), those of a role that
 * kept the same beat are one burst, reported if it repeated {@code min-repeats} times over {@code
 * min-span} with at most {@code max-burst} calls each time.
 *
 * <p>Its look-alike is a scheduled function. Repetition from outside Lambda by a role that Lambda
 * functions use is not one; repetition from inside Lambda is reported only when it made calls the
 * role had never made before the repetition began — a schedule repeats what the function always
 * did. A periodic job outside Lambda of a role no function uses is a cron job, and stays quiet.
 */
final class GroundhogDay implements Detector<GroundhogDay.State> {

  private static final long serialVersionUID = 1L;

  private static final int MAX_RUN = 10_000;

  private final long gap;
  private final int maxBurst;
  private final int minRepeats;
  private final long minSpan;
  private final double tolerance;
  private final long maxPeriod;
  private final long afterDeploy;

  GroundhogDay(Thresholds thresholds) {
    gap = thresholds.millis("groundhog-day.burst-gap");
    maxBurst = thresholds.count("groundhog-day.max-burst");
    minRepeats = thresholds.count("groundhog-day.min-repeats");
    minSpan = thresholds.millis("groundhog-day.min-span");
    tolerance = thresholds.ratio("groundhog-day.period-tolerance");
    afterDeploy = thresholds.millis("after-deploy");
    maxPeriod = thresholds.millis("groundhog-day.max-period");
  }

  /** Uses of one call within {@code burst-gap} of each other. */
  static final class Occurrence implements Serializable {
    private static final long serialVersionUID = 1L;
    final Sample sample = new Sample();
    final TreeSet<String> keys = new TreeSet<>();
    String function = "";
  }

  /** One call's occurrences: the one under way and the run it may extend. */
  static final class Series implements Serializable {
    private static final long serialVersionUID = 1L;
    final String action;
    final String resource;
    final boolean outside;
    String origin = "";
    Occurrence open;
    final ArrayList<Occurrence> run = new ArrayList<>();
    long period;

    Series(String action, String resource, boolean outside) {
      this.action = action;
      this.resource = resource;
      this.outside = outside;
    }

    Occurrence last() {
      return run.get(run.size() - 1);
    }
  }

  /** Runs of one role that kept the same beat: one burst, replayed. */
  static final class Group implements Serializable {
    private static final long serialVersionUID = 1L;
    final ArrayList<Ended> members = new ArrayList<>();
    long ready;
  }

  /** A run that ended, waiting for the runs that kept its beat to end too. */
  static final class Ended implements Serializable {
    private static final long serialVersionUID = 1L;
    String action = "";
    String resource = "";
    boolean outside;
    String origin = "";
    long period;
    int repeats;
    long firstStart;
    long lastEnd;
    long firstCount;
    long at;
    final Sample sample = new Sample();
    final TreeSet<String> keys = new TreeSet<>();
    final TreeSet<String> functions = new TreeSet<>();
  }

  static final class State implements Serializable {
    private static final long serialVersionUID = 1L;
    final String principal;
    final Map<String, Series> series = new HashMap<>();
    final Map<String, Long> firstCall = new HashMap<>();
    final ArrayList<Group> groups = new ArrayList<>();
    final ArrayList<Long> deployments = new ArrayList<>();
    long firstSeen = Long.MIN_VALUE;
    long nextWake = Long.MIN_VALUE;
    boolean usedByLambda;

    State(String principal) {
      this.principal = principal;
    }
  }

  @Override
  public String type() {
    return "groundhog-day";
  }

  @Override
  public List<String> keys(TrailEvent event) {
    String deployed = Calls.deployedRole(event);
    boolean roleSession =
        event.identityType().equals("AssumedRole")
            && !event.issuerArn().isEmpty()
            && event.invokedBy().isEmpty();
    if (!deployed.isEmpty() && !deployed.equals(event.issuerArn())) {
      return roleSession ? List.of(event.issuerArn(), deployed) : List.of(deployed);
    }
    return roleSession ? List.of(event.issuerArn()) : List.of();
  }

  @Override
  public State newState(String key) {
    return new State(key);
  }

  @Override
  public void accept(State state, TrailEvent event, Consumer<Detection> out) {
    if (!event.issuerArn().equals(state.principal)) {
      state.deployments.add(event.time()); // one of the role's functions was deployed
      if (state.deployments.size() > 100) {
        state.deployments.remove(0);
      }
      return;
    }
    if (state.firstSeen == Long.MIN_VALUE) {
      state.firstSeen = event.time();
    }
    String action = Calls.action(event);
    String resource = Calls.resource(event);
    String call = action + " " + resource;
    state.firstCall.putIfAbsent(call, event.time());
    state.usedByLambda |= event.fromLambda();
    boolean outside = !event.fromLambda();
    Series series =
        state.series.computeIfAbsent(
            (outside ? "outside " : "lambda ") + call, k -> new Series(action, resource, outside));
    if (series.open == null) {
      series.open = new Occurrence();
      series.open.function = event.sessionName().orElse("");
      series.origin = Calls.origin(event);
    }
    series.open.sample.add(event);
    state.nextWake = Math.min(state.nextWake, event.time() + gap + 1);
    if (!event.accessKeyId().isEmpty() && series.open.keys.size() < 100) {
      series.open.keys.add(event.accessKeyId());
    }
  }

  @Override
  public long advance(State state, long time, Consumer<Detection> out) {
    if (time < state.nextWake) {
      return state.nextWake; // nothing can close before then
    }
    long wake = NEVER;
    List<Ended> ends = new ArrayList<>();
    for (Iterator<Series> it = state.series.values().iterator(); it.hasNext(); ) {
      Series series = it.next();
      if (series.open != null && series.open.sample.end + gap < time) {
        Occurrence occurrence = series.open;
        series.open = null;
        add(series, occurrence, ends);
      }
      // a run waits for an occurrence under way: it may be the next beat
      if (series.open == null && !series.run.isEmpty() && expiry(series) < time) {
        end(series, expiry(series), ends);
      }
      if (series.open == null && series.run.isEmpty()) {
        it.remove();
      } else if (series.open != null) {
        wake = Math.min(wake, series.open.sample.end + gap + 1);
      } else {
        wake = Math.min(wake, expiry(series) + 1);
      }
    }
    ends.sort(
        Comparator.comparingLong((Ended e) -> e.at)
            .thenComparing(e -> e.action)
            .thenComparing(e -> e.resource)
            .thenComparing(e -> e.outside));
    for (Ended ended : ends) {
      join(state, ended);
    }
    release(state, time, out);
    for (Group group : state.groups) {
      wake = Math.min(wake, group.ready + 1);
    }
    state.nextWake = wake;
    return wake;
  }

  @Override
  public boolean idle(State state) {
    return state.series.isEmpty()
        && state.groups.isEmpty()
        && state.firstCall.isEmpty()
        && state.deployments.isEmpty();
  }

  /** When a run is over if no occurrence comes: a period and its tolerance after the last. */
  private long expiry(Series series) {
    long period = series.run.size() < 2 ? maxPeriod : series.period;
    return series.last().sample.start + (long) (period * (1 + tolerance)) + gap;
  }

  private void add(Series series, Occurrence occurrence, List<Ended> ends) {
    if (occurrence.sample.count > maxBurst) {
      if (!series.run.isEmpty()) {
        end(series, occurrence.sample.start, ends);
      }
      return; // a busy call, not a replayed burst
    }
    if (series.run.isEmpty()) {
      series.run.add(occurrence);
      return;
    }
    long interval = occurrence.sample.start - series.last().sample.start;
    boolean fits =
        series.run.size() == 1
            ? interval > gap && interval <= maxPeriod
            : Math.abs(interval - series.period) <= tolerance * series.period;
    if (!fits) {
      end(series, occurrence.sample.start, ends);
      series.run.add(occurrence);
      return;
    }
    long first = series.run.get(0).sample.start;
    series.run.add(occurrence);
    series.period = (occurrence.sample.start - first) / (series.run.size() - 1);
    if (series.run.size() > MAX_RUN) {
      series.run.remove(1); // the first stays for the span; memory stays bounded
    }
  }

  /** Ends a series' run at {@code at}; a run long enough goes to {@code ends}. */
  private void end(Series series, long at, List<Ended> ends) {
    List<Occurrence> run = new ArrayList<>(series.run);
    series.run.clear();
    if (run.size() < minRepeats) {
      return;
    }
    Occurrence first = run.get(0);
    Occurrence last = run.get(run.size() - 1);
    Ended ended = new Ended();
    ended.action = series.action;
    ended.resource = series.resource;
    ended.outside = series.outside;
    ended.origin = series.origin;
    ended.period = series.period;
    ended.repeats = run.size();
    ended.firstStart = first.sample.start;
    ended.lastEnd = last.sample.end;
    ended.firstCount = first.sample.count;
    ended.at = at;
    for (Occurrence occurrence : run) {
      ended.sample.addAll(occurrence.sample);
      ended.keys.addAll(occurrence.keys);
      if (!occurrence.function.isEmpty()) {
        ended.functions.add(occurrence.function);
      }
    }
    ends.add(ended);
  }

  /**
   * Puts an ended run with the runs that kept its beat — the same origin, period and first burst —
   * if their group is still open when the run ended; a group closes at a fixed time after its first
   * run ended, so that which runs are grouped depends on the events alone.
   */
  private void join(State state, Ended ended) {
    for (Group group : state.groups) {
      Ended lead = group.members.get(0);
      if (ended.at < group.ready
          && lead.outside == ended.outside
          && Math.abs(lead.period - ended.period) <= tolerance * lead.period
          && Math.abs(lead.firstStart - ended.firstStart) <= gap) {
        group.members.add(ended);
        return;
      }
    }
    Group group = new Group();
    group.members.add(ended);
    group.ready = ended.at + 2 * gap + (long) (tolerance * ended.period);
    state.groups.add(group);
  }

  /** Reports the groups whose time to gather has passed. */
  private void release(State state, long time, Consumer<Detection> out) {
    for (Iterator<Group> it = state.groups.iterator(); it.hasNext(); ) {
      Group group = it.next();
      if (group.ready < time) {
        it.remove();
        report(state, group.members, out);
      }
    }
  }

  private void report(State state, List<Ended> group, Consumer<Detection> out) {
    Ended lead = group.get(0);
    long burst = 0;
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int repeats = 0;
    TreeSet<String> actions = new TreeSet<>();
    TreeSet<String> resources = new TreeSet<>();
    TreeSet<String> keys = new TreeSet<>();
    TreeSet<String> functions = new TreeSet<>();
    Sample sample = new Sample();
    List<String> fresh = new ArrayList<>();
    for (Ended ended : group) {
      burst += ended.firstCount;
      start = Math.min(start, ended.firstStart);
      end = Math.max(end, ended.lastEnd);
      repeats = Math.max(repeats, ended.repeats);
      actions.add(ended.action);
      resources.add(ended.resource);
      keys.addAll(ended.keys);
      functions.addAll(ended.functions);
      sample.addAll(ended.sample);
      long firstCall = state.firstCall.getOrDefault(ended.action + " " + ended.resource, 0L);
      if (firstCall >= ended.firstStart - gap && state.firstSeen < ended.firstStart - gap) {
        fresh.add(ended.action + " " + ended.resource);
      }
    }
    if (burst > maxBurst || end - start < minSpan) {
      return;
    }
    List<String> whyNotBenign = new ArrayList<>();
    Severity severity;
    if (lead.outside) {
      if (!state.usedByLambda) {
        return; // a periodic job outside Lambda of a role no function uses: a cron job
      }
      severity = Severity.CRITICAL;
      whyNotBenign.add(
          "the calls come from "
              + lead.origin
              + ", outside Lambda, with the credentials of a role Lambda functions use — a"
              + " scheduled function's calls come from inside Lambda");
    } else {
      if (fresh.isEmpty()) {
        return; // a scheduled function repeating what it always did
      }
      for (long deployed : state.deployments) {
        if (deployed <= start && start - deployed <= afterDeploy) {
          return; // new code, deployed just before, running on its schedule
        }
      }
      severity = Severity.HIGH;
      whyNotBenign.add(
          "a scheduled function repeats what it always did; the role had never made these calls"
              + " before the repetition began: "
              + String.join(", ", fresh));
      whyNotBenign.add(
          "no deployment of the role's functions in the "
              + Calls.duration(afterDeploy)
              + " before it began: not new code on a schedule");
    }
    if (keys.size() > 1 && lead.outside) {
      whyNotBenign.add(
          "each replay uses other temporary credentials ("
              + keys.size()
              + " access keys): the attack is replayed against fresh execution environments");
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put(
        "summary",
        "the same "
            + burst
            + (burst == 1 ? " call (" : " calls (")
            + String.join(", ", actions)
            + ") replayed every "
            + Calls.duration(lead.period)
            + ", "
            + repeats
            + " times over "
            + Calls.duration(end - start)
            + ", from "
            + lead.origin);
    evidence.put("period", Calls.duration(lead.period));
    evidence.put("periodSeconds", lead.period / 1000);
    evidence.put("repeats", repeats);
    evidence.put("burstSize", burst);
    evidence.put("span", Calls.duration(end - start));
    evidence.put("origin", lead.origin);
    evidence.put("actions", List.copyOf(actions));
    evidence.put("resources", List.copyOf(resources));
    evidence.put("accessKeys", keys.size());
    evidence.put("whyNotBenign", whyNotBenign);
    out.accept(
        new Detection(
            type(),
            state.principal,
            functions.size() == 1 ? functions.first() : null,
            start,
            end,
            severity,
            evidence,
            sample.ids(),
            sample.count));
  }
}
