package dev.warden.cli;

import dev.warden.inventory.SourceLocation;
import dev.warden.logs.EventActions;
import dev.warden.logs.EventCounts;
import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailEvent;
import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailProblem;
import dev.warden.logs.TrailScan;
import dev.warden.logs.detect.AnalysisEngine;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.detect.Detectors;
import dev.warden.logs.detect.Thresholds;
import dev.warden.logs.detect.TrailAnalysis;
import dev.warden.logs.simulate.Label;
import dev.warden.logs.simulate.TrailSimulator;
import dev.warden.report.sarif.SarifWriter;
import dev.warden.rules.AttackFindings;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
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
      LogsCommand.Analyze.class,
      LogsCommand.Usage.class,
      LogsCommand.Stats.class,
      LogsCommand.Simulate.class,
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

  @Command(
      name = "analyze",
      description = {
        "Find attacks in audit logs: groundhog-day (a short attack replayed at a regular period"
            + " with a function's role), credential-exfiltration (a function's temporary"
            + " credentials used outside Lambda), privilege-escalation, recon, new-api (actions a"
            + " principal never used in its baseline) and denial-of-wallet (invocation floods)."
            + " Events are put back in time order behind a watermark (--threshold lateness=15m);"
            + " later ones are counted and left out. Each detection says why it is not the benign"
            + " look-alike of its pattern.",
        "",
        "Thresholds (--threshold NAME=VALUE; the reasons are in docs/detections.md):"
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  warden logs analyze trail/",
        "  warden logs analyze --format sarif -o attacks.sarif trail/",
        "  warden logs analyze --threshold groundhog-day.min-repeats=4 --since 2026-11-01 trail/"
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:done (no detection at or above --fail-on)",
        "1:a detection at or above --fail-on",
        "2:usage error",
        "3:no input could be read"
      },
      mixinStandardHelpOptions = true)
  static final class Analyze implements Callable<Integer> {

    enum AnalyzeFormat {
      JSONL,
      JSON,
      SARIF
    }

    @Parameters(
        arity = "1..*",
        paramLabel = "LOGS",
        description = "Files, folders, or - for standard input.")
    List<String> logs;

    @Option(
        names = {"-f", "--format"},
        paramLabel = "FORMAT",
        defaultValue = "jsonl",
        description =
            "jsonl (one detection per line, ordered by start), json (detections and a summary)"
                + " or sarif.")
    AnalyzeFormat format;

    @Option(
        names = "--threshold",
        paramLabel = "NAME=VALUE",
        description = "Change a threshold (repeatable); see the list above.")
    Map<String, String> thresholds = new LinkedHashMap<>();

    @Option(
        names = "--fail-on",
        paramLabel = "SEVERITY",
        description = "Exit with 1 when a detection is this severe or worse.")
    String failOn;

    @Option(
        names = "--engine",
        paramLabel = "ENGINE",
        defaultValue = "local",
        description =
            "local (all cores of this machine) or flink (the warden-flink job on an embedded"
                + " local Flink environment; the same detections) (default: ${DEFAULT-VALUE}).")
    String engine;

    @Mixin Filters filters = new Filters();

    @Mixin OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws Exception {
      Thresholds chosen = thresholds(thresholds);
      AnalysisEngine chosenEngine =
          AnalysisEngine.named(engine)
              .orElseThrow(
                  () ->
                      new UsageProblem(
                          engine.equals("flink")
                              ? "the flink engine is not on the class path: run through ./warden,"
                                  + " which builds warden-flink and adds it for --engine flink"
                              : "--engine takes local or flink, not '" + engine + "'"));
      java.util.Optional<Severity> failAt = java.util.Optional.empty();
      if (failOn != null) {
        failAt = Severity.parse(failOn);
        if (failAt.isEmpty()) {
          throw new UsageProblem(
              "--fail-on takes critical, high, medium, low or info, not '" + failOn + "'");
        }
      }
      List<TrailInput> inputs = inputs(logs);
      output.checkNotAnInput();
      long started = System.nanoTime();
      TrailAnalysis.Result result;
      try {
        result =
            chosenEngine.run(
                inputs,
                filters.threads(),
                filters.predicate(),
                chosen,
                false,
                progress(Main.stderr(), started));
      } catch (IllegalArgumentException e) {
        throw new UsageProblem("--engine " + engine + ": " + e.getMessage());
      }
      report(Main.stderr(), result.read(), started);
      if (result.late() > 0) {
        Main.stderr()
            .printf(
                "%,d events came more than %s behind the newest and were left out of detection"
                    + " (raise --threshold lateness)%n",
                result.late(), chosen.values().get("lateness"));
      }
      List<Detection> detections = result.detections();
      switch (format) {
        case JSONL ->
            output.write(
                Main.stdout(),
                out -> {
                  for (Detection detection : detections) {
                    out.write(JSON_LINE.writeValueAsString(detection.toJson()));
                    out.write('\n');
                  }
                });
        case JSON -> output.writeJson(Main.stdout(), document(result, chosen));
        case SARIF -> {
          SourceLocation at = SourceLocation.ofFile(String.join(",", logs));
          List<Finding> findings = new ArrayList<>();
          for (Detection detection : detections) {
            findings.add(AttackFindings.finding(detection, at));
          }
          Map<String, Object> properties = new LinkedHashMap<>();
          properties.put("summary", summary(result));
          output.write(
              Main.stdout(),
              out -> new SarifWriter().write(AttackFindings.rules(), findings, properties, out));
        }
      }
      if (result.read().events() == 0 && result.read().problemCount() > 0) {
        return ExitCodes.INPUT;
      }
      java.util.Optional<Severity> threshold = failAt;
      boolean alarming =
          threshold.isPresent()
              && detections.stream().anyMatch(d -> d.severity().isAtLeast(threshold.get()));
      return alarming ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_LINE =
        new com.fasterxml.jackson.databind.ObjectMapper();

    /** Adds every threshold, its default and its reason, to the command's description. */
    static void describeThresholds(CommandLine analyze) {
      List<String> lines =
          new ArrayList<>(List.of(analyze.getCommandSpec().usageMessage().description()));
      for (Thresholds.Definition definition : Thresholds.DEFINITIONS) {
        lines.add(
            "  "
                + definition.name()
                + "="
                + definition.defaultValue()
                + "  "
                + definition.reason().replace("%", "%%"));
      }
      analyze.getCommandSpec().usageMessage().description(lines.toArray(String[]::new));
    }

    static Thresholds thresholds(Map<String, String> given) {
      Thresholds chosen = Thresholds.defaults();
      for (Map.Entry<String, String> entry : given.entrySet()) {
        try {
          chosen = chosen.with(entry.getKey(), entry.getValue());
        } catch (IllegalArgumentException e) {
          throw new UsageProblem("--threshold: " + e.getMessage());
        }
      }
      return chosen;
    }

    private static Map<String, Object> summary(TrailAnalysis.Result result) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("inputs", result.read().files());
      summary.put("events", result.read().events());
      summary.put("lateEvents", result.late());
      summary.put("duplicates", result.read().duplicates());
      summary.put("outsideFilters", result.read().skipped());
      summary.put("unreadable", result.read().problemCount());
      Map<String, Long> byType = new LinkedHashMap<>();
      for (String type : Detectors.types()) {
        byType.put(type, result.detections().stream().filter(d -> d.type().equals(type)).count());
      }
      summary.put("detections", byType);
      return summary;
    }

    private static Map<String, Object> document(TrailAnalysis.Result result, Thresholds chosen) {
      Map<String, Object> json = new LinkedHashMap<>();
      List<Object> detections = new ArrayList<>();
      result.detections().forEach(d -> detections.add(d.toJson()));
      json.put("detections", detections);
      json.put("summary", summary(result));
      List<Object> problems = new ArrayList<>();
      for (TrailProblem problem : result.read().problems()) {
        problems.add(problem.toString());
      }
      json.put("problems", problems);
      json.put("thresholds", chosen.values());
      return json;
    }
  }

  @Command(
      name = "simulate",
      description = {
        "Write the CloudTrail of a simulated account — many functions with their normal"
            + " traffic, the benign look-alikes of every attack, and labelled attacks of every"
            + " kind `warden logs analyze` finds — to try Warden on, and to measure it. The same"
            + " seed writes the same bytes. The labels go to PATH.labels.json, beside the logs."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  warden logs simulate --out /tmp/trail && warden logs analyze /tmp/trail",
        "  warden logs simulate --functions 2000 --days 1 --format jsonl --out big.jsonl"
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:written", "2:usage error (the output exists)"},
      mixinStandardHelpOptions = true)
  static final class Simulate implements Callable<Integer> {

    enum SimulateFormat {
      CLOUDTRAIL,
      JSONL
    }

    @Option(
        names = "--out",
        required = true,
        paramLabel = "PATH",
        description =
            "A new folder (cloudtrail) or file (jsonl), or - for standard output (jsonl);"
                + " never overwritten.")
    java.nio.file.Path out;

    @Option(
        names = {"-f", "--format"},
        paramLabel = "FORMAT",
        defaultValue = "cloudtrail",
        description =
            "cloudtrail (gzipped Records files laid out as in S3) or jsonl (one file, JSON Lines)"
                + " (default: ${DEFAULT-VALUE}).")
    SimulateFormat format;

    @Option(names = "--seed", defaultValue = "7", description = "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--functions",
        defaultValue = "24",
        description = "Functions in the account (default: ${DEFAULT-VALUE}).")
    int functions;

    @Option(
        names = "--days",
        defaultValue = "3",
        description = "Days from 2026-11-02; attacks need 3 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
        names = "--invocations-per-hour",
        defaultValue = "40",
        description = "Average invocations of a function per hour (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--no-attacks", description = "Only normal traffic and look-alikes.")
    boolean noAttacks;

    @Option(
        names = "--records-per-file",
        defaultValue = "5000",
        description = "Records per cloudtrail file (default: ${DEFAULT-VALUE}).")
    int perFile;

    @Override
    public Integer call() throws Exception {
      boolean toStdout = out.toString().equals("-");
      if (toStdout && format != SimulateFormat.JSONL) {
        throw new UsageProblem("--out - (standard output) goes with --format jsonl");
      }
      if (!toStdout && java.nio.file.Files.exists(out)) {
        throw new UsageProblem(out + " exists: give a new path (simulate never overwrites)");
      }
      if (functions < 1 || days < 1 || rate < 0 || perFile < 1) {
        throw new UsageProblem(
            "--functions, --days and --records-per-file take positive numbers,"
                + " --invocations-per-hour zero or more");
      }
      TrailSimulator simulator =
          new TrailSimulator(new TrailSimulator.Settings(seed, functions, days, rate, !noAttacks));
      java.nio.file.Path labels;
      if (toStdout) {
        java.io.OutputStream stream = new java.io.BufferedOutputStream(Main.stdout(), 1 << 16);
        simulator.writeJsonLines(stream);
        stream.flush();
        Main.stderr()
            .printf(
                "wrote %,d records to standard output (%d labelled attacks)%n",
                simulator.written(), simulator.labels().size());
        return ExitCodes.OK;
      }
      if (format == SimulateFormat.JSONL) {
        try (java.io.OutputStream stream =
            new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(out), 1 << 16)) {
          simulator.writeJsonLines(stream);
        }
        labels = out.resolveSibling(out.getFileName() + ".labels.json");
      } else {
        simulator.writeTrail(out, perFile);
        labels = out.resolveSibling(out.getFileName() + ".labels.json"); // not among the logs
      }
      List<Object> list = new ArrayList<>();
      for (Label label : simulator.labels()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", label.scenario());
        json.put("types", label.types());
        json.put("principal", label.principal());
        json.put("function", label.function());
        json.put("start", java.time.Instant.ofEpochMilli(label.start()).toString());
        json.put("end", java.time.Instant.ofEpochMilli(label.end()).toString());
        list.add(json);
      }
      JSON_LABELS.writerWithDefaultPrettyPrinter().writeValue(labels.toFile(), list);
      Main.stderr()
          .printf(
              "wrote %,d records to %s and %d labelled attacks to %s%n",
              simulator.written(), out, list.size(), labels);
      return ExitCodes.OK;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_LABELS =
        new com.fasterxml.jackson.databind.ObjectMapper();
  }

  /**
   * What each principal and function used in the logs ({@code --trail} of scan and policy), read on
   * all cores; what was read and skipped is said on standard error.
   */
  static PermissionUsage usage(List<String> logs) throws Exception {
    List<TrailInput> inputs;
    try {
      inputs = TrailInput.of(logs);
    } catch (NoSuchFileException e) {
      throw new UsageProblem("--trail: no such file or folder: " + e.getFile());
    }
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
    try {
      return TrailInput.of(logs);
    } catch (NoSuchFileException e) {
      throw new UsageProblem("no such file or folder: " + e.getFile());
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
