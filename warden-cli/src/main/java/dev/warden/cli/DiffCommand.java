package dev.warden.cli;

import dev.warden.report.diff.ReportDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "diff",
    description =
        "Compare two JSON reports of the same app or account: new, fixed and changed findings,"
            + " risk-score moves, functions that appeared or went.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden scan app/ --format json --output before.json   (then, after a change:)",
      "  warden scan app/ --format json --output after.json",
      "  warden diff before.json after.json",
      "  warden diff before.json after.json --format json --fail-on high"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:compared (no new finding at --fail-on or above)",
      "1:a new finding at --fail-on or above",
      "2:usage error",
      "3:a file is not a Warden JSON report"
    },
    mixinStandardHelpOptions = true)
final class DiffCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON
  }

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier report (JSON).")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later report (JSON).")
  Path after;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 1 when NEW has a new finding at this severity or above.")
  String failOn;

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    output.checkNotAnInput();
    if (failOn != null
        && !java.util.List.of("info", "low", "medium", "high", "critical").contains(failOn)) {
      throw new UsageProblem("--fail-on takes info, low, medium, high or critical");
    }
    ReportDiff diff;
    try {
      diff = ReportDiff.of(before, after);
    } catch (ReportDiff.NotAReport e) {
      Main.stderr().println("warden: " + e.getMessage());
      return ExitCodes.INPUT;
    } catch (java.nio.file.NoSuchFileException e) {
      Main.stderr().println("warden: no such file: " + e.getFile());
      return ExitCodes.INPUT;
    }
    output.write(
        Main.stdout(),
        out -> {
          if (format == Format.JSON) {
            diff.json(out);
          } else {
            diff.table(out);
          }
        });
    return failOn != null && diff.hasNewAtLeast(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
