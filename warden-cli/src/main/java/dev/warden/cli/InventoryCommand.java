package dev.warden.cli;

import dev.warden.inventory.Inventory;
import dev.warden.report.console.InventoryTable;
import dev.warden.report.json.JsonReportWriter;
import dev.warden.scan.InventoryLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "inventory",
    description = {
      "List every function with its triggers (public? which auth?), its role and policies, the resources"
          + " it may reach, and the entry points of each app."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden inventory examples/acme-shop",
      "  warden inventory --format json --param Stage=prod template.yaml"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the inventory was written",
      "2:usage error (an unknown option, a bad value)",
      "3:the input could not be loaded at all",
      "4:internal error (please report it with the --debug output)"
    },
    mixinStandardHelpOptions = true)
final class InventoryCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON
  }

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files or folders.")
  List<Path> paths;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Mixin InputOptions input = new InputOptions();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    output.checkNotAnInput();
    Inventory inventory = new InventoryLoader(input.request(paths)).load();
    output.write(
        Main.stdout(),
        out -> {
          if (format == Format.JSON) {
            new JsonReportWriter().writeInventory(inventory, out);
          } else {
            new InventoryTable().write(inventory, out);
          }
        });
    if (!inventory.problems().isEmpty()) {
      Main.stderr()
          .println(
              "warden: "
                  + inventory.problems().size()
                  + " input problem(s); `warden scan` lists them.");
    }
    return ExitCodes.OK;
  }
}
