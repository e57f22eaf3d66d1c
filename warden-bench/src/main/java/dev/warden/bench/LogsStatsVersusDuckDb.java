package dev.warden.bench;

import dev.warden.logs.EventCounts;
import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailScan;
import dev.warden.logs.simulate.TrailSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code warden logs stats --by principal,eventSource,eventName} side by side with DuckDB doing the
 * same GROUP BY on the same gzipped CloudTrail files — its fastest formulation (each file read
 * whole with {@code read_json_objects}, converted with {@code json_transform}) and the obvious
 * typed {@code read_json} — and with jq, in the same run. Each is run three times; the best and the
 * median time are printed, and the counts of every engine are checked equal to Warden's.
 *
 * <pre>
 * java -cp warden-bench/target/benchmarks.jar dev.warden.bench.LogsStatsVersusDuckDb \
 *     --generate 400 /tmp/bench-trail 2
 * </pre>
 *
 * {@code --generate F} first writes a simulated account of F functions for one day (about 2,900
 * events per function) into the folder; the last argument is the number of threads (default: all
 * cores).
 */
public final class LogsStatsVersusDuckDb {

  private static final String PRINCIPAL =
      "coalesce(r.userIdentity.sessionContext.sessionIssuer.arn, r.userIdentity.arn,"
          + " r.userIdentity.invokedBy, '-')";

  private LogsStatsVersusDuckDb() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    int functions = 0;
    if (!rest.isEmpty() && rest.get(0).equals("--generate")) {
      functions = Integer.parseInt(rest.get(1));
      rest = rest.subList(2, rest.size());
    }
    Path folder = Path.of(rest.get(0));
    int threads =
        rest.size() > 1
            ? Integer.parseInt(rest.get(1))
            : Runtime.getRuntime().availableProcessors();
    if (functions > 0) {
      long started = System.nanoTime();
      TrailSimulator simulator =
          new TrailSimulator(new TrailSimulator.Settings(7, functions, 1, 40, false));
      simulator.writeTrail(folder, 10_000);
      System.out.printf("generated %,d events in %.1f s%n", simulator.written(), seconds(started));
    }
    List<TrailInput> inputs = TrailInput.of(List.of(folder.toString()));
    long bytes = 0;
    for (TrailInput input : inputs) {
      bytes += Files.size(input.path());
    }
    System.out.printf(
        "%d files, %,.1f MB gzipped, %d threads%n", inputs.size(), bytes / 1e6, threads);

    Map<String, Long> warden = null;
    List<Double> wardenTimes = new ArrayList<>();
    long events = 0;
    for (int run = 0; run < 3; run++) {
      long started = System.nanoTime();
      TrailScan.Result<EventCounts> result =
          TrailScan.run(
              inputs,
              threads,
              TrailFilter.all(),
              () ->
                  new EventCounts(
                      List.of(
                          EventCounts.Key.PRINCIPAL,
                          EventCounts.Key.EVENT_SOURCE,
                          EventCounts.Key.EVENT_NAME)),
              EventCounts::add,
              EventCounts::merge,
              TrailScan.Progress.NONE);
      wardenTimes.add(seconds(started));
      events = result.events() + result.duplicates();
      warden = new TreeMap<>();
      for (EventCounts.Row row : result.value().rows()) {
        warden.put(String.join("\t", row.values()), row.count());
      }
    }
    report("warden logs stats", wardenTimes, events);

    String glob = folder.toAbsolutePath() + "/**/*.json.gz";
    String fastest =
        "SELECT "
            + PRINCIPAL
            + " AS p, r.eventSource AS s, r.eventName AS n, count(*) AS c FROM (SELECT"
            + " unnest(json_transform(json, '{\"Records\": [{\"eventSource\": \"VARCHAR\","
            + " \"eventName\": \"VARCHAR\", \"userIdentity\": {\"arn\": \"VARCHAR\", \"invokedBy\":"
            + " \"VARCHAR\", \"sessionContext\": {\"sessionIssuer\": {\"arn\": \"VARCHAR\"}}}}]}')"
            + ".Records) AS r FROM read_json_objects('"
            + glob
            + "', format = 'auto', maximum_object_size = 1073741824)) GROUP BY ALL";
    String typed =
        "SELECT "
            + PRINCIPAL
            + " AS p, r.eventSource AS s, r.eventName AS n, count(*) AS c FROM (SELECT"
            + " unnest(Records) AS r FROM read_json('"
            + glob
            + "', maximum_object_size = 1073741824)) GROUP BY ALL";
    for (String[] formulation :
        new String[][] {
          {"DuckDB read_json_objects + json_transform", fastest},
          {"DuckDB read_json (typed, schema detected)", typed}
        }) {
      try {
        duckdb(formulation[0], formulation[1], threads, warden, events);
      } catch (SQLException e) {
        String message =
            e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        System.out.printf("%-45s failed: %s%n", formulation[0], message);
      }
    }
    jq(folder, warden, events);
  }

  private static void duckdb(
      String name, String query, int threads, Map<String, Long> expected, long events)
      throws SQLException {
    List<Double> times = new ArrayList<>();
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      for (int run = 0; run < 3; run++) {
        counts.clear();
        long started = System.nanoTime();
        try (ResultSet rows = statement.executeQuery(query)) {
          while (rows.next()) {
            counts.put(
                rows.getString(1) + "\t" + rows.getString(2) + "\t" + rows.getString(3),
                rows.getLong(4));
          }
        }
        times.add(seconds(started));
      }
    }
    report(name, times, events);
    System.out.println("  same counts as Warden: " + counts.equals(expected));
  }

  private static void jq(Path folder, Map<String, Long> expected, long events)
      throws IOException, InterruptedException {
    String script =
        "find '"
            + folder.toAbsolutePath()
            + "' -name '*.json.gz' -print0 | xargs -0 zcat | jq -r '.Records[] |"
            + " [(.userIdentity.sessionContext.sessionIssuer.arn // .userIdentity.arn //"
            + " .userIdentity.invokedBy // \"-\"), .eventSource, .eventName] | @tsv' | sort |"
            + " uniq -c";
    long started = System.nanoTime();
    Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      System.out.println("jq: not run (" + out.strip() + ")");
      return;
    }
    double time = seconds(started);
    Map<String, Long> counts = new TreeMap<>();
    for (String line : out.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int space = trimmed.indexOf(' ');
      counts.put(trimmed.substring(space + 1), Long.parseLong(trimmed.substring(0, space)));
    }
    report("jq (one process) | sort | uniq -c", List.of(time), events);
    System.out.println("  same counts as Warden: " + counts.equals(expected));
  }

  private static void report(String name, List<Double> times, long events) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    double best = sorted.get(0);
    double median = sorted.get(sorted.size() / 2);
    System.out.printf(
        "%-45s best %6.2f s (%,9.0f events/s)  median %6.2f s (%,9.0f events/s)%n",
        name, best, events / best, median, events / median);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
