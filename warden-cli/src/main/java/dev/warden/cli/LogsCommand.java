package dev.warden.cli;

import dev.warden.logs.EventActions;
import dev.warden.logs.EventCounts;
import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailEvent;
import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailProblem;
import dev.warden.logs.TrailScan;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "logs",
    description =
        "Read audit logs (AWS CloudTrail): find attacks, mine what each principal really used,"
            + " count events.",
    subcommands = {
      LogsAnalyzeCommand.class,
      LogsCommand.Usage.class,
      LogsCommand.Stats.class,
      LogsSimulateCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden logs analyze trail/",
      "  warden logs usage --format json trail/",
      "  warden logs stats --by principal,eventName trail/"
    },
    mixinStandardHelpOptions = true)
final class LogsCommand implements Runnable {

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this),
        "Missing a command: try `warden logs analyze LOGS...`, `warden logs usage LOGS...` or"
            + " `warden logs stats LOGS...`.");
  }

  /** Which events to read: a time window, accounts, regions, principals. */
  static final class Filters {
    @Option(
        names = "--since",
        paramLabel = "TIME",
        description = "Only events at or after TIME (ISO 8601).")
    String since;

    @Option(
        names = "--until",
        paramLabel = "TIME",
        description = "Only events before TIME (ISO 8601).")
    String until;

    @Option(
        names = "--account",
        split = ",",
        paramLabel = "ID",
        description = "Only these accounts.")
    List<String> accounts;

    @Option(
        names = "--region",
        split = ",",
        paramLabel = "REGION",
        description = "Only these regions.")
    List<String> regions;

    @Option(
        names = "--principal",
        split = ",",
        paramLabel = "ARN",
        description = "Only these principals (role or user ARN as IAM knows it).")
    List<String> principals;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "Files read at once (default: the number of cores).")
    Integer threads;

    TrailFilter predicate() {
      return new TrailFilter(
          since == null ? Long.MIN_VALUE : instant("--since", since),
          until == null ? Long.MAX_VALUE : instant("--until", until),
          accounts == null ? List.of() : accounts,
          regions == null ? List.of() : regions,
          principals == null ? List.of() : principals);
    }

    int threads() {
      return threads != null && threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    private static long instant(String option, String text) {
      try {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        try {
          return Instant.parse(text + (text.length() == 10 ? "T00:00:00Z" : "")).toEpochMilli();
        } catch (DateTimeParseException again) {
          throw new UsageProblem(
              option
                  + " takes an ISO 8601 time (2026-11-20T10:00:00Z) or a day (2026-11-20), not '"
                  + text
                  + "'");
        }
      }
    }
  }

  @Command(
      name = "stats",
      description = {
        "Count events per combination of keys — the top talkers — over CloudTrail files as"
            + " delivered to S3 (.json.gz with a Records array, or .json), JSON Lines exports"
            + " (gzipped or not), folders of them, or standard input (-). Records that cannot be"
            + " read are skipped and counted, with file and line, on standard error."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  warden logs stats --by principal,eventSource,eventName trail/",
        "  zcat trail/*.json.gz | warden logs stats --by errorCode --format json -"
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:counted", "2:usage error", "3:no input could be read"},
      mixinStandardHelpOptions = true)
  static final class Stats implements Callable<Integer> {

    enum StatsFormat {
      TSV,
      JSON
    }

    @Parameters(
        arity = "1..*",
        paramLabel = "LOGS",
        description = "Files, folders, or - for standard input.")
    List<String> logs;

    @Option(
        names = "--by",
        split = ",",
        paramLabel = "KEY",
        defaultValue = "principal,eventSource,eventName",
        description =
            "Keys to count by: principal, eventSource, eventName, action (the IAM actions that"
                + " authorised the event), account, region, sourceIp, userAgent, errorCode"
                + " (default: ${DEFAULT-VALUE}).")
    List<String> by;

    @Option(
        names = {"-f", "--format"},
        paramLabel = "FORMAT",
        defaultValue = "tsv",
        description = "tsv (no header, the count last) or json (a list of objects).")
    StatsFormat format;

    @Mixin Filters filters = new Filters();

    @Mixin OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws Exception {
      List<EventCounts.Key> keys = new ArrayList<>();
      for (String name : by) {
        keys.add(
            EventCounts.Key.parse(name)
                .orElseThrow(
                    () ->
                        new UsageProblem(
                            "--by takes principal, eventSource, eventName, action, account,"
                                + " region, sourceIp, userAgent or errorCode, not '"
                                + name
                                + "'")));
      }
      TrailScan.Result<EventCounts> result =
          read(
              logs,
              filters,
              output,
              () -> new EventCounts(keys),
              EventCounts::add,
              EventCounts::merge);
      List<EventCounts.Row> rows = result.value().rows();
      if (format == StatsFormat.JSON) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (EventCounts.Row row : rows) {
          Map<String, Object> object = new LinkedHashMap<>();
          for (int i = 0; i < keys.size(); i++) {
            object.put(keys.get(i).wireName(), row.values().get(i));
          }
          object.put("count", row.count());
          list.add(object);
        }
        output.writeJson(Main.stdout(), list);
      } else {
        output.write(
            Main.stdout(),
            out -> {
              StringBuilder line = new StringBuilder();
              for (EventCounts.Row row : rows) {
                line.setLength(0);
                for (String value : row.values()) {
                  line.append(value.replace('\t', ' ').replace('\n', ' ')).append('\t');
                }
                out.write(line.append(row.count()).append('\n').toString());
              }
            });
      }
      boolean nothing = result.events() == 0 && result.problemCount() > 0;
      return nothing ? ExitCodes.INPUT : ExitCodes.OK;
    }
  }

  @Command(
      name = "usage",
      description = {
        "What each principal really used in the logs: every (IAM action, resource) pair with its"
            + " count and first and last time, the calls that were denied, and — for Lambda"
            + " execution roles — the same per function (the role session's name). Events whose"
            + " IAM action is not known are listed apart, never guessed."
      },
      footerHeading = "%nExamples:%n",
      footer = {"  warden logs usage --format json --since 2026-11-01 trail/"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:done", "2:usage error", "3:no input could be read"},
      mixinStandardHelpOptions = true)
  static final class Usage implements Callable<Integer> {

    enum UsageFormat {
      JSON
    }

    @Parameters(
        arity = "1..*",
        paramLabel = "LOGS",
        description = "Files, folders, or - for standard input.")
    List<String> logs;

    @Option(
        names = {"-f", "--format"},
        paramLabel = "FORMAT",
        defaultValue = "json",
        description = "json.")
    UsageFormat format;

    @Mixin Filters filters = new Filters();

    @Mixin OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws Exception {
      TrailScan.Result<PermissionUsage> result =
          read(
              logs,
              filters,
              output,
              () -> new PermissionUsage(EventActions.bundled()),
              PermissionUsage::add,
              PermissionUsage::merge);
      output.writeJson(Main.stdout(), result.value().toJson());
      boolean nothing = result.events() == 0 && result.problemCount() > 0;
      return nothing ? ExitCodes.INPUT : ExitCodes.OK;
    }
  }

  /**
   * What each principal and function used in the logs ({@code --trail} of scan and policy), read on
   * all cores; what was read and skipped is said on standard error.
   */
  static PermissionUsage usage(List<String> logs) throws Exception {
    List<TrailInput> inputs = inputs(logs, "--trail: ");
    long started = System.nanoTime();
    TrailScan.Result<PermissionUsage> result =
        TrailScan.run(
            inputs,
            Runtime.getRuntime().availableProcessors(),
            TrailFilter.all(),
            () -> new PermissionUsage(EventActions.bundled()),
            PermissionUsage::add,
            PermissionUsage::merge,
            TrailScan.Progress.NONE);
    report(Main.stderr(), result, started);
    return result.value();
  }

  /** The inputs the paths name; a missing one is a usage error. */
  static List<TrailInput> inputs(List<String> logs) throws java.io.IOException {
    return inputs(logs, "");
  }

  /** The same, the error message starting with {@code option}'s name. */
  static List<TrailInput> inputs(List<String> logs, String option) throws java.io.IOException {
    try {
      return TrailInput.of(logs);
    } catch (NoSuchFileException e) {
      throw new UsageProblem(option + "no such file or folder: " + e.getFile());
    }
  }

  /**
   * Reads the logs into one accumulator per thread, merged; says on standard error what was read
   * and what was skipped.
   */
  static <A> TrailScan.Result<A> read(
      List<String> logs,
      Filters filters,
      OutputOptions output,
      java.util.function.Supplier<A> accumulator,
      java.util.function.BiConsumer<A, TrailEvent> add,
      java.util.function.BinaryOperator<A> merge)
      throws java.io.IOException, InterruptedException {
    List<TrailInput> inputs = inputs(logs);
    output.checkNotAnInput();
    long started = System.nanoTime();
    TrailScan.Result<A> result =
        TrailScan.run(
            inputs,
            filters.threads(),
            filters.predicate(),
            accumulator,
            add,
            merge,
            progress(Main.stderr(), started));
    report(Main.stderr(), result, started);
    return result;
  }

  /** Files, events and events per second on standard error, on a terminal, once a second. */
  static TrailScan.Progress progress(PrintStream err, long started) {
    if (!Terminal.isInteractive()) {
      return TrailScan.Progress.NONE;
    }
    java.util.concurrent.atomic.AtomicLong last =
        new java.util.concurrent.atomic.AtomicLong(started);
    return (files, total, events) -> {
      long now = System.nanoTime();
      long previous = last.get();
      if (now - previous < 1_000_000_000L || !last.compareAndSet(previous, now)) {
        return;
      }
      double seconds = (now - started) / 1e9;
      synchronized (err) {
        err.printf(
            "\r%d/%d files, %,d events, %,.0f events/s   ", files, total, events, events / seconds);
        err.flush();
      }
    };
  }

  /** What was read and what was skipped, on standard error. */
  static void report(PrintStream err, TrailScan.Result<?> result, long started) {
    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    synchronized (err) {
      if (Terminal.isInteractive()) {
        err.print("\r" + " ".repeat(70) + "\r");
      }
      err.printf(
          "read %,d events from %,d %s in %.1f s (%,.0f events/s)%s%n",
          result.events(),
          result.files(),
          result.files() == 1 ? "input" : "inputs",
          seconds,
          result.events() / seconds,
          (result.skipped() > 0 ? "; " + result.skipped() + " outside the filters" : "")
              + (result.duplicates() > 0
                  ? "; " + result.duplicates() + " duplicates (same eventID) dropped"
                  : ""));
      if (result.problemCount() > 0) {
        err.printf("%,d records or files skipped:%n", result.problemCount());
        for (TrailProblem problem : result.problems()) {
          err.println("  " + problem);
        }
        if (result.problemCount() > result.problems().size()) {
          err.printf("  … and %,d more%n", result.problemCount() - result.problems().size());
        }
      }
      err.flush();
    }
  }
}
