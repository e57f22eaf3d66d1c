package dev.warden.deps.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.deps.Ecosystem;
import dev.warden.testing.Repo;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryDatabaseTest {

  private static final Path ADVISORIES =
      Repo.path("warden-core/src/test/resources/dev/warden/deps/osv");

  @TempDir Path dir;

  @Test
  void anIndexOfAnOlderLayoutIsRefusedWithTheWayOut(@TempDir Path dir) throws Exception {
    Path old = dir.resolve("old.db");
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
      statement.execute("INSERT INTO meta VALUES ('imported', '2026-11-01T00:00:00Z')");
    }
    assertThatThrownBy(() -> AdvisoryDatabase.open(old))
        .isInstanceOf(java.sql.SQLException.class)
        .hasMessageContaining("built by an older Warden (index format 1, this one reads 2)")
        .hasMessageContaining("warden db update");
  }

  @Test
  void theIndexKeepsEveryFieldMatchingAndReportsReadInACompactRecord() throws Exception {
    try (var files = Files.list(Repo.path("warden-core/src/test/resources/dev/warden/deps/osv"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        String original = Files.readString(file);
        Advisory read = AdvisoryReader.read(file.toString(), original);
        String compact = AdvisoryReader.compact(read);
        assertThat(AdvisoryReader.read("compact", compact)).as(file.toString()).isEqualTo(read);
        assertThat(compact.length()).as(file.toString()).isLessThanOrEqualTo(original.length());
      }
    }
  }

  @Test
  void aFolderOfRecordsIsIndexedByEcosystemAndPackage() throws Exception {
    Path db = dir.resolve("advisories.db");
    AdvisoryDatabase.ImportReport report =
        AdvisoryDatabase.importFrom(List.of(ADVISORIES), db, false);
    assertThat(report.imported()).isEqualTo(6);
    assertThat(report.rejected()).isEmpty();
    try (AdvisoryDatabase database = AdvisoryDatabase.open(db)) {
      assertThat(database.advisories(Ecosystem.NPM, "semver"))
          .extracting(Advisory::id)
          .containsExactly("GHSA-c2qf-rxjj-qqgw", "x_WARDEN-TEST-withdrawn");
      assertThat(database.advisories(Ecosystem.PYPI, "JSONPickle"))
          .extracting(Advisory::id)
          .containsExactly("GHSA-j66q-qmrc-89rx", "PYSEC-2020-49");
      assertThat(database.status().advisoriesByEcosystem())
          .containsEntry("npm", 3)
          .containsEntry("PyPI", 2)
          .containsEntry("Go", 1);
      assertThat(database.status().imported()).isNotEmpty();
    }
  }

  @Test
  void anExportZipIsReadAndBrokenRecordsAreReportedNotImported() throws Exception {
    Path zip = dir.resolve("all.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream entries = new ZipOutputStream(out)) {
      entries.putNextEntry(new ZipEntry("GHSA-q4v7-4rhw-9hqm.json"));
      entries.write(Files.readAllBytes(ADVISORIES.resolve("GHSA-q4v7-4rhw-9hqm.json")));
      entries.putNextEntry(new ZipEntry("broken.json"));
      entries.write("{\"summary\": \"no id\"}".getBytes(StandardCharsets.UTF_8));
    }
    Path db = dir.resolve("advisories.db");
    AdvisoryDatabase.ImportReport report = AdvisoryDatabase.importFrom(List.of(zip), db, false);
    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.rejected()).singleElement().asString().startsWith("all.zip!broken.json");
  }

  @Test
  void aFailedImportLeavesThePreviousDatabaseAndMergeAddsToIt() throws Exception {
    Path db = dir.resolve("advisories.db");
    AdvisoryDatabase.importFrom(List.of(ADVISORIES.resolve("PYSEC-2020-49.json")), db, false);
    assertThatThrownBy(
            () ->
                AdvisoryDatabase.importFrom(
                    List.of(ADVISORIES, dir.resolve("missing.zip")), db, false))
        .isInstanceOf(NoSuchFileException.class);
    try (AdvisoryDatabase database = AdvisoryDatabase.open(db)) {
      assertThat(database.advisories(Ecosystem.PYPI, "jsonpickle")).hasSize(1);
      assertThat(database.advisories(Ecosystem.NPM, "semver")).isEmpty();
    }
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("advisories.db");
    }
    AdvisoryDatabase.importFrom(List.of(ADVISORIES.resolve("GHSA-c2qf-rxjj-qqgw.json")), db, true);
    try (AdvisoryDatabase database = AdvisoryDatabase.open(db)) {
      assertThat(database.advisories(Ecosystem.PYPI, "jsonpickle")).hasSize(1);
      assertThat(database.advisories(Ecosystem.NPM, "semver")).hasSize(1);
    }
  }
}
