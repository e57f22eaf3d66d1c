package dev.warden.cli;

import dev.warden.logs.simulate.Label;
import dev.warden.logs.simulate.TrailSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
final class LogsSimulateCommand implements Callable<Integer> {

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
      description = "Days from 2026-06-01; attacks need 3 (default: ${DEFAULT-VALUE}).")
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
