package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Loaded;
import dev.warden.testing.Repo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepsCommandTest {

  private static final String ADVISORIES =
      Repo.path("warden-core/src/test/resources/dev/warden/deps/osv").toString();

  @TempDir Path dir;

  private Path app() {
    Loaded.write(
        dir,
        "app/src/api/package-lock.json",
        """
        {"lockfileVersion": 3, "packages": {
          "": {"dependencies": {"semver": "^7.0.0", "node-serialize": "0.0.4", "left-pad-lite": "1.3.0"}},
          "node_modules/semver": {"version": "7.5.1"},
          "node_modules/node-serialize": {"version": "0.0.4"},
          "node_modules/left-pad-lite": {"version": "1.3.0"}}}
        """);
    Loaded.write(
        dir,
        "app/template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Properties: {Runtime: nodejs22.x, Handler: index.handler, CodeUri: src/api/}
        """);
    return dir.resolve("app");
  }

  @Test
  void importThenDepsReportsEachVulnerablePackageWithItsFix() {
    String db = dir.resolve("adv.db").toString();
    Cli imported = Cli.run("db", "import", ADVISORIES, "--db", db);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 6 advisories").contains("npm: 3");
    assertThat(Cli.run("db", "status", "--db", db).out())
        .contains("npm: 3 advisories")
        .contains("0 days ago");

    Cli deps = Cli.run("deps", app().toString(), "--db", db);
    assertThat(deps.exitCode()).isEqualTo(1);
    assertThat(deps.out())
        .contains("Api: 3 packages in 1 file")
        .contains(
            "semver@7.5.1 (npm) GHSA-c2qf-rxjj-qqgw (CVE-2022-25883), CVSS 7.5 high; fixed in 7.5.2")
        .contains(
            "node-serialize@0.0.4 (npm) GHSA-q4v7-4rhw-9hqm (CVE-2017-5941), CVSS 9.8 critical; no fixed version")
        .doesNotContain("left-pad-lite@");

    Cli json = Cli.run("deps", app().toString(), "--db", db, "--format", "json");
    assertThat(json.out())
        .contains("\"package\" : \"semver\"")
        .contains("\"fixedIn\" : \"7.5.2\"")
        .contains("\"cvss\" : 7.5")
        .contains("\"ecosystem\" : \"npm\"")
        .contains("\"aliases\" : [ \"CVE-2022-25883\" ]");
  }

  @Test
  void withoutADatabaseDepsSaysHowToGetOne() {
    Cli deps = Cli.run("deps", app().toString(), "--db", dir.resolve("none.db").toString());
    assertThat(deps.exitCode()).isEqualTo(2);
    assertThat(deps.err()).contains("no advisory database").contains("warden db import");
  }

  @Test
  void aDatabaseOlderThanAWeekIsStale() {
    assertThat(DepsCommand.stale(java.time.Instant.now().toString())).isFalse();
    assertThat(
            DepsCommand.stale(
                java.time.Instant.now().minus(java.time.Duration.ofDays(8)).toString()))
        .isTrue();
    assertThat(DepsCommand.stale("")).isTrue();
  }
}
