package dev.warden.cli;

import dev.warden.report.RulesListing;
import dev.warden.rules.RuleCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rules",
    description = "List the rules Warden runs: id, severity, category, OWASP risk, title, fix.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden rules",
      "  warden rules --format json",
      "  warden rules --format markdown --output docs/rules.md"
    },
    mixinStandardHelpOptions = true)
final class RulesCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON,
    MARKDOWN
  }

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table, json or markdown (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    output.checkNotAnInput();
    RulesListing listing = new RulesListing(RuleCatalog.bundled().infos());
    output.write(
        Main.stdout(),
        out -> {
          switch (format) {
            case JSON -> listing.json(out);
            case MARKDOWN -> listing.markdown(out);
            case TABLE -> listing.table(out);
          }
        });
    return ExitCodes.OK;
  }
}
