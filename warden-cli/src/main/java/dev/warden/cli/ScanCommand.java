package dev.warden.cli;

import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailScan;
import dev.warden.logs.detect.Thresholds;
import dev.warden.logs.detect.TrailAnalysis;
import dev.warden.report.console.ReportTable;
import dev.warden.report.console.Style;
import dev.warden.report.html.HtmlReportWriter;
import dev.warden.report.json.JsonReportWriter;
import dev.warden.report.sarif.SarifWriter;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.scan.Baseline;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanOptions;
import dev.warden.scan.ScanResult;
import dev.warden.scan.WardenConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "scan",
    description = {
      "Scan serverless applications: find every function, its entry points and identity, and report"
          + " what is wrong with them.",
      "",
      "PATH is a template file or a folder; folders are searched for CloudFormation and SAM templates."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden scan examples/acme-shop",
      "  warden scan --format json --output report.json my-app/",
      "  warden scan --fail-on high template.yaml      (exit code 1 when a high or critical finding is found)"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above --fail-on (or no --fail-on given)",
      "1:findings at or above --fail-on",
      "2:usage error (an unknown option, a bad value)",
      "3:the input could not be loaded at all",
      "4:internal error (please report it with the --debug output)"
    },
    mixinStandardHelpOptions = true)
final class ScanCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON,
    SARIF,
    HTML
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Template files or folders to scan.")
  List<Path> paths;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table, json, sarif or html (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Exit with code 1 when a finding at or above SEVERITY (critical, high, medium, low, info) is"
              + " found. Input errors never count. Without it the exit code does not depend on findings.")
  String failOn;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Table: print only the summary and the findings (no scores' reasons, no fixes).")
  boolean quiet;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings with suppressions (default: a .warden.yml in the scanned folder, else in the"
              + " working directory).")
  Path config;

  @Option(
      names = "--baseline",
      paramLabel = "REPORT",
      description =
          "A JSON report of an earlier scan: its findings are listed as suppressed, so that only"
              + " new ones are reported and counted by --fail-on.")
  Path baseline;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description = "auto (colours on a terminal, unless NO_COLOR is set), always or never.",
      defaultValue = "auto")
  String color;

  @Mixin InputOptions input = new InputOptions();

  @Mixin OutputOptions output = new OutputOptions();

  @Mixin DatabaseOption database = new DatabaseOption();

  @Option(
      names = "--trail",
      split = ",",
      paramLabel = "LOGS",
      description =
          "Audit logs (CloudTrail files or folders, JSON Lines, gzipped or not): permissions the"
              + " code does not use are checked against what each function used in them, and the"
              + " findings carry the logs' time window.")
  List<String> trail;

  @Override
  public Integer call() throws Exception {
    Optional<Severity> threshold = Optional.empty();
    if (failOn != null) {
      threshold = Severity.parse(failOn);
      if (threshold.isEmpty()) {
        throw new UsageProblem(
            "--fail-on takes critical, high, medium, low or info, not '" + failOn + "'");
      }
    }
    output.checkNotAnInput();
    Style style = style();
    ScanOptions.Progress progress = ProgressBar.forTerminal(Main.stderr(), quiet);
    ScanOptions options =
        new ScanOptions(settings(), baseline(), progress).withAdvisoryDatabase(database.path());
    if (trail != null && !trail.isEmpty()) {
      TrailAnalysis.Result analysis = observed(trail);
      options =
          options
              .withObservedUsage(analysis.usage().orElseThrow())
              .withAttacks(
                  analysis.detections(), String.join(",", trail), analysis.read().problems());
    }
    ScanResult result;
    try {
      result = Scan.run(input.request(paths), Clock.systemUTC(), options);
    } finally {
      if (progress instanceof ProgressBar bar) {
        bar.finish();
      }
    }
    output.write(
        Main.stdout(),
        out -> {
          switch (format) {
            case JSON -> new JsonReportWriter().writeReport(result, out);
            case SARIF -> new SarifWriter().write(result, out);
            case HTML -> new HtmlReportWriter().write(result, out);
            case TABLE -> new ReportTable(Clock.systemUTC(), style, quiet).write(result, out);
          }
        });
    return threshold
        .map(t -> exceeds(result.findings(), t) ? ExitCodes.FINDINGS : ExitCodes.OK)
        .orElse(ExitCodes.OK);
  }

  /**
   * What the functions used in the audit logs and the attacks in them, read on all cores with the
   * default thresholds; what was read and skipped is said on stderr.
   */
  private static TrailAnalysis.Result observed(List<String> logs) throws Exception {
    List<TrailInput> inputs = LogsCommand.inputs(logs, "--trail: ");
    long started = System.nanoTime();
    TrailAnalysis.Result result =
        TrailAnalysis.run(
            inputs,
            Runtime.getRuntime().availableProcessors(),
            event -> true,
            Thresholds.defaults(),
            true,
            TrailScan.Progress.NONE);
    LogsCommand.report(Main.stderr(), result.read(), started);
    return result;
  }

  static boolean exceeds(List<Finding> findings, Severity threshold) {
    return findings.stream()
        .anyMatch(
            f ->
                !f.suppressed()
                    && f.rule().category() != Category.INPUT_ERROR
                    && f.severity().isAtLeast(threshold));
  }

  private WardenConfig settings() {
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new UsageProblem("--config " + config + " is not a file");
      }
      return WardenConfig.read(config, config.toString());
    }
    List<Path> candidates = new ArrayList<>();
    for (Path path : paths) {
      Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
      if (folder != null) {
        candidates.add(folder.resolve(WardenConfig.FILE_NAME));
      }
    }
    candidates.add(Path.of(WardenConfig.FILE_NAME));
    return WardenConfig.find(candidates);
  }

  private Optional<Baseline> baseline() {
    if (baseline == null) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(baseline)) {
      throw new UsageProblem("--baseline " + baseline + " is not a file");
    }
    return Optional.of(Baseline.read(baseline, baseline.toString()));
  }

  private Style style() {
    return switch (color) {
      case "always" -> Style.COLOUR;
      case "never" -> Style.PLAIN;
      case "auto" ->
          Terminal.isInteractive()
                  && output.isStandardOutput()
                  && System.getenv("NO_COLOR") == null
                  && format == Format.TABLE
              ? Style.COLOUR
              : Style.PLAIN;
      default -> throw new UsageProblem("--color takes auto, always or never, not '" + color + "'");
    };
  }
}
