package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warden db update} against a local HTTP server that serves small OSV exports the way
 * osv.dev lays them out ({@code /<ecosystem>/all.zip}), and fails in the ways networks do.
 */
class DbUpdateTest {

  private static final Path ADVISORIES =
      Repo.path("warden-core/src/test/resources/dev/warden/deps/osv");

  @TempDir Path dir;
  private HttpServer server;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final List<String> asked = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() throws IOException {
    served.put("/npm/all.zip", zip("GHSA-c2qf-rxjj-qqgw", "GHSA-q4v7-4rhw-9hqm"));
    served.put("/PyPI/all.zip", zip("PYSEC-2020-49", "GHSA-j66q-qmrc-89rx"));
    served.put("/Go/all.zip", zip("x_WARDEN-TEST-go"));
    served.put("/Maven/all.zip", zip());
    served.put(
        "/corrupt/npm/all.zip",
        "PK\u0003\u0004 not really a zip".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          asked.add(path);
          byte[] body = served.get(path);
          if (path.startsWith("/broken/")) {
            exchange.sendResponseHeaders(500, -1);
          } else if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String prefix) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  private static byte[] zip(String... ids) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String id : ids) {
        zip.putNextEntry(new ZipEntry(id + ".json"));
        zip.write(Files.readAllBytes(ADVISORIES.resolve(id + ".json")));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void downloadsTheNamedEcosystemsAndImportsThem() {
    String db = dir.resolve("adv.db").toString();
    Cli update =
        Cli.run("db", "update", "--source", url("/"), "--db", db, "--ecosystem", "npm,PyPI");
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out()).contains("imported 4 advisories", "npm: 2", "PyPI: 2");
    assertThat(asked).containsExactlyInAnyOrder("/npm/all.zip", "/PyPI/all.zip");
    assertThat(Cli.run("db", "status", "--db", db).out()).contains("npm: 2 advisories");
  }

  @Test
  void withoutANameItUpdatesTheEcosystemsAlreadyInTheDatabase() {
    String db = dir.resolve("adv.db").toString();
    Cli.run("db", "update", "--source", url("/"), "--db", db, "--ecosystem", "Go");
    asked.clear();
    Cli again = Cli.run("db", "update", "--source", url("/"), "--db", db);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(asked).containsExactly("/Go/all.zip");
  }

  @Test
  void theEcosystemsOfAnAppsLockfilesAreAddedToThoseInUse() {
    dev.warden.testing.Loaded.write(
        dir,
        "app/template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
        """);
    dev.warden.testing.Loaded.write(dir, "app/src/requirements.txt", "jsonpickle==1.4.1\n");
    Cli update =
        Cli.run(
            "db",
            "update",
            dir.resolve("app").toString(),
            "--source",
            url("/"),
            "--db",
            dir.resolve("adv.db").toString());
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(asked).containsExactly("/PyPI/all.zip");
  }

  @Test
  void aServerErrorLeavesTheDatabaseAsItWas() throws IOException {
    Path db = dir.resolve("adv.db");
    Cli.run("db", "update", "--source", url("/"), "--db", db.toString(), "--ecosystem", "npm");
    byte[] before = Files.readAllBytes(db);
    Cli failed =
        Cli.run(
            "db",
            "update",
            "--source",
            url("/broken/"),
            "--db",
            db.toString(),
            "--ecosystem",
            "npm");
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.err()).contains("HTTP 500", "is unchanged").doesNotContain("Exception");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList())
          .as("no download or half-built database is left behind")
          .containsExactly("adv.db");
    }
  }

  @Test
  void aServerThatIsNotThereLeavesTheDatabaseAsItWas() throws IOException {
    Path db = dir.resolve("adv.db");
    Cli.run("db", "update", "--source", url("/"), "--db", db.toString(), "--ecosystem", "npm");
    byte[] before = Files.readAllBytes(db);
    String gone = url("/");
    server.stop(0);
    Cli failed =
        Cli.run("db", "update", "--source", gone, "--db", db.toString(), "--ecosystem", "npm");
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.err()).contains("cannot download", "is unchanged");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void aCorruptExportLeavesTheDatabaseAsItWas() throws IOException {
    Path db = dir.resolve("adv.db");
    Cli.run("db", "update", "--source", url("/"), "--db", db.toString(), "--ecosystem", "npm");
    byte[] before = Files.readAllBytes(db);
    Cli failed =
        Cli.run(
            "db",
            "update",
            "--source",
            url("/corrupt/"),
            "--db",
            db.toString(),
            "--ecosystem",
            "npm");
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.err()).contains("cannot be imported", "is unchanged");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void anUnknownEcosystemIsAUsageError() {
    Cli update =
        Cli.run("db", "update", "--source", url("/"), "--db", "x.db", "--ecosystem", "cargo");
    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(update.err()).contains("--ecosystem takes npm, PyPI, Maven or Go, not 'cargo'");
  }
}
