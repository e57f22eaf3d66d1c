package dev.warden.rules.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.deps.osv.AdvisoryDatabase;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanOptions;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.Loaded;
import dev.warden.testing.Repo;
import dev.warden.testing.RuleFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scan reports about the packages functions ship, against an advisory database imported from
 * the test advisories: vulnerable versions and ranges, malicious packages, manifests without a
 * lockfile, reachability, and lockfiles it cannot read.
 */
class PackageFindingsTest {

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        NodeFunction:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: nodejs20.x
            Handler: index.handler
            CodeUri: node/
        PythonFunction:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: app.handler
            CodeUri: python/
        BrokenFunction:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: nodejs20.x
            Handler: index.handler
            CodeUri: broken/
      """;

  private static final String LOCK =
      """
      {
        "name": "node-fn",
        "lockfileVersion": 3,
        "packages": {
          "": {"name": "node-fn", "dependencies": {"semver": "7.0.0", "node-serialize": "0.0.4",
                "evil-helper": "1.0.0"}},
          "node_modules/semver": {"version": "7.0.0"},
          "node_modules/node-serialize": {"version": "0.0.4"},
          "node_modules/evil-helper": {"version": "1.0.0"}
        }
      }
      """;

  private static final String MALICIOUS =
      """
      {"id": "MAL-2099-0001", "modified": "2026-11-01T00:00:00Z",
       "summary": "evil-helper sends environment variables to a remote host",
       "affected": [{"package": {"ecosystem": "npm", "name": "evil-helper"},
                     "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]}
      """;

  @TempDir Path app;
  @TempDir Path data;
  private Path database;

  @BeforeEach
  void writeAppAndDatabase() throws Exception {
    Loaded.write(app, "template.yaml", TEMPLATE);
    Loaded.write(app, "node/index.js", "const ser = require('node-serialize');\n");
    Loaded.write(app, "node/package.json", "{\"dependencies\": {\"semver\": \"7.0.0\"}}\n");
    Loaded.write(app, "node/package-lock.json", LOCK);
    Loaded.write(app, "python/app.py", "import jsonpickle\n\ndef handler(e, c):\n    pass\n");
    Loaded.write(app, "python/requirements.txt", "jsonpickle>=1.4\n");
    Loaded.write(app, "broken/index.js", "exports.handler = async () => 1;\n");
    Loaded.write(app, "broken/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\n");
    Path advisories = data.resolve("osv");
    Files.createDirectories(advisories);
    Path tests = Repo.path("warden-core/src/test/resources/dev/warden/deps/osv");
    for (String id : List.of("GHSA-c2qf-rxjj-qqgw", "GHSA-q4v7-4rhw-9hqm", "PYSEC-2020-49")) {
      Files.copy(tests.resolve(id + ".json"), advisories.resolve(id + ".json"));
    }
    Files.writeString(advisories.resolve("MAL-2099-0001.json"), MALICIOUS);
    database = data.resolve("advisories.db");
    AdvisoryDatabase.importFrom(List.of(advisories), database, false);
  }

  private ScanResult scan(ScanOptions options) {
    return Scan.run(ScanRequest.of(app), RuleFixture.CLOCK, options);
  }

  private static List<Finding> of(ScanResult result, String ruleId, String function) {
    return result.findings().stream()
        .filter(f -> f.rule().id().equals(ruleId))
        .filter(f -> f.functionName().orElse("").equals(function))
        .toList();
  }

  @Test
  void anImportedVulnerablePackageKeepsItsSeverityAndSaysItIsReachable() {
    ScanResult result = scan(ScanOptions.defaults().withAdvisoryDatabase(database));
    Finding serialize =
        of(result, "WDN-DEP-001", "NodeFunction").stream()
            .filter(f -> f.details().get("package").equals("node-serialize"))
            .findFirst()
            .orElseThrow();
    assertThat(serialize.details())
        .containsEntry("version", "0.0.4")
        .containsEntry("ecosystem", "npm")
        .containsEntry("advisories", List.of("GHSA-q4v7-4rhw-9hqm"))
        .containsEntry("fixedIn", null)
        .containsEntry("reachable", true)
        .containsEntry("dependencyPath", List.of("node-serialize"));
    assertThat(serialize.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(serialize.message())
        .contains("node-serialize@0.0.4", "GHSA-q4v7-4rhw-9hqm (CVE-2017-5941)")
        .contains("no fixed version is known", "the handler's code imports it");
    assertThat(serialize.location().file()).isEqualTo("node/package-lock.json");
    assertThat(serialize.location().line()).isEqualTo(8);
  }

  @Test
  void aPackageTheHandlerDoesNotImportIsRankedOneStepLower() {
    ScanResult result = scan(ScanOptions.defaults().withAdvisoryDatabase(database));
    Finding semver =
        of(result, "WDN-DEP-001", "NodeFunction").stream()
            .filter(f -> f.details().get("package").equals("semver"))
            .findFirst()
            .orElseThrow();
    // GHSA-c2qf-rxjj-qqgw scores 7.5 (high): not imported, it is reported as medium
    assertThat(semver.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(semver.details())
        .containsEntry("reachable", false)
        .containsEntry("fixedIn", "7.5.2");
    assertThat(semver.message()).contains("does not import it, so it is ranked lower");
  }

  @Test
  void aDevelopmentDependencyIsRankedLowerForProductionBuildsLeaveItOut() throws Exception {
    Loaded.write(
        app,
        "node/package-lock.json",
        LOCK.replace(
                "\"node_modules/semver\": {\"version\": \"7.0.0\"}",
                "\"node_modules/semver\": {\"version\": \"7.0.0\", \"dev\": true}")
            .replace("\"semver\": \"7.0.0\", \"node-serialize\"", "\"node-serialize\""));
    ScanResult result = scan(ScanOptions.defaults().withAdvisoryDatabase(database));
    Finding semver =
        of(result, "WDN-DEP-001", "NodeFunction").stream()
            .filter(f -> f.details().get("package").equals("semver"))
            .findFirst()
            .orElseThrow();
    // high (7.5), not imported: medium; a development dependency: low
    assertThat(semver.severity()).isEqualTo(Severity.LOW);
    assertThat(semver.message())
        .contains("a development dependency, left out of production builds");
  }

  @Test
  void aDeclaredRangeIsMatchedConservativelyAndTheManifestIsUnpinned() {
    ScanResult result = scan(ScanOptions.defaults().withAdvisoryDatabase(database));
    Finding pickle = of(result, "WDN-DEP-001", "PythonFunction").get(0);
    assertThat(pickle.details())
        .containsEntry("package", "jsonpickle")
        .containsEntry("version", null)
        .containsEntry("range", ">=1.4")
        .containsEntry("ecosystem", "PyPI")
        .containsEntry("fixedIn", "1.4.2");
    assertThat(pickle.message()).contains("declared range >=1.4, which admits versions affected");
    List<Finding> unpinned = of(result, "WDN-DEP-003", "PythonFunction");
    assertThat(unpinned).hasSize(1);
    assertThat(unpinned.get(0).details())
        .containsEntry("manifest", "python/requirements.txt")
        .containsEntry("unpinned", List.of(Map.of("package", "jsonpickle", "range", ">=1.4")));
    assertThat(of(result, "WDN-DEP-003", "NodeFunction")).as("locked").isEmpty();
  }

  @Test
  void aKnownMaliciousPackageIsCriticalWhateverItsVersion() {
    ScanResult result = scan(ScanOptions.defaults().withAdvisoryDatabase(database));
    List<Finding> malicious = of(result, "WDN-DEP-002", "NodeFunction");
    assertThat(malicious).hasSize(1);
    assertThat(malicious.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(malicious.get(0).message())
        .contains("evil-helper@1.0.0", "MAL-2099-0001", "sends environment variables");
    assertThat(of(result, "WDN-DEP-001", "NodeFunction"))
        .noneMatch(f -> f.details().get("package").equals("evil-helper"));
  }

  @Test
  void aLockfileThatCannotBeReadIsAnInputErrorAndTheScanGoesOn() {
    ScanResult result = scan(ScanOptions.defaults().withAdvisoryDatabase(database));
    List<Finding> errors =
        result.findings().stream().filter(f -> f.rule().id().equals("WDN-INPUT-001")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).location().file()).isEqualTo("broken/package-lock.json");
    assertThat(of(result, "WDN-DEP-001", "NodeFunction")).hasSize(2);
  }

  @Test
  void withoutADatabasePackagesAreListedNotMatchedAndTheReportSaysWhy() {
    ScanResult result = scan(ScanOptions.defaults().withAdvisoryDatabase(data.resolve("none.db")));
    assertThat(result.findings()).noneMatch(f -> f.rule().id().equals("WDN-DEP-001"));
    assertThat(of(result, "WDN-DEP-003", "PythonFunction")).hasSize(1);
    assertThat(result.advisories().status(RuleFixture.CLOCK)).isEqualTo("missing");
    assertThat(result.advisories().warning(RuleFixture.CLOCK).orElseThrow())
        .contains("none.db", "not matched");
  }

  @Test
  void aFileThatIsNotADatabaseIsReportedUnreadable() throws Exception {
    Path notADatabase = data.resolve("notes.db");
    Files.writeString(notADatabase, "these are not the advisories you are looking for\n");
    ScanResult result = scan(ScanOptions.defaults().withAdvisoryDatabase(notADatabase));
    assertThat(result.advisories().status(RuleFixture.CLOCK)).isEqualTo("unreadable");
    assertThat(result.findings()).noneMatch(f -> f.rule().id().equals("WDN-DEP-001"));
    assertThat(Files.readString(notADatabase)).startsWith("these are not");
  }
}
