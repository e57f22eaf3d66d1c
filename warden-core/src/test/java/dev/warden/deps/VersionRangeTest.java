package dev.warden.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Declared ranges read as the package managers read them: npm ranges exactly as node-semver with
 * prereleases included, PEP 440 specifiers as pip's packaging or wider (never narrower), Maven
 * version ranges as Maven's documentation gives them.
 */
class VersionRangeTest {

  private static final Pattern TAB = Pattern.compile("\t");

  /** One fixture row: the range, a version, whether the reference implementation admits it. */
  private record Row(String range, String version, boolean admitted) {}

  private static List<Row> rows(String resource) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = VersionRangeTest.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        List<String> cells = TAB.splitAsStream(line).toList();
        rows.add(new Row(cells.get(0), cells.get(1), Boolean.parseBoolean(cells.get(2))));
      }
    }
    return rows;
  }

  @Test
  void npmRangesAdmitExactlyWhatNodeSemverAdmits() throws IOException {
    List<Row> rows = rows("npm-ranges.tsv");
    assertThat(rows).hasSizeGreaterThan(1000);
    List<String> differences = new ArrayList<>();
    for (Row row : rows) {
      boolean ours = VersionRange.parse(Ecosystem.NPM, row.range()).contains(row.version());
      if (ours != row.admitted()) {
        differences.add(row.range() + " " + row.version() + " node-semver=" + row.admitted());
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void pep440SpecifiersAdmitWhatPackagingAdmitsAndOnlyWidenWhereConservative() throws IOException {
    List<Row> rows = rows("pypi-specifiers.tsv");
    assertThat(rows).hasSizeGreaterThan(500);
    List<String> narrower = new ArrayList<>();
    List<String> wider = new ArrayList<>();
    for (Row row : rows) {
      boolean ours = VersionRange.parse(Ecosystem.PYPI, row.range()).contains(row.version());
      if (row.admitted() && !ours) {
        narrower.add(row.range() + " " + row.version());
      } else if (!row.admitted() && ours) {
        wider.add(row.range() + " " + row.version());
      }
    }
    assertThat(narrower).isEmpty();
    // The only widenings: an exclusion is ignored, a strict > or < does not drop the post and
    // pre releases of its own version as packaging does, and === compares versions, not text.
    assertThat(wider).allSatisfy(w -> assertThat(w).matches(".*(!=|===|(^|,)[<>][^=]).*"));
    assertThat(wider).contains(">=1.0,!=1.5 1.5", ">2.0 2.0.post1", "<3 3.0a1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1.0,2.0)|1.0|true",
        "[1.0,2.0)|1.5.3|true",
        "[1.0,2.0)|2.0|false",
        "[1.0,2.0)|0.9|false",
        "(1.0,2.0]|1.0|false",
        "(1.0,2.0]|2.0|true",
        "[1.2]|1.2|true",
        "[1.2]|1.2.0|true",
        "[1.2]|1.3|false",
        "(,1.0],[1.2,)|1.1|false",
        "(,1.0],[1.2,)|0.5|true",
        "(,1.0],[1.2,)|3.0|true",
        "[1.5,)|1.5-SNAPSHOT|false",
        "2.17.0|2.17.0|true",
        "2.17.0|2.17.1|false",
        "*|0.1|true"
      })
  void mavenRangesFollowMavensSyntax(String range, String version, boolean admitted) {
    assertThat(VersionRange.parse(Ecosystem.MAVEN, range).contains(version)).isEqualTo(admitted);
  }

  @Test
  void rangesThatAreNotVersionsAreRefused() {
    assertThatThrownBy(() -> VersionRange.parse(Ecosystem.NPM, "github:acme/left-pad#v1"))
        .isInstanceOf(InvalidVersionException.class);
    assertThatThrownBy(() -> VersionRange.parse(Ecosystem.NPM, "file:../lib"))
        .isInstanceOf(InvalidVersionException.class);
    assertThatThrownBy(() -> VersionRange.parse(Ecosystem.PYPI, "@ https://x/y.whl"))
        .isInstanceOf(InvalidVersionException.class);
    assertThatThrownBy(() -> VersionRange.parse(Ecosystem.MAVEN, "[1.0,2.0"))
        .isInstanceOf(InvalidVersionException.class);
    assertThatThrownBy(() -> VersionRange.parse(Ecosystem.PYPI, "~=2"))
        .isInstanceOf(InvalidVersionException.class);
  }

  @Test
  void theLowestVersionOfARangeIsItsFloor() {
    assertThat(VersionRange.parse(Ecosystem.NPM, "^4.17.0").lowest()).contains("4.17.0");
    assertThat(VersionRange.parse(Ecosystem.NPM, "<5").lowest()).isEmpty();
    assertThat(VersionRange.parse(Ecosystem.PYPI, ">=2.0,<3").lowest()).contains("2.0");
  }
}
