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
 * of the real shape (npm and PyPI packages, one to three ranges each, aliases, a CVSS vector), on
 * one thread. The setup also times the import of the records (an all.zip) and prints it.
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
        boolean npm = i % 2 == 0;
        String name = (npm ? "pkg-" : "py-pkg-") + random.nextInt(PACKAGES);
        int major = random.nextInt(5);
        String json =
            "{\"id\": \"GHSA-bench-"
                + i
                + "\", \"modified\": \"2026-01-01T00:00:00Z\","
                + " \"aliases\": [\"CVE-2026-"
                + i
                + "\"], \"summary\": \"synthetic\","
                + " \"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H\"}],"
                + " \"affected\": [{\"package\": {\"ecosystem\": \""
                + (npm ? "npm" : "PyPI")
                + "\", \"name\": \""
                + name
                + "\"},"
                + " \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \""
                + major
                + ".0.0\"}, {\"fixed\": \""
                + major
                + "."
                + (1 + random.nextInt(9))
                + ".0\"}]}]}]}";
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
      boolean npm = i % 2 == 0;
      String name = (npm ? "pkg-" : "py-pkg-") + random.nextInt(PACKAGES);
      String version = random.nextInt(5) + "." + random.nextInt(10) + "." + random.nextInt(3);
      dependencies.add(
          new Dependency(
              npm ? Ecosystem.NPM : Ecosystem.PYPI,
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

  @Benchmark
  public int matchTenThousandPairs() throws SQLException {
    return new DependencyAudit(database).audit(files).size();
  }

  @TearDown(Level.Trial)
  public void close() {
    database.close();
  }
}
