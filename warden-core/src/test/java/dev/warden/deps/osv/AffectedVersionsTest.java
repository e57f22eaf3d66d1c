package dev.warden.deps.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.deps.Ecosystem;
import dev.warden.deps.VersionRange;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hits and non-hits at the boundaries of real and synthetic ranges. */
class AffectedVersionsTest {

  private static Advisory advisory(String id) throws Exception {
    try (InputStream in =
        AffectedVersionsTest.class.getResourceAsStream("/dev/warden/deps/osv/" + id + ".json")) {
      return AdvisoryReader.read(
          id + ".json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String verdict(String id, Ecosystem ecosystem, String name, String version)
      throws Exception {
    Optional<AffectedVersions.Hit> hit =
        AffectedVersions.check(advisory(id), ecosystem, name, version);
    return hit.map(h -> "affected" + h.fixedIn().map(f -> ", fixed in " + f).orElse(", no fix"))
        .orElse("not affected");
  }

  @ParameterizedTest(name = "semver {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5.7.1|affected, fixed in 5.7.2",
        "5.7.2|not affected",
        "6.0.0-rc.1|not affected",
        "6.0.0|affected, fixed in 6.3.1",
        "6.3.0|affected, fixed in 6.3.1",
        "6.3.1|not affected",
        "7.0.0|affected, fixed in 7.5.2",
        "7.5.2-beta.1|affected, fixed in 7.5.2",
        "7.5.2|not affected",
        "8.0.0|not affected"
      })
  void npmRangesUsePlainPrecedenceIncludingPrereleases(String version, String expected)
      throws Exception {
    assertThat(verdict("GHSA-c2qf-rxjj-qqgw", Ecosystem.NPM, "semver", version))
        .isEqualTo(expected);
  }

  @Test
  void anOpenEndedRangeAffectsEveryVersionWithNoFix() throws Exception {
    assertThat(verdict("GHSA-q4v7-4rhw-9hqm", Ecosystem.NPM, "node-serialize", "0.0.4"))
        .isEqualTo("affected, no fix");
    assertThat(verdict("GHSA-q4v7-4rhw-9hqm", Ecosystem.NPM, "node-serialise", "0.0.4"))
        .as("another package")
        .isEqualTo("not affected");
  }

  @ParameterizedTest(name = "jsonpickle {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.4.1|affected, fixed in 1.4.2|affected, no fix",
        "1.4.2|not affected|affected, no fix",
        "1.4.2.post1|not affected|not affected",
        "1.5|not affected|not affected",
        "0.9.6|affected, fixed in 1.4.2|affected, no fix"
      })
  void fixedAndLastAffectedDisagreeAndBothAreKept(String version, String pysec, String ghsa)
      throws Exception {
    assertThat(verdict("PYSEC-2020-49", Ecosystem.PYPI, "JsonPickle", version)).isEqualTo(pysec);
    assertThat(verdict("GHSA-j66q-qmrc-89rx", Ecosystem.PYPI, "jsonpickle", version))
        .isEqualTo(ghsa);
  }

  @ParameterizedTest(name = "go {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.0.0-20190101000000-bbbbbbbbbbbb|not affected",
        "0.0.0-20210101000000-cccccccccccc|affected, fixed in 1.2.4",
        "1.2.3|affected, fixed in 1.2.4",
        "1.2.4-0.20230101000000-dddddddddddd|affected, fixed in 1.2.4",
        "1.2.4|not affected",
        "2.0.5|affected, no fix",
        "2.1.0|not affected"
      })
  void goRangesOrderPseudoVersionsAndStopAtTheirLimit(String version, String expected)
      throws Exception {
    assertThat(verdict("x_WARDEN-TEST-go", Ecosystem.GO, "example.com/lib", version))
        .isEqualTo(expected);
  }

  private static String rangeVerdict(String id, Ecosystem ecosystem, String name, String range)
      throws Exception {
    Optional<AffectedVersions.Hit> hit =
        AffectedVersions.checkRange(
            advisory(id), ecosystem, name, VersionRange.parse(ecosystem, range));
    return hit.map(h -> "possible" + h.fixedIn().map(f -> ", fixed in " + f).orElse(", no fix"))
        .orElse("not affected");
  }

