package dev.warden.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each principal really used: per principal — and, for a Lambda execution role, per function
 * (the role session's name, when the call came from inside Lambda) — every (action, resource) pair
 * with its count and first and last time, and the calls that were denied (they show missing
 * permissions). Events whose action is unknown are counted apart, never guessed. One instance per
 * reading thread, merged at the end; memory grows with principals × pairs, not with events (S3
 * objects are kept as their bucket's {@code /*}: objects are countless).
 */
public final class PermissionUsage implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** Error codes by which services say the caller lacked the permission. */
  static final Set<String> DENIED =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "Client.UnauthorizedOperation",
          "UnauthorizedOperation",
          "AuthorizationError",
          "UnauthorizedAccess");

  /** A pair's uses. */
  public static final class Use implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    long count;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    /** How many times the pair was used. */
    public long count() {
      return count;
    }

    /** The first use, milliseconds since the epoch. */
    public long first() {
      return first;
    }

    /** The last use. */
    public long last() {
      return last;
    }

    void add(long time) {
      count++;
      first = Math.min(first, time);
      last = Math.max(last, time);
    }

    void merge(Use other) {
      count += other.count;
      first = Math.min(first, other.first);
      last = Math.max(last, other.last);
    }
  }

  /** One principal's uses, denials and functions. */
  static final class Principal implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    final Map<String, Use> used = new HashMap<>(); // action \t resource
    final Map<String, long[]> denied = new HashMap<>(); // action \t resource \t error
    final Map<String, Map<String, Use>> functions = new HashMap<>();
  }

  /** Not serialized: a copy maps events with the bundled catalog. */
  private transient @org.jspecify.annotations.Nullable EventActions actions;

  private final Map<String, Principal> principals = new HashMap<>();
  private final Map<String, long[]> unknown = new HashMap<>();
  private long from = Long.MAX_VALUE;
  private long to = Long.MIN_VALUE;

  public PermissionUsage(EventActions actions) {
    this.actions = actions;
  }

  public void add(TrailEvent event) {
    from = Math.min(from, event.time());
    to = Math.max(to, event.time());
    if (actions == null) {
      actions = EventActions.bundled();
    }
    EventActions.Mapping mapping = actions.of(event.source(), event.name());
    if (!mapping.known()) {
      unknown.computeIfAbsent(event.source() + "\t" + event.name(), k -> new long[1])[0]++;
      return;
    }
    Principal principal = principals.computeIfAbsent(event.principal(), p -> new Principal());
    List<String> resources = new ArrayList<>(2);
    for (String resource : EventResources.of(event)) {
      String bounded = EventResources.objectsAsPrefix(resource);
      if (!resources.contains(bounded)) {
        resources.add(bounded);
      }
    }
    boolean denied = DENIED.contains(event.errorCode());
    String function =
        event.userAgent().contains("exec-env/AWS_Lambda") ? event.sessionName().orElse("") : "";
    for (String action : mapping.actions()) {
      for (String resource : resources) {
        String pair = action + "\t" + resource;
        if (denied) {
          principal.denied.computeIfAbsent(pair + "\t" + event.errorCode(), k -> new long[1])[0]++;
          continue;
        }
        principal.used.computeIfAbsent(pair, k -> new Use()).add(event.time());
        if (!function.isEmpty()) {
          principal
              .functions
              .computeIfAbsent(function, f -> new HashMap<>())
              .computeIfAbsent(pair, k -> new Use())
              .add(event.time());
        }
      }
    }
  }

  /** This usage with {@code other}'s added. */
  public PermissionUsage merge(PermissionUsage other) {
    from = Math.min(from, other.from);
    to = Math.max(to, other.to);
    other.unknown.forEach((k, v) -> unknown.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    other.principals.forEach(
        (arn, theirs) -> {
          Principal ours = principals.computeIfAbsent(arn, p -> new Principal());
          theirs.used.forEach((k, v) -> ours.used.computeIfAbsent(k, x -> new Use()).merge(v));
          theirs.denied.forEach(
              (k, v) -> ours.denied.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
          theirs.functions.forEach(
              (name, uses) -> {
                Map<String, Use> mine = ours.functions.computeIfAbsent(name, n -> new HashMap<>());
                uses.forEach((k, v) -> mine.computeIfAbsent(k, x -> new Use()).merge(v));
              });
        });
    return this;
  }

  /** The time the logs cover: their first and last event. */
  public record Window(Instant from, Instant to) {}

  /** The first and last event time read, when any was. */
  public java.util.Optional<Window> window() {
    return from == Long.MAX_VALUE
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Window(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)));
  }

  /**
   * The actions the function was seen using from inside Lambda: the functions whose session name is
   * {@code name}, or — for names CloudFormation generated — contains {@code -<logicalId>-}.
   */
  public Set<String> actionsOfFunction(String name, String logicalId) {
    Set<String> actions = new java.util.TreeSet<>();
    usesOfFunction(name, logicalId)
        .keySet()
        .forEach(pair -> actions.add(pair.substring(0, pair.indexOf('\t'))));
    return actions;
  }

  /**
   * What the function was seen using from inside Lambda (sessions named as in {@link
   * #actionsOfFunction}), by {@code action \t resource}, in name order.
   */
  public Map<String, Use> usesOfFunction(String name, String logicalId) {
    Map<String, Use> found = new TreeMap<>();
    for (Principal principal : principals.values()) {
      principal.functions.forEach(
          (session, uses) -> {
            if (session.equals(name) || session.contains("-" + logicalId + "-")) {
              uses.forEach((pair, use) -> found.computeIfAbsent(pair, p -> new Use()).merge(use));
            }
          });
    }
    return found;
  }

  /** True when the logs hold any call from inside Lambda by a session of this function. */
  public boolean sawFunction(String name, String logicalId) {
    for (Principal principal : principals.values()) {
      for (String session : principal.functions.keySet()) {
        if (session.equals(name) || session.contains("-" + logicalId + "-")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code {"window", "principals": [{"arn", "used", "denied", "functions"}], "unknown"}}, every
   * list in a fixed order (principals by ARN, pairs by count then name).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("from", from == Long.MAX_VALUE ? null : Instant.ofEpochMilli(from).toString());
    window.put("to", to == Long.MIN_VALUE ? null : Instant.ofEpochMilli(to).toString());
    json.put("window", window);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map.Entry<String, Principal> entry : new TreeMap<>(principals).entrySet()) {
      Principal principal = entry.getValue();
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("arn", entry.getKey());
      one.put("used", uses(principal.used));
      one.put("denied", counted(principal.denied, "action", "resource", "errorCode"));
      List<Map<String, Object>> functions = new ArrayList<>();
      for (Map.Entry<String, Map<String, Use>> f : new TreeMap<>(principal.functions).entrySet()) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", f.getKey());
        function.put("used", uses(f.getValue()));
        functions.add(function);
      }
      one.put("functions", functions);
      list.add(one);
    }
    json.put("principals", list);
    json.put("unknown", counted(unknown, "eventSource", "eventName"));
    return json;
  }

  /** Counted keys as rows, the most frequent first: the key's tab-separated parts named. */
  private static List<Map<String, Object>> counted(Map<String, long[]> counts, String... names) {
    List<Map<String, Object>> rows = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey))
        .forEach(
            e -> {
              String[] parts = e.getKey().split("\t", -1);
              Map<String, Object> row = new LinkedHashMap<>();
              for (int i = 0; i < names.length; i++) {
                row.put(names[i], parts[i]);
              }
              row.put("count", e.getValue()[0]);
              rows.add(row);
            });
    return rows;
  }

  private static List<Map<String, Object>> uses(Map<String, Use> uses) {
    List<Map<String, Object>> list = new ArrayList<>();
    uses.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, Use> e) -> -e.getValue().count)
                .thenComparing(Map.Entry::getKey))
        .forEach(
            e -> {
              String[] parts = e.getKey().split("\t", -1);
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("action", parts[0]);
              row.put("resource", parts[1]);
              row.put("count", e.getValue().count);
              row.put("firstSeen", Instant.ofEpochMilli(e.getValue().first).toString());
              row.put("lastSeen", Instant.ofEpochMilli(e.getValue().last).toString());
              list.add(row);
            });
    return list;
  }
}
