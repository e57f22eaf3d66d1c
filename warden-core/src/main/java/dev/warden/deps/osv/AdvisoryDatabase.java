package dev.warden.deps.osv;

import dev.warden.deps.Ecosystem;
import dev.warden.deps.RequirementsReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The local advisory index: one SQLite file holding every imported OSV record (its JSON, aliases,
 * modified date, withdrawn flag) and an index of the packages each affects, by ecosystem and name
 * (PyPI names PEP 503-normalised). An import writes a new file beside the old one and moves it into
 * place, so a failure midway leaves the previous database as it was; {@code merge} starts the new
 * file from a copy of the old one. Records that break the schema are skipped and reported.
 */
public final class AdvisoryDatabase implements AutoCloseable {

  /** The layout of the index; a file of another layout is refused with a way out. */
  static final String FORMAT = "2";

  private final Connection connection;
  private @Nullable PreparedStatement lookup;
  private @Nullable PreparedStatement record;

  private AdvisoryDatabase(Connection connection) {
    this.connection = connection;
  }

  /** What an import did. */
  public record ImportReport(
      int imported, List<String> rejected, Map<String, Integer> byEcosystem) {
    public ImportReport {
      rejected = List.copyOf(rejected);
      byEcosystem = Map.copyOf(byEcosystem);
    }
  }

  /** Opens an existing database for reading. */
  public static AdvisoryDatabase open(Path file) throws SQLException {
    if (!Files.isRegularFile(file)) {
      throw new SQLException("no advisory database at " + file + " (run warden db import first)");
    }
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement pragmas = connection.createStatement()) {
      // Lookups jump around an index of hundreds of megabytes: map it into memory and keep a
      // larger page cache than SQLite's 2 MB default, instead of a read call per page.
      pragmas.execute("PRAGMA query_only = ON");
      pragmas.execute("PRAGMA mmap_size = 1073741824");
      pragmas.execute("PRAGMA cache_size = -65536");
      String format = "";
      try (ResultSet rows = pragmas.executeQuery("SELECT value FROM meta WHERE key = 'format'")) {
        if (rows.next()) {
          format = rows.getString(1);
        }
      }
      if (!format.equals(FORMAT)) {
        throw new SQLException(
            file
                + " was built by an older Warden (index format "
                + (format.isEmpty() ? "1" : format)
                + ", this one reads "
                + FORMAT
                + "): run warden db update or warden db import again");
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new AdvisoryDatabase(connection);
  }

  /**
   * Imports OSV JSON files, folders of them, or per-ecosystem {@code all.zip} exports into {@code
   * database}, replacing it (or adding to it with {@code merge}) atomically.
   */
  public static ImportReport importFrom(List<Path> sources, Path database, boolean merge)
      throws IOException, SQLException {
    Path folder = database.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path building = Files.createTempFile(folder, ".warden-db-", ".tmp");
    try {
      if (merge && Files.isRegularFile(database)) {
        Files.copy(database, building, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.delete(building);
      }
      ImportReport report;
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + building)) {
        try (Statement pragmas = connection.createStatement()) {
          // The file being built is moved into place only when complete: no journal needed.
          pragmas.execute("PRAGMA journal_mode = OFF");
          pragmas.execute("PRAGMA synchronous = OFF");
        }
        connection.setAutoCommit(false);
        schema(connection);
        Importer importer = new Importer(connection);
        for (Path source : sources) {
          importer.source(source);
        }
        try (PreparedStatement meta =
            connection.prepareStatement(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('imported', ?), ('format', ?)")) {
          meta.setString(1, Instant.now().toString());
          meta.setString(2, FORMAT);
          meta.executeUpdate();
        }
        connection.commit();
        report = importer.report();
      }
      Files.move(
          building, database, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return report;
    } finally {
      Files.deleteIfExists(building);
    }
  }

  private static void schema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS advisory (id TEXT PRIMARY KEY, modified TEXT, withdrawn TEXT,"
              + " aliases TEXT, json TEXT NOT NULL)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS affected (ecosystem TEXT NOT NULL, name TEXT NOT NULL,"
              + " advisory TEXT NOT NULL, package TEXT NOT NULL, withdrawn INTEGER NOT NULL,"
              + " spec TEXT NOT NULL)");
      statement.execute(
          "CREATE INDEX IF NOT EXISTS affected_by_package ON affected(ecosystem, name)");
      statement.execute("CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected(advisory)");
      statement.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
    }
  }

  /** Reads sources into a connection inside one transaction. */
  private static final class Importer {
    private final Connection connection;
    private final PreparedStatement advisory;
    private final PreparedStatement removeAffected;
    private final PreparedStatement affected;
    private final List<String> rejected = new ArrayList<>();
    private final Map<String, Integer> byEcosystem = new LinkedHashMap<>();
    private int imported;

    Importer(Connection connection) throws SQLException {
      this.connection = connection;
      this.advisory =
          connection.prepareStatement(
              "INSERT OR REPLACE INTO advisory(id, modified, withdrawn, aliases, json) VALUES (?, ?, ?, ?, ?)");
      this.removeAffected = connection.prepareStatement("DELETE FROM affected WHERE advisory = ?");
      this.affected =
          connection.prepareStatement(
              "INSERT INTO affected(ecosystem, name, advisory, package, withdrawn, spec)"
                  + " VALUES (?, ?, ?, ?, ?, ?)");
    }