  @ParameterizedTest(name = "semver range {0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "^7.5.2;not affected",
        "^7.5.1;possible, fixed in 7.5.2",
        "^7.0.0;possible, fixed in 7.5.2",
        "~6.3.0;possible, fixed in 6.3.1",
        "~6.3.1;not affected",
        ">=5.7.2 <6.0.0-0;not affected",
        ">=5.7.2 <6.0.0;not affected",
        ">=5.7.2 <=6.0.0;possible, fixed in 6.3.1",
        "^5.0.0 || ^7.5.2;possible, fixed in 5.7.2",
        "*;possible, fixed in 7.5.2",
        "6.3.0 - 7.0.0;possible, fixed in 7.5.2"
      })
  void aDeclaredRangeIsAffectedWhenItAdmitsAnAffectedVersion(String range, String expected)
      throws Exception {
    assertThat(rangeVerdict("GHSA-c2qf-rxjj-qqgw", Ecosystem.NPM, "semver", range))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "jsonpickle range {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        ">=1.4.2|not affected|possible, no fix",
        ">1.4.2|not affected|not affected",
        "~=1.4.0|possible, fixed in 1.4.2|possible, no fix",
        ">=1.5,<2|not affected|not affected",
        "==0.9.*|possible, fixed in 1.4.2|possible, no fix"
      })
  void specifiersMeetFixedAndLastAffectedBounds(String range, String pysec, String ghsa)
      throws Exception {
    assertThat(rangeVerdict("PYSEC-2020-49", Ecosystem.PYPI, "jsonpickle", range)).isEqualTo(pysec);
    assertThat(rangeVerdict("GHSA-j66q-qmrc-89rx", Ecosystem.PYPI, "jsonpickle", range))
        .isEqualTo(ghsa);
  }

  @Test
  void aRangeIsCutAtTheLimit() throws Exception {
    assertThat(rangeVerdict("x_WARDEN-TEST-go", Ecosystem.GO, "example.com/lib", "v2.1.0"))
        .isEqualTo("not affected");
    assertThat(rangeVerdict("x_WARDEN-TEST-go", Ecosystem.GO, "example.com/lib", "v2.0.9"))
        .isEqualTo("possible, no fix");
  }

  @Test
  void aWithdrawnAdvisoryAffectsNothing() throws Exception {
    assertThat(verdict("x_WARDEN-TEST-withdrawn", Ecosystem.NPM, "semver", "1.0.0"))
        .isEqualTo("not affected");
  }

  @Test
  void aRecordThatBreaksTheSchemaIsRefusedWithWhy() {
    assertThatThrownBy(() -> AdvisoryReader.read("bad.json", "{\"summary\": \"no id\"}"))
        .hasMessage("bad.json: an OSV record is an object with an \"id\"");
    assertThatThrownBy(
            () ->
                AdvisoryReader.read(
                    "bad.json",
                    "{\"id\": \"X\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\": \"a\"},"
                        + " \"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\", \"fixed\": \"1.0.0\"}]}]}]}"))
        .hasMessageContaining("each range event is an object with one key");
    assertThatThrownBy(() -> AdvisoryReader.read("bad.json", "{\"id\": \n"))
        .hasMessageStartingWith("bad.json:2: not valid JSON");
  }

  @Test
  void theRecordKeepsAliasesAndSeverityVectors() throws Exception {
    Advisory semver = advisory("GHSA-c2qf-rxjj-qqgw");
    assertThat(semver.aliases()).containsExactly("CVE-2022-25883");
    assertThat(semver.severity())
        .singleElement()
        .extracting(Advisory.Severity::type)
        .isEqualTo("CVSS_V3");
    assertThat(semver.isMalicious()).isFalse();
  }

  @Test
  void cvssVectorsAreScoredByTheCalculator() throws Exception {
    assertThat(advisory("GHSA-c2qf-rxjj-qqgw").baseScore()).hasValue(7.5);
    assertThat(advisory("GHSA-q4v7-4rhw-9hqm").baseScore()).hasValue(9.8);
    assertThat(advisory("GHSA-j66q-qmrc-89rx").baseScore()).isEmpty();
    assertThat(Advisory.rating(9.8)).isEqualTo("critical");
    assertThat(Advisory.rating(7.5)).isEqualTo("high");
    assertThat(Advisory.rating(4.0)).isEqualTo("medium");
    assertThat(Advisory.rating(0.1)).isEqualTo("low");
  }
}
