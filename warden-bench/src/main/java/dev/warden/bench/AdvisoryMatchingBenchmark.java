package dev.warden.bench;

import dev.warden.deps.Dependency;
import dev.warden.deps.DependencyFile;
import dev.warden.deps.Ecosystem;
import dev.warden.deps.osv.AdvisoryDatabase;
import dev.warden.deps.osv.DependencyAudit;
import dev.warden.inventory.SourceLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching 10,000 package@version pairs against an advisory index built from synthetic OSV records
 * of the real shape (npm, PyPI, Maven and Go packages in about the shares of the OSV exports, a
 * range, aliases, a CVSS vector, details and references of the usual length), on one thread. The
 * setup also times the import of the records (one all.zip) and prints it; the fork's heap is capped
 * at 1 GiB, so that a run that finishes shows the import fits in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC", "-XX:ParallelGCThreads=1"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class AdvisoryMatchingBenchmark {

  @Param({"50000"})
  public int advisories;

  private static final int PACKAGES = 20_000;

  private Path folder;
  private AdvisoryDatabase database;
  private List<DependencyFile> files;

  @Setup(Level.Trial)
  public void build() throws IOException, SQLException {
    folder = Files.createTempDirectory("warden-osv-bench");
    Path zip = folder.resolve("all.zip");
    SplittableRandom random = new SplittableRandom(7);
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream entries = new ZipOutputStream(new java.io.BufferedOutputStream(out))) {
      for (int i = 0; i < advisories; i++) {
        Ecosystem ecosystem = ecosystemOf(i);
        String name = name(ecosystem, random.nextInt(PACKAGES));
        int major = random.nextInt(5);
        String json =
            "{\"schema_version\": \"1.6.0\", \"id\": \"GHSA-bench-"
                + i
                + "\", \"modified\": \"2026-01-01T00:00:00Z\","
                + " \"published\": \"2025-06-01T00:00:00Z\","
                + " \"aliases\": [\"CVE-2026-"
                + i
                + "\"], \"summary\": \"synthetic advisory\", \"details\": \""
                + DETAILS
                + "\","
                + " \"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H\"}],"
                + " \"affected\": [{\"package\": {\"ecosystem\": \""
                + ecosystem.osvName()
                + "\", \"name\": \""
                + name
                + "\"},"
                + " \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \""
                + major
                + ".0.0\"}, {\"fixed\": \""
                + major
                + "."
                + (1 + random.nextInt(9))
                + ".0\"}]}],"
                + " \"database_specific\": {\"source\": \"bench\"}}],"
                + " \"references\": [{\"type\": \"ADVISORY\", \"url\": \"https://nvd.nist.gov/vuln/detail/CVE-2026-"
                + i
                + "\"}, {\"type\": \"PACKAGE\", \"url\": \"https://example.invalid/"
                + name
                + "\"}, {\"type\": \"WEB\", \"url\": \"https://example.invalid/fix/"
                + i
                + "\"}],"
                + " \"database_specific\": {\"cwe_ids\": [\"CWE-400\"], \"severity\": \"HIGH\","
                + " \"github_reviewed\": true}}";
        entries.putNextEntry(new ZipEntry("GHSA-bench-" + i + ".json"));
        entries.write(json.getBytes(StandardCharsets.UTF_8));
      }
    }
    long start = System.nanoTime();
    AdvisoryDatabase.importFrom(List.of(zip), folder.resolve("advisories.db"), false);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "%nimported %,d advisories in %,d ms; index %,d bytes%n",
        advisories, millis, Files.size(folder.resolve("advisories.db")));
    database = AdvisoryDatabase.open(folder.resolve("advisories.db"));
    List<Dependency> dependencies = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Ecosystem ecosystem = ecosystemOf(i);
      String name = name(ecosystem, random.nextInt(PACKAGES));
      String version = random.nextInt(5) + "." + random.nextInt(10) + "." + random.nextInt(3);
      dependencies.add(
          new Dependency(
              ecosystem,
              name,
              Optional.of(version),
              Optional.empty(),
              true,
              false,
              List.of(name),
              SourceLocation.ofFile("lock")));
    }
    files =
        List.of(
            new DependencyFile("lock", Ecosystem.NPM, true, dependencies, List.of(), List.of()));
  }

  /** About the shares of the OSV exports: npm the largest, then PyPI, Maven, Go. */
  private static Ecosystem ecosystemOf(int i) {
    int slot = i % 20;
    return slot < 11
        ? Ecosystem.NPM
        : slot < 15 ? Ecosystem.PYPI : slot < 18 ? Ecosystem.MAVEN : Ecosystem.GO;
  }

  private static String name(Ecosystem ecosystem, int n) {
    return switch (ecosystem) {
      case NPM -> "pkg-" + n;
      case PYPI -> "py-pkg-" + n;
      case MAVEN -> "org.bench.group" + (n % 50) + ":artifact-" + n;
      case GO -> "example.com/org" + (n % 50) + "/mod" + n;
    };
  }

  /** About the length of a real advisory's details (a few paragraphs). */
  private static final String DETAILS =
      ("A synthetic description of the weakness, its impact and its workarounds, as long as the"
              + " details of a typical GitHub advisory. ")
          .repeat(8);

  @Benchmark
  public int matchTenThousandPairs() throws SQLException {
    return new DependencyAudit(database).audit(files).size();
  }

  @TearDown(Level.Trial)
  public void close() {
    database.close();
  }
}