    void source(Path source) throws IOException, SQLException {
      if (Files.isDirectory(source)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
          files =
              walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".zip"))
                  .sorted()
                  .toList();
        }
        for (Path file : files) {
          source(file);
        }
      } else if (source.toString().endsWith(".zip")) {
        // ZipFile reads the central directory: a file that is not a whole zip fails here, and
        // the import with it, instead of being read as an export with no advisories.
        try (ZipFile zip = new ZipFile(source.toFile())) {
          for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            if (!entry.isDirectory() && entry.getName().endsWith(".json")) {
              try (InputStream in = zip.getInputStream(entry)) {
                record(
                    source.getFileName() + "!" + entry.getName(),
                    new String(in.readNBytes(16 << 20), StandardCharsets.UTF_8));
              }
            }
          }
        } catch (java.util.zip.ZipException e) {
          throw new IOException(source + " is not a readable zip archive: " + e.getMessage(), e);
        }
      } else {
        try (InputStream in = Files.newInputStream(source)) {
          record(source.toString(), new String(in.readNBytes(16 << 20), StandardCharsets.UTF_8));
        }
      }
    }

    private void record(String file, String json) throws SQLException {
      Advisory parsed;
      try {
        parsed = AdvisoryReader.read(file, json);
      } catch (AdvisoryReader.InvalidAdvisory e) {
        rejected.add(e.getMessage());
        return;
      }
      advisory.setString(1, parsed.id());
      advisory.setString(2, parsed.modified());
      advisory.setString(3, parsed.withdrawn().orElse(null));
      advisory.setString(4, String.join(" ", parsed.aliases()));
      advisory.setString(5, AdvisoryReader.compact(parsed));
      advisory.executeUpdate();
      removeAffected.setString(1, parsed.id());
      removeAffected.executeUpdate();
      java.util.Set<String> ecosystems = new java.util.TreeSet<>();
      for (Advisory.Affected entry : parsed.affected()) {
        Ecosystem.ofOsv(entry.ecosystem()).ifPresent(e -> ecosystems.add(e.osvName()));
      }
      ecosystems.forEach(e -> byEcosystem.merge(e, 1, Integer::sum));
      for (Advisory.Affected entry : parsed.affected()) {
        Ecosystem.ofOsv(entry.ecosystem())
            .ifPresent(
                ecosystem -> {
                  try {
                    affected.setString(1, ecosystem.osvName());
                    affected.setString(2, key(ecosystem, entry.name()));
                    affected.setString(3, parsed.id());
                    affected.setString(4, entry.name());
                    affected.setInt(5, parsed.withdrawn().isPresent() ? 1 : 0);
                    affected.setString(6, AffectedSpec.write(entry));
                    affected.executeUpdate();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
      }
      imported++;
      if (imported % 5000 == 0) {
        connection.commit();
      }
    }

    ImportReport report() {
      return new ImportReport(imported, rejected, byEcosystem);
    }
  }

  private static String key(Ecosystem ecosystem, String name) {
    return ecosystem == Ecosystem.PYPI ? RequirementsReader.normalise(name) : name;
  }

  /**
   * The advisories that name the package, each reduced to its id, withdrawn flag and the affected
   * entry of this package — enough to match a version ({@link AffectedVersions}); read the whole
   * record of a hit with {@link #advisory}. Reading only this much is what keeps matching fast on a
   * full index.
   */
  public List<Advisory> candidates(Ecosystem ecosystem, String name) throws SQLException {
    List<Advisory> found = new ArrayList<>();
    if (lookup == null) {
      // prepared once: compiling the statement cost as much as running it
      lookup =
          connection.prepareStatement(
              "SELECT advisory, package, withdrawn, spec FROM affected INDEXED BY"
                  + " affected_by_package WHERE ecosystem = ? AND name = ? ORDER BY advisory");
    }
    lookup.setString(1, ecosystem.osvName());
    lookup.setString(2, key(ecosystem, name));
    try (ResultSet rows = lookup.executeQuery()) {
      while (rows.next()) {
        found.add(
            new Advisory(
                rows.getString(1),
                List.of(),
                "",
                "",
                rows.getInt(3) == 1 ? Optional.of("withdrawn") : Optional.empty(),
                List.of(),
                List.of(
                    AffectedSpec.read(ecosystem.osvName(), rows.getString(2), rows.getString(4))),
                List.of()));
      }
    }
    return found;
  }

  /** The whole record of an advisory, when the index holds it. */
  public Optional<Advisory> advisory(String id) throws SQLException {
    if (record == null) {
      record = connection.prepareStatement("SELECT json FROM advisory WHERE id = ?");
    }
    record.setString(1, id);
    try (ResultSet rows = record.executeQuery()) {
      if (rows.next()) {
        try {
          return Optional.of(AdvisoryReader.read(id, rows.getString(1)));
        } catch (AdvisoryReader.InvalidAdvisory e) {
          return Optional.empty(); // it was valid when imported
        }
      }
    }
    return Optional.empty();
  }

  /** Every advisory that names the package, whole. */
  public List<Advisory> advisories(Ecosystem ecosystem, String name) throws SQLException {
    List<Advisory> found = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Advisory candidate : candidates(ecosystem, name)) {
      if (seen.add(candidate.id())) {
        advisory(candidate.id()).ifPresent(found::add);
      }
    }
    return found;
  }

  /** Advisory counts per ecosystem, and when the database was imported. */
  public record Status(Map<String, Integer> advisoriesByEcosystem, String imported) {}

  public Status status() throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT ecosystem, COUNT(DISTINCT advisory) FROM affected GROUP BY ecosystem ORDER BY ecosystem")) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getInt(2));
      }
    }
    String imported = "";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT value FROM meta WHERE key = 'imported'")) {
      if (rows.next()) {
        imported = rows.getString(1);
      }
    }
    return new Status(counts, imported);
  }

  @Override
  public void close() {
    try {
      if (lookup != null) {
        lookup.close();
      }
      if (record != null) {
        record.close();
      }
      connection.close();
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
