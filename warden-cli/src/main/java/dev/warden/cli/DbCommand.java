package dev.warden.cli;

import dev.warden.deps.DependencyFile;
import dev.warden.deps.DependencyFinder;
import dev.warden.deps.Ecosystem;
import dev.warden.deps.osv.AdvisoryDatabase;
import dev.warden.deps.osv.OsvExports;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.scan.InventoryLoader;
import java.net.URI;
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
    subcommands = {
      DbCommand.Update.class,
      DbCommand.Import.class,
      DbCommand.Status.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden db update",
      "  warden db update my-app/",
      "  warden db import npm-all.zip PyPI-all.zip",
      "  warden db status"
    },
    mixinStandardHelpOptions = true)
final class DbCommand implements Runnable {

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this),
        "Missing a command: try `warden db update`, `warden db import PATH` or `warden db"
            + " status`.");
  }

  @Command(
      name = "update",
      description = {
        "Download the current OSV exports (osv.dev's per-ecosystem all.zip) of the ecosystems in"
            + " use — those already in the database, those of the lockfiles under PATH, or those"
            + " named with --ecosystem — and import them. The database is replaced only when every"
            + " download and the import succeed: a network error leaves it as it was."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the database was updated",
        "2:usage error",
        "3:a download or the import failed (the database is unchanged)"
      },
      mixinStandardHelpOptions = true)
  static final class Update implements Callable<Integer> {
    @Parameters(
        arity = "0..1",
        paramLabel = "PATH",
        description = "An app whose lockfiles name the ecosystems to download.")
    Path path;

    @Option(
        names = "--ecosystem",
        split = ",",
        paramLabel = "NAME",
        description = "npm, PyPI, Maven or Go (default: the ecosystems in use; all four if none).")
    List<String> ecosystems;

    @Option(
        names = "--source",
        paramLabel = "URL",
        description =
            "Where the exports are (a mirror): URL/<ecosystem>/all.zip (default: $WARDEN_OSV_URL,"
                + " else https://osv-vulnerabilities.storage.googleapis.com/).")
    String source;

    @Mixin DatabaseOption database = new DatabaseOption();

    @Mixin InputOptions input = new InputOptions();

    @Override
    public Integer call() throws Exception {
      Path db = database.path();
      List<Ecosystem> wanted = ecosystems(db);
      OsvExports exports = new OsvExports(URI.create(source()));
      Path folder = db.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path downloads = Files.createTempDirectory(folder, ".warden-download-");
      try {
        List<Path> files;
        try {
          files =
              exports.download(
                  wanted,
                  downloads,
                  new OsvExports.Progress() {
                    private long shown = -1;

                    @Override
                    public void received(Ecosystem ecosystem, long bytes) {
                      long mib = bytes >> 20;
                      if (mib != shown) {
                        shown = mib;
                        Main.stderr().print("\r" + ecosystem.osvName() + ": " + mib + " MiB");
                      }
                    }
                  });
        } catch (OsvExports.DownloadFailed e) {
          Main.stderr()
              .println(
                  "\nwarden: "
                      + e.getMessage()
                      + "; the database "
                      + (Files.exists(db) ? "at " + db + " is unchanged" : "was not created"));
          return ExitCodes.INPUT;
        }
        Main.stderr().print("\r");
        AdvisoryDatabase.ImportReport report;
        try {
          report = AdvisoryDatabase.importFrom(files, db, false);
        } catch (java.io.IOException | java.sql.SQLException e) {
          Main.stderr()
              .println(
                  "warden: the downloaded exports cannot be imported ("
                      + e.getMessage()
                      + "); the database "
                      + (Files.exists(db) ? "at " + db + " is unchanged" : "was not created"));
          return ExitCodes.INPUT;
        }
        Main.stdout().print(Import.summary(report, db));
        Main.stdout().flush();
        return ExitCodes.OK;
      } finally {
        try (java.util.stream.Stream<Path> left = Files.list(downloads)) {
          for (Path file : left.toList()) {
            Files.deleteIfExists(file);
          }
        }
        Files.deleteIfExists(downloads);
      }
    }

    private String source() {
      if (source != null) {
        return source;
      }
      String configured = System.getenv("WARDEN_OSV_URL");
      return configured != null && !configured.isBlank()
          ? configured
          : OsvExports.OSV_DEV.toString();
    }

    /** --ecosystem, else those in the database and under PATH, else all four. */
    private List<Ecosystem> ecosystems(Path db) throws Exception {
      java.util.Set<Ecosystem> found = new java.util.TreeSet<>();
      if (ecosystems != null) {
        for (String name : ecosystems) {
          found.add(
              Ecosystem.ofOsv(name.strip())
                  .orElseThrow(
                      () ->
                          new UsageProblem(
                              "--ecosystem takes npm, PyPI, Maven or Go, not '" + name + "'")));
        }
        return List.copyOf(found);
      }
      if (Files.isRegularFile(db)) {
        try (AdvisoryDatabase open = AdvisoryDatabase.open(db)) {
          for (String name : open.status().advisoriesByEcosystem().keySet()) {
            Ecosystem.ofOsv(name).ifPresent(found::add);
          }
        } catch (java.sql.SQLException e) {
          // an unreadable database is replaced; its ecosystems are unknown
        }
      }
      if (path != null) {
        if (!Files.exists(path)) {
          throw new UsageProblem("no such file or folder: " + path);
        }
        Inventory inventory = new InventoryLoader(input.request(List.of(path))).load();
        Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        for (ServerlessFunction function : inventory.functions().toList()) {
          for (DependencyFile file : DependencyFinder.of(root, function)) {
            found.add(file.ecosystem());
          }
        }
      }
      return found.isEmpty() ? List.of(Ecosystem.values()) : List.copyOf(found);
    }
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
      Main.stdout().print(summary(report, db));
      Main.stdout().flush();
      return ExitCodes.OK;
    }

    /** "imported N advisories into DB", the count per ecosystem, and the records skipped. */
    static String summary(AdvisoryDatabase.ImportReport report, Path db) {
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
      return out.toString();
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
          out.append(days > 7 ? " — older than 7 days: run warden db update\n" : "\n");
        }
        Main.stdout().print(out);
        Main.stdout().flush();
      }
      return ExitCodes.OK;
    }
  }
}
