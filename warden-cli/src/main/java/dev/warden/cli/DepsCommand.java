package dev.warden.cli;

import dev.warden.deps.DependencyFile;
import dev.warden.deps.DependencyFinder;
import dev.warden.deps.osv.Advisory;
import dev.warden.deps.osv.AdvisoryDatabase;
import dev.warden.deps.osv.DependencyAudit;
import dev.warden.inventory.App;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.scan.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "deps",
    description = {
      "List the packages each function ships (from the lockfiles and manifests in its code"
          + " folder) and the known vulnerabilities of their versions, from the local advisory"
          + " database (warden db import)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden deps examples/acme-shop",
      "  warden deps --format json --db advisories.db ."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no vulnerable package",
      "1:a vulnerable package was found",
      "2:usage error (no database)",
      "3:the input could not be loaded at all"
    },
    mixinStandardHelpOptions = true)
final class DepsCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON
  }

  @Parameters(arity = "1", paramLabel = "PATH", description = "A template file or a folder.")
  Path path;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json.")
  Format format;

  @Mixin DatabaseOption database = new DatabaseOption();

  @Mixin InputOptions input = new InputOptions();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    Path db = database.path();
    if (!Files.isRegularFile(db)) {
      throw new UsageProblem("no advisory database at " + db + ": run warden db import first");
    }
    output.checkNotAnInput();
    Inventory inventory = new InventoryLoader(input.request(List.of(path))).load();
    Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    List<Map<String, Object>> functions = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    boolean vulnerable = false;
    try (AdvisoryDatabase advisories = AdvisoryDatabase.open(db)) {
      DependencyAudit audit = new DependencyAudit(advisories);
      for (App app : inventory.apps()) {
        for (ServerlessFunction fn : app.functions()) {
          List<DependencyFile> files = DependencyFinder.of(root, fn);
          List<DependencyAudit.Vulnerable> found = audit.audit(files);
          vulnerable |= !found.isEmpty();
          int packages = files.stream().mapToInt(f -> f.packages().size()).sum();
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("function", fn.logicalId());
          entry.put("functionId", fn.id());
          entry.put("files", files.stream().map(DependencyFile::file).toList());
          entry.put("packages", packages);
          List<Map<String, Object>> list = new ArrayList<>();
          table
              .append(fn.logicalId())
              .append(": ")
              .append(packages)
              .append(packages == 1 ? " package" : " packages")
              .append(" in ")
              .append(files.size())
              .append(files.size() == 1 ? " file" : " files")
              .append(found.isEmpty() ? ", none known vulnerable\n" : "\n");
          for (DependencyAudit.Vulnerable v : found) {
            list.add(json(v));
            table
                .append("  ")
                .append(v.dependency())
                .append(" (")
                .append(v.dependency().ecosystem().osvName())
                .append(") ")
                .append(String.join(", ", v.advisories().stream().map(DepsCommand::named).toList()))
                .append(v.fixedIn().map(f -> "; fixed in " + f).orElse("; no fixed version"))
                .append("; via ")
                .append(String.join(" > ", v.dependency().path()))
                .append(" (")
                .append(v.dependency().at())
                .append(")\n");
          }
          entry.put("vulnerable", list);
          functions.add(entry);
        }
      }
      String imported = advisories.status().imported();
      if (format == Format.JSON) {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("file", db.toString());
        about.put("imported", imported);
        about.put("stale", stale(imported));
        result.put("database", about);
        result.put("functions", functions);
        output.writeJson(Main.stdout(), result);
      } else {
        table
            .append("Advisory database: ")
            .append(db)
            .append(", imported ")
            .append(imported)
            .append(stale(imported) ? " — older than 7 days: run warden db import again\n" : "\n");
        output.write(Main.stdout(), out -> out.write(table.toString()));
      }
    }
    return vulnerable ? 1 : ExitCodes.OK;
  }

  /** True when the database was imported more than 7 days ago (or its date is unknown). */
  static boolean stale(String imported) {
    try {
      return java.time.Duration.between(java.time.Instant.parse(imported), java.time.Instant.now())
              .toDays()
          > 7;
    } catch (java.time.format.DateTimeParseException e) {
      return true;
    }
  }

  private static String named(Advisory advisory) {
    String aliases =
        advisory.aliases().isEmpty() ? "" : " (" + String.join(", ", advisory.aliases()) + ")";
    String score =
        advisory.baseScore().isPresent()
            ? ", CVSS "
                + advisory.baseScore().getAsDouble()
                + " "
                + Advisory.rating(advisory.baseScore().getAsDouble())
            : "";
    return advisory.id() + aliases + score;
  }

  private static Map<String, Object> json(DependencyAudit.Vulnerable v) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("package", v.dependency().name());
    json.put("version", v.dependency().version().orElse(null));
    json.put("ecosystem", v.dependency().ecosystem().osvName());
    json.put("advisories", v.advisories().stream().map(Advisory::id).toList());
    json.put(
        "cvss",
        v.advisories().stream()
            .map(Advisory::baseScore)
            .filter(java.util.OptionalDouble::isPresent)
            .mapToDouble(java.util.OptionalDouble::getAsDouble)
            .max()
            .stream()
            .boxed()
            .findFirst()
            .orElse(null));
    json.put(
        "aliases", v.advisories().stream().flatMap(a -> a.aliases().stream()).distinct().toList());
    json.put("fixedIn", v.fixedIn().orElse(null));
    json.put("direct", v.dependency().direct());
    json.put("path", v.dependency().path());
    json.put("file", v.dependency().at().file());
    json.put("line", v.dependency().at().line());
    return json;
  }
}
