package dev.warden.cli;

import dev.warden.deps.osv.AdvisoryDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "db",
    description = "Keep the local vulnerability database (OSV advisories) Warden matches against.",
    subcommands = {DbCommand.Import.class, DbCommand.Status.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  warden db import npm-all.zip PyPI-all.zip", "  warden db status"},
    mixinStandardHelpOptions = true)
final class DbCommand implements Runnable {

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this),
        "Missing a command: try `warden db import PATH` or `warden db status`.");
  }

  @Command(
      name = "import",
      description = {
        "Import OSV advisories: JSON files, folders of them, or the per-ecosystem all.zip exports of"
            + " osv.dev. The database is replaced as a whole (a failed import leaves the old one),"
            + " or added to with --merge."
      },
      mixinStandardHelpOptions = true)
  static final class Import implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> sources;

    @Option(names = "--merge", description = "Add to the database instead of replacing it.")
    boolean merge;

    @Mixin DatabaseOption database = new DatabaseOption();

    @Override
    public Integer call() throws Exception {
      for (Path source : sources) {
        if (!Files.exists(source)) {
          throw new UsageProblem("no such file or folder: " + source);
        }
      }
      Path db = database.path();
      AdvisoryDatabase.ImportReport report = AdvisoryDatabase.importFrom(sources, db, merge);
      StringBuilder out = new StringBuilder();
      out.append("imported ")
          .append(report.imported())
          .append(" advisories into ")
          .append(db)
          .append('\n');
      report
          .byEcosystem()
          .forEach((e, n) -> out.append("  ").append(e).append(": ").append(n).append('\n'));
      for (String rejected : report.rejected()) {
        out.append("  skipped ").append(rejected).append('\n');
      }
      Main.stdout().print(out);
      Main.stdout().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "status",
      description = "Show the database: advisories per ecosystem and its age.",
      mixinStandardHelpOptions = true)
  static final class Status implements Callable<Integer> {
    @Mixin DatabaseOption database = new DatabaseOption();

    @Override
    public Integer call() throws Exception {
      Path db = database.path();
      if (!Files.isRegularFile(db)) {
        Main.stdout().println("no advisory database at " + db + ": run warden db import");
        Main.stdout().flush();
        return ExitCodes.OK;
      }
      try (AdvisoryDatabase open = AdvisoryDatabase.open(db)) {
        AdvisoryDatabase.Status status = open.status();
        StringBuilder out = new StringBuilder(db + "\n");
        for (Map.Entry<String, Integer> entry : status.advisoriesByEcosystem().entrySet()) {
          out.append("  ")
              .append(entry.getKey())
              .append(": ")
              .append(entry.getValue())
              .append(" advisories\n");
        }
        if (!status.imported().isEmpty()) {
          long days = Duration.between(Instant.parse(status.imported()), Instant.now()).toDays();
          out.append("  imported ")
              .append(status.imported())
              .append(" (")
              .append(days)
              .append(days == 1 ? " day" : " days")
              .append(" ago)");
          out.append(days > 7 ? " — older than 7 days: run warden db import again\n" : "\n");
        }
        Main.stdout().print(out);
        Main.stdout().flush();
      }
      return ExitCodes.OK;
    }
  }
}
