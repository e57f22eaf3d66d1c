package dev.warden.cli;

import dev.warden.inventory.SourceLocation;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailProblem;
import dev.warden.logs.detect.AnalysisEngine;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.detect.Detectors;
import dev.warden.logs.detect.Thresholds;
import dev.warden.logs.detect.TrailAnalysis;
import dev.warden.report.sarif.SarifWriter;
import dev.warden.rules.AttackFindings;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
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
final class LogsAnalyzeCommand implements Callable<Integer> {

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

  @Mixin LogsCommand.Filters filters = new LogsCommand.Filters();

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
    List<TrailInput> inputs = LogsCommand.inputs(logs);
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
              LogsCommand.progress(Main.stderr(), started));
    } catch (IllegalArgumentException e) {
      throw new UsageProblem("--engine " + engine + ": " + e.getMessage());
    }
    LogsCommand.report(Main.stderr(), result.read(), started);
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
