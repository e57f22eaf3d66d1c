package dev.warden.cli;

import dev.warden.deps.DependencyFile;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.report.console.ReportTable;
import dev.warden.report.console.Style;
import dev.warden.report.json.JsonReportWriter;
import dev.warden.report.sbom.CycloneDxWriter;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanOptions;
import dev.warden.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "deps",
    description = {
      "List the packages each function ships (from the lockfiles and manifests in its code"
          + " folder and its layers), the known vulnerabilities of their versions from the local"
          + " advisory database (warden db update / warden db import), known-malicious packages"
          + " and manifests without a lockfile. Without a database the packages are listed and"
          + " the report says they were not matched."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden deps examples/acme-shop",
      "  warden deps --format json --db advisories.db .",
      "  warden deps --format cyclonedx --output sboms/ examples/acme-shop"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no vulnerable or malicious package",
      "1:a vulnerable or malicious package was found",
      "2:usage error",
      "3:the input could not be loaded at all"
    },
    mixinStandardHelpOptions = true)
final class DepsCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON,
    CYCLONEDX
  }

  @Parameters(arity = "1", paramLabel = "PATH", description = "A template file or a folder.")
  Path path;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table, json (the report contract, package findings only) or cyclonedx (a CycloneDX"
              + " 1.6 SBOM per function: --output names a folder when there are several).")
  Format format;

  @Mixin DatabaseOption database = new DatabaseOption();

  @Mixin InputOptions input = new InputOptions();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    if (format != Format.CYCLONEDX) {
      output.checkNotAnInput();
    }
    Clock clock = Clock.systemUTC();
    ScanOptions options =
        ScanOptions.defaults()
            .withAdvisoryDatabase(database.path())
            .onlyRules(rule -> rule.id().startsWith("WDN-DEP-"));
    ScanResult result = Scan.run(input.request(List.of(path)), clock, options);
    switch (format) {
      case JSON ->
          output.write(Main.stdout(), out -> new JsonReportWriter().writeReport(result, out));
      case TABLE -> output.write(Main.stdout(), out -> table(result, clock, out));
      case CYCLONEDX -> sboms(result, clock);
    }
    boolean found =
        result.findings().stream()
            .anyMatch(
                f ->
                    !f.suppressed()
                        && (f.rule().category() == Category.VULNERABLE_DEPENDENCY
                            || f.rule().id().equals("WDN-DEP-002")));
    return found ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** Per function: its packages and files, then each package finding with file and line. */
  private static void table(ScanResult result, Clock clock, Writer out) throws IOException {
    for (ServerlessFunction function : result.inventory().functions().toList()) {
      List<DependencyFile> files = result.packages(function).files();
      int packages = files.stream().mapToInt(f -> f.packages().size()).sum();
      List<Finding> findings = result.findingsOf(function);
      out.write(
          function.logicalId()
              + ": "
              + packages
              + (packages == 1 ? " package" : " packages")
              + " in "
              + files.size()
              + (files.size() == 1 ? " file" : " files")
              + (files.isEmpty()
                  ? ""
                  : " ("
                      + String.join(", ", files.stream().map(DependencyFile::file).toList())
                      + ")")
              + (findings.isEmpty() ? ", nothing found" : "")
              + "\n");
      for (Finding finding : findings) {
        out.write(
            "  "
                + finding.severity().wireName()
                + "  "
                + finding.rule().id()
                + "  "
                + finding.location().file()
                + ":"
                + finding.location().line()
                + "\n    "
                + finding.message()
                + "\n");
      }
    }
    for (Finding finding : result.findings()) {
      if (finding.rule().category() == Category.INPUT_ERROR) {
        out.write("input error  " + finding.location() + "  " + finding.message() + "\n");
      }
    }
    out.write(new ReportTable(clock, Style.PLAIN, false).advisoryLine(result.advisories()));
  }

  /** One SBOM per function: to standard output when there is one, else into the --output folder. */
  private void sboms(ScanResult result, Clock clock) throws IOException {
    List<ServerlessFunction> functions = result.inventory().functions().toList();
    CycloneDxWriter writer = new CycloneDxWriter(clock);
    if (output.isStandardOutput()) {
      if (functions.size() != 1) {
        throw new UsageProblem(
            functions.size()
                + " functions: give --output FOLDER to get one SBOM per function in it");
      }
      output.write(
          Main.stdout(),
          out -> out.write(writer.write(functions.get(0), result.packages(functions.get(0)))));
      return;
    }
    Path folder = Path.of(output.output);
    if (Files.isRegularFile(folder)) {
      throw new UsageProblem(
          "--output "
              + folder
              + " is a file; the cyclonedx format writes one SBOM per function"
              + " into a folder");
    }
    Files.createDirectories(folder);
    for (ServerlessFunction function : functions) {
      OutputOptions file = new OutputOptions();
      file.output = folder.resolve(safe(function.logicalId()) + ".cdx.json").toString();
      file.write(
          Main.stdout(), out -> out.write(writer.write(function, result.packages(function))));
    }
    Main.stderr()
        .println(
            "wrote "
                + functions.size()
                + (functions.size() == 1 ? " SBOM" : " SBOMs")
                + " into "
                + folder);
  }

  /** A logical id as a file name: letters, digits, dots, dashes and underscores only. */
  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
