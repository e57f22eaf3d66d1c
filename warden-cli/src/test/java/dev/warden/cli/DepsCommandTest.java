package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.JsonSchemas;
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
    assertThat(deps.exitCode()).as(deps.err()).isEqualTo(1);
    assertThat(deps.out())
        .contains("Api: 3 packages in 1 file (src/api/package-lock.json)")
        .contains("  high  WDN-DEP-001  src/api/package-lock.json:")
        .contains("semver@7.5.1, affected by GHSA-c2qf-rxjj-qqgw (CVE-2022-25883)")
        .contains("7.5.2 fixes it")
        .contains("  critical  WDN-DEP-001")
        .contains("node-serialize@0.0.4, affected by GHSA-q4v7-4rhw-9hqm (CVE-2017-5941)")
        .contains("no fixed version is known")
        .contains("Advisories: " + db + " of ")
        .doesNotContain("left-pad-lite@");

    Cli json = Cli.run("deps", app().toString(), "--db", db, "--format", "json");
    JsonSchemas.assertValid("report-v1.schema.json", json.out());
    assertThat(json.out())
        .contains("\"category\": \"vulnerable-dependency\"")
        .contains("\"package\": \"semver\"")
        .contains("\"version\": \"7.5.1\"")
        .contains("\"fixedIn\": \"7.5.2\"")
        .contains("\"cvss\": 7.5")
        .contains("\"ecosystem\": \"npm\"")
        .contains("\"advisories\": [\n        \"GHSA-c2qf-rxjj-qqgw\"\n      ]")
        .contains("\"status\": \"current\"")
        .doesNotContain("WDN-IAM-");
  }

  @Test
  void cyclonedxWritesOneValidSbomPerFunctionWithItsVulnerabilities() throws Exception {
    String db = dir.resolve("adv.db").toString();
    Cli.run("db", "import", ADVISORIES, "--db", db);
    Cli sbom = Cli.run("deps", app().toString(), "--db", db, "--format", "cyclonedx");
    assertThat(sbom.exitCode()).as(sbom.err()).isEqualTo(1);
    JsonSchemas.assertValidCycloneDx(sbom.out());
    assertThat(sbom.out())
        .contains("\"specVersion\" : \"1.6\"")
        .contains("\"purl\" : \"pkg:npm/semver@7.5.1\"")
        .contains("\"id\" : \"GHSA-c2qf-rxjj-qqgw\"")
        .contains("\"ref\" : \"pkg:npm/semver@7.5.1\"")
        .contains("\"name\" : \"Api\"");
    assertThat(serial(Cli.run("deps", app().toString(), "--db", db, "--format", "cyclonedx").out()))
        .as("the same packages give the same serial number")
        .isEqualTo(serial(sbom.out()))
        .startsWith("urn:uuid:");

    Path out = dir.resolve("sboms");
    Cli folder =
        Cli.run(
            "deps",
            app().toString(),
            "--db",
            db,
            "--format",
            "cyclonedx",
            "--output",
            out.toString());
    assertThat(folder.err()).contains("wrote 1 SBOM into");
    JsonSchemas.assertValidCycloneDx(java.nio.file.Files.readString(out.resolve("Api.cdx.json")));
  }

  @Test
  void withoutADatabaseDepsListsThePackagesAndSaysTheyWereNotMatched() {
    Cli deps = Cli.run("deps", app().toString(), "--db", dir.resolve("none.db").toString());
    assertThat(deps.exitCode()).isZero();
    assertThat(deps.out())
        .contains("Api: 3 packages in 1 file")
        .contains("Warning: no advisory database at")
        .contains("not matched against advisories")
        .contains("warden db update");
  }

  private static String serial(String sbom) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"serialNumber\" : \"([^\"]+)\"").matcher(sbom);
    return m.find() ? m.group(1) : "";
  }
}
