package dev.warden.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The orderings against their reference implementations: the npm and PyPI fixtures are sorted by
 * node-semver and Python's packaging (tools/version-fixtures/generate.sh writes them); Maven's is
 * Maven's own ComparableVersion, checked here on the cases OSV matching depends on.
 */
class VersionOrderingTest {

  /** Groups of equal versions, in ascending order, as the reference sorted them. */
  private static List<List<String>> fixture(String name) throws IOException {
    try (InputStream in = VersionOrderingTest.class.getResourceAsStream(name)) {
      List<List<String>> groups = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          groups.add(List.of(line.strip().split(" ", -1)));
        }
      }
      return groups;
    }
  }

  private static void sortsLikeTheReference(Ecosystem ecosystem, String fixture)
      throws IOException {
    List<List<String>> groups = fixture(fixture);
    List<String> shuffled = new ArrayList<>();
    groups.forEach(shuffled::addAll);
    for (long seed = 0; seed < 20; seed++) {
      Collections.shuffle(shuffled, new Random(seed));
      List<String> sorted = new ArrayList<>(shuffled);
      sorted.sort(ecosystem.order());
      int at = 0;
      for (List<String> group : groups) {
        List<String> mine = sorted.subList(at, at + group.size());
        assertThat(mine).as("group at %d", at).containsExactlyInAnyOrderElementsOf(group);
        for (String version : group) {
          assertThat(ecosystem.compare(version, group.get(0))).isZero();
        }
        at += group.size();
      }
    }
  }

  @Test
  void npmSortsLikeNodeSemver() throws IOException {
    sortsLikeTheReference(Ecosystem.NPM, "npm-order.txt");
  }

  @Test
  void pypiSortsLikePythonPackaging() throws IOException {
    sortsLikeTheReference(Ecosystem.PYPI, "pypi-order.txt");
  }

  @Test
  void randomVersionsSortLikeTheReferences() throws IOException {
    sortsLikeTheReference(Ecosystem.NPM, "npm-random-order.txt");
    sortsLikeTheReference(Ecosystem.PYPI, "pypi-random-order.txt");
  }

  @ParameterizedTest(name = "Maven {0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.0-SNAPSHOT < 1.0",
        "1.0-rc1 = 1.0-cr1",
        "1.0-rc1 < 1.0-SNAPSHOT",
        "1.0-sp1 > 1.0",
        "1.0-foo > 1.0-sp",
        "5.3.20.RELEASE = 5.3.20",
        "2.9.10.8 > 2.9.10",
        "9.4.43.v20210629 < 9.4.44.v20210927",
        "1.0 = 1.0.0",
        "1-1 < 1.1",
        "1.0-alpha1 < 1.0-beta1",
        "1.0-beta1 < 1.0-milestone1",
        "1.0-milestone1 < 1.0-rc1"
      })
  void mavenIsMavensOwnOrdering(String a, String relation, String b) {
    assertRelation(Ecosystem.MAVEN, a, relation, b);
  }

  private static void assertRelation(Ecosystem ecosystem, String a, String relation, String b) {
    int expected = relation.equals("<") ? -1 : relation.equals(">") ? 1 : 0;
    assertThat(Integer.signum(ecosystem.compare(a, b))).isEqualTo(expected);
  }

  /**
   * Found by the property test: Maven's own ComparableVersion (which OSV's Maven matching mirrors)
   * is not transitive when dot and dash qualifiers mix. Warden keeps Maven's ordering rather than
   * invent another; published versions do not take these shapes.
   */
  @org.junit.jupiter.api.Test
  void mavensOwnOrderingIsNotTransitiveOnMixedForms() {
    assertRelation(Ecosystem.MAVEN, "0-1", "<", "0.alpha.0");
    assertRelation(Ecosystem.MAVEN, "0.alpha.0", "<", "0");
    assertRelation(Ecosystem.MAVEN, "0-1", ">", "0");
  }

  @ParameterizedTest(name = "Go {0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "v0.0.0-20210101120000-abcdef123456 < v0.1.0",
        "v1.2.3 < v1.2.4-0.20210101120000-abcdef123456",
        "v1.2.4-0.20210101120000-abcdef123456 < v1.2.4",
        "v1.2.4-pre < v1.2.4-pre.0.20210101120000-abcdef123456",
        "v2.0.0+incompatible = v2.0.0",
        "1.2.3 = v1.2.3",
        "v1.10.0 > v1.9.9"
      })
  void goModuleVersionsOrderPseudoVersionsBetweenTheirTags(String a, String relation, String b) {
    assertRelation(Ecosystem.GO, a, relation, b);
  }

  @Test
  void versionsAnEcosystemCannotReadSaySo() {
    assertThatThrownBy(() -> Ecosystem.NPM.compare("1.2", "1.2.0"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessage("not a SemVer version: \"1.2\"");
    assertThat(Ecosystem.NPM.isValid("01.2.3")).isFalse();
    assertThat(Ecosystem.NPM.isValid("1.2.3-01")).isFalse();
    assertThat(Ecosystem.NPM.isValid("v1.2.3")).isTrue();
    assertThat(Ecosystem.PYPI.isValid("1.0-foo-bar")).isFalse();
    assertThat(Ecosystem.PYPI.isValid("latest")).isFalse();
    assertThat(Ecosystem.GO.isValid("master")).isFalse();
    assertThat(Ecosystem.MAVEN.isValid("anything-at-all")).isTrue();
  }

  @Test
  void pep440VersionsPrintNormalised() {
    assertThat(Pep440Version.parse("V1.0-Preview.2").toString()).isEqualTo("1.0rc2");
    assertThat(Pep440Version.parse("1!2.0.post_3.dev-4+Ubuntu.01").toString())
        .isEqualTo("1!2.0.post3.dev4+ubuntu.1");
  }

  @Test
  void osvSpellsTheEcosystems() {
    assertThat(Ecosystem.ofOsv("PyPI")).contains(Ecosystem.PYPI);
    assertThat(Ecosystem.ofOsv("Maven:https://repo.example/maven2")).contains(Ecosystem.MAVEN);
    assertThat(Ecosystem.ofOsv("crates.io")).isEmpty();
  }
}
