package dev.warden.cli;

import dev.warden.report.console.ReportTable;
import dev.warden.report.json.JsonReportWriter;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanResult;
import java.nio.file.Path;
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
    JSON
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Template files or folders to scan.")
  List<Path> paths;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Exit with code 1 when a finding at or above SEVERITY (critical, high, medium, low, info) is"
              + " found. Input errors never count. Without it the exit code does not depend on findings.")
  String failOn;

  @Mixin InputOptions input = new InputOptions();

  @Mixin OutputOptions output = new OutputOptions();

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
    ScanResult result = Scan.run(input.request(paths));
    output.write(
        Main.stdout(),
        out -> {
          if (format == Format.JSON) {
            new JsonReportWriter().writeReport(result, out);
          } else {
            new ReportTable().write(result, out);
          }
        });
    return threshold
        .map(t -> exceeds(result.findings(), t) ? ExitCodes.FINDINGS : ExitCodes.OK)
        .orElse(ExitCodes.OK);
  }

  static boolean exceeds(List<Finding> findings, Severity threshold) {
    return findings.stream()
        .anyMatch(
            f ->
                !f.suppressed()
                    && f.rule().category() != Category.INPUT_ERROR
                    && f.severity().isAtLeast(threshold));
  }
}
