package dev.warden.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.document.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockfileReadersTest {

  private static SourceFile fixture(String name) {
    try (InputStream in = LockfileReadersTest.class.getResourceAsStream("lockfiles/" + name)) {
      return new SourceFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("no fixture " + name, e);
    }
  }

  private static Optional<SourceFile> optionalFixture(String name) {
    return LockfileReadersTest.class.getResource("lockfiles/" + name) == null
        ? Optional.empty()
        : Optional.of(fixture(name));
  }

  private static List<String> lines(DependencyFile file) {
    return file.packages().stream()
        .map(
            p ->
                p
                    + (p.direct() ? " direct" : "")
                    + (p.development() ? " dev" : "")
                    + " "
                    + String.join(">", p.path()))
        .toList();
  }

  @Test
  void npmLockfileVersion3GivesEveryInstalledPackageWithItsRequirementPath() {
    DependencyFile lock = NpmLockReader.read(fixture("package-lock-v3.json"), Optional.empty());
    assertThat(lock.problems()).isEmpty();
    assertThat(lines(lock))
        .containsExactly(
            "express-lite@4.18.2 direct express-lite",
            "body-reader@1.20.1 express-lite>body-reader",
            "qs-lite@6.10.3 express-lite>body-reader>qs-lite",
            "qs-lite@6.11.0 express-lite>qs-lite",
            "test-runner@2.1.0 direct dev test-runner");
    assertThat(lock.notes())
        .anyMatch(n -> n.startsWith("shared-utils is a local link"))
        .anyMatch(n -> n.startsWith("forked-lib has no registry version"));
    assertThat(lock.packages().get(2).at().line()).isEqualTo(36);
  }

  @Test
  void npmLockfileVersion1NestsAndTakesDirectNamesFromPackageJson() {
    DependencyFile lock =
        NpmLockReader.read(fixture("package-lock-v1.json"), optionalFixture("package-v1.json"));
    assertThat(lines(lock))
        .containsExactly(
            "left-pad-lite@1.3.0 left-pad-lite",
            "request-lite@2.88.0 direct request-lite",
            "tough-lite@2.4.3 request-lite>tough-lite");
    assertThat(NpmLockReader.read(fixture("package-lock-v1.json"), Optional.empty()).notes())
        .anyMatch(n -> n.contains("direct and transitive packages are not told apart"));
  }

  @Test
  void aCorruptLockfileIsAProblemWithItsLine() {
    DependencyFile lock = NpmLockReader.read(fixture("package-lock-broken.json"), Optional.empty());
    assertThat(lock.packages()).isEmpty();
    assertThat(lock.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.at().file()).isEqualTo("package-lock-broken.json");
              assertThat(p.at().line()).isEqualTo(4);
            });
  }

  @Test
  void requirementsReadPinsRangesExtrasMarkersHashesAndIncludes() {
    DependencyFile requirements =
        RequirementsReader.read(fixture("requirements.txt"), name -> optionalFixture(name));
    assertThat(requirements.packages())
        .extracting(Dependency::toString)
        .containsExactly(
            "pyyaml@5.3.1",
            "requests@2.31.0",
            "urllib3 (>=1.26,<2)",
            "jinja2 (~=3.1)",
            "boto3 (*)");
    assertThat(requirements.packages().get(1).at().line()).isEqualTo(4);
    assertThat(requirements.locked()).isFalse();
    assertThat(requirements.notes()).hasSize(2);
    assertThat(requirements.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.at().line()).isEqualTo(11));
  }

  @Test
  void goModHonoursIndirectReplaceAndExclude() {
    DependencyFile mod = GoModReader.read(fixture("go.mod"));
    assertThat(lines(mod))
        .containsExactly(
            "github.com/aws/aws-lambda-go@1.47.0 direct github.com/aws/aws-lambda-go",
            "golang.org/x/net@0.17.0 golang.org/x/net",
            "github.com/new/lib@1.3.1 direct github.com/new/lib",
            "github.com/single/line@2.3.4+incompatible direct github.com/single/line");
    assertThat(mod.notes()).singleElement().asString().contains("example.com/internal");
    assertThat(mod.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.at().line()).isEqualTo(10));
  }

  @Test
  void yarnClassicResolvesSpecsToVersionsAndPaths() {
    DependencyFile lock =
        YarnLockReader.read(fixture("yarn-classic.lock"), optionalFixture("yarn-package.json"));
    assertThat(lines(lock))
        .containsExactly(
            "@acme/logger@1.2.5 direct @acme/logger",
            "chalk-lite@2.4.2 @acme/logger>chalk-lite",
            "lodash-lite@4.17.20 direct lodash-lite");
    assertThat(lock.notes()).anyMatch(n -> n.startsWith("local-helper is a workspace"));
    assertThat(lock.packages().get(1).at().line()).isEqualTo(12);
  }

  @Test
  void yarnBerryIsReadAsYamlAndSkipsTheWorkspace() {
    DependencyFile lock =
        YarnLockReader.read(fixture("yarn-berry.lock"), optionalFixture("yarn-berry-package.json"));
    assertThat(lines(lock))
        .containsExactly(
            "@acme/logger@1.2.5 direct @acme/logger", "chalk-lite@2.4.2 @acme/logger>chalk-lite");
    assertThat(lock.notes()).anyMatch(n -> n.startsWith("app is a workspace"));
  }

  @Test
  void pnpmVersions6And9GiveTheSamePackagesAndPaths() {
    DependencyFile v9 = PnpmLockReader.read(fixture("pnpm-lock-v9.yaml"));
    assertThat(lines(v9))
        .containsExactly(
            "express-lite@4.18.2 direct express-lite",
            "qs-lite@6.11.0 express-lite>qs-lite",
            "test-runner@2.1.0 direct test-runner");
    assertThat(v9.notes()).anyMatch(n -> n.startsWith("helper is link:../helper"));
    DependencyFile v6 = PnpmLockReader.read(fixture("pnpm-lock-v6.yaml"));
    assertThat(lines(v6))
        .containsExactly(
            "express-lite@4.18.2 direct express-lite", "qs-lite@6.11.0 express-lite>qs-lite");
    assertThat(v6.packages().get(1).at().line()).isEqualTo(16);
  }

  @Test
  void poetryLockWithItsPyprojectGivesDirectDevAndPaths() {
    DependencyFile lock =
        PythonLockReader.readToml(fixture("poetry.lock"), optionalFixture("pyproject.toml"));
    assertThat(lines(lock))
        .containsExactly(
            "requests@2.31.0 direct requests",
            "certifi@2023.7.22 requests>certifi",
            "urllib3@2.0.4 requests>urllib3",
            "pytest-lite@7.4.0 direct dev pytest-lite");
    assertThat(lock.packages().get(1).at().line()).isEqualTo(14);
    assertThat(lock.notes())
        .anyMatch(n -> n.contains("internal-lib is not from the package index"));
  }

  @Test
  void uvLockTakesTheDirectPackagesFromItsOwnProjectEntry() {
    DependencyFile lock = PythonLockReader.readToml(fixture("uv.lock"), Optional.empty());
    assertThat(lines(lock)).containsExactly("pyyaml@6.0.1 direct pyyaml");
    assertThat(lock.packages().get(0).at().line()).isEqualTo(12);
  }

  @Test
  void pipfileLockReadsBothSectionsAndNotesVcsSources() {
    DependencyFile lock =
        PythonLockReader.readPipfileLock(fixture("Pipfile.lock"), optionalFixture("Pipfile"));
    assertThat(lines(lock))
        .containsExactly(
            "requests@2.31.0 direct requests",
            "urllib3@2.0.4 urllib3",
            "pytest-lite@7.4.0 direct dev pytest-lite");
    assertThat(lock.notes()).anyMatch(n -> n.contains("internal-lib has no pinned version"));
  }

  @Test
  void aBrokenTomlLockfileIsAProblem() {
    DependencyFile lock =
        PythonLockReader.readToml(
            new dev.warden.inventory.document.SourceFile("poetry.lock", "[[package]\nname = "),
            Optional.empty());
    assertThat(lock.packages()).isEmpty();
    assertThat(lock.problems()).singleElement().asString().contains("not valid TOML");
  }

  @Test
  void aPomResolvesPropertiesProjectValuesAndManagedVersions() {
    DependencyFile pom = MavenReader.readPom(fixture("pom.xml"));
    assertThat(pom.packages())
        .extracting(d -> d + (d.development() ? " test" : ""))
        .containsExactly(
            "com.fasterxml.jackson.core:jackson-databind@2.15.2",
            "org.apache.logging.log4j:log4j-core@2.14.1",
            "com.acme:acme-common@3.2.0",
            "com.amazonaws:aws-lambda-java-core ([1.2,2.0))",
            "software.amazon.awssdk:s3 (*)",
            "org.junit.jupiter:junit-jupiter@5.10.0 test");
    assertThat(pom.packages().get(1).at().line()).isEqualTo(29);
    assertThat(pom.locked()).isFalse();
    assertThat(pom.notes())
        .anyMatch(n -> n.contains("software.amazon.awssdk:s3 comes from outside this pom"))
        .anyMatch(n -> n.contains("mvn dependency:list"));
  }

  @Test
  void dependencyListGivesTheTransitiveOnesAndGradleLocksTheirVersions() {
    DependencyFile pom = MavenReader.readPom(fixture("pom.xml"));
    DependencyFile listed =
        MavenReader.readDependencyList(fixture("dependencies.txt"), Optional.of(pom));
    assertThat(lines(listed))
        .containsExactly(
            "com.fasterxml.jackson.core:jackson-databind@2.15.2 direct com.fasterxml.jackson.core:jackson-databind",
            "com.fasterxml.jackson.core:jackson-core@2.15.2 com.fasterxml.jackson.core:jackson-core",
            "org.apache.logging.log4j:log4j-core@2.14.1 direct org.apache.logging.log4j:log4j-core",
            "org.junit.jupiter:junit-jupiter@5.10.0 direct dev org.junit.jupiter:junit-jupiter",
            "io.netty:netty-codec-http@4.1.94.Final io.netty:netty-codec-http");
    DependencyFile gradle = MavenReader.readGradleLock(fixture("gradle.lockfile"));
    assertThat(gradle.packages())
        .extracting(d -> d + (d.development() ? " test" : ""))
        .containsExactly(
            "com.fasterxml.jackson.core:jackson-databind@2.15.2",
            "org.junit.jupiter:junit-jupiter@5.10.0 test");
    assertThat(gradle.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.at().line()).isEqualTo(4));
  }

  @Test
  void aBrokenPomIsAProblemWithItsLineAndEntitiesAreNotResolved() {
    DependencyFile broken = MavenReader.readPom(fixture("pom-broken.xml"));
    assertThat(broken.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.at().line()).isEqualTo(4));
    DependencyFile xxe =
        MavenReader.readPom(
            new SourceFile(
                "pom.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                    + "<project><properties><v>&x;</v></properties></project>"));
    assertThat(xxe.packages()).isEmpty();
    assertThat(xxe.problems()).hasSize(1);
  }

  @Test
  void aLockfileThatContradictsItsManifestIsReportedAtTheManifestsLine() {
    SourceFile manifest =
        new SourceFile(
            "api/package.json",
            """
            {
              "dependencies": {
                "lodash": "^4.17.21",
                "express": "^4.18.0",
                "uuid": "^9.0.0",
                "local-lib": "file:../lib"
              }
            }
            """);
    SourceFile lockfile =
        new SourceFile(
            "api/package-lock.json",
            """
            {"lockfileVersion": 3, "packages": {
              "": {"dependencies": {"lodash": "^4.17.0", "uuid": "^9.0.0"}},
              "node_modules/lodash": {"version": "4.17.15"},
              "node_modules/uuid": {"version": "9.0.1"}}}
            """);
    DependencyFile read = NpmLockReader.read(lockfile, Optional.of(manifest));
    assertThat(read.problems())
        .extracting(p -> p.at().line(), InputProblem::message)
        .containsExactly(
            tuple(
                3,
                "api/package.json asks for lodash ^4.17.21 but api/package-lock.json locks"
                    + " 4.17.15: the lockfile is out of date (packages are matched as locked)"),
            tuple(
                4,
                "api/package.json asks for express ^4.18.0 but api/package-lock.json does not"
                    + " lock it: the lockfile is out of date"));
    assertThat(read.packages()).extracting(Dependency::toString).contains("lodash@4.17.15");
  }
}
