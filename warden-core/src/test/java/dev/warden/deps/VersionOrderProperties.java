package dev.warden.deps;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Each ordering is a total order on the versions it reads: reflexive, antisymmetric and transitive,
 * whatever the versions (generated from the parts each grammar has, with the tricky ones made
 * likely: zeros, prereleases, post and dev releases, locals, qualifiers).
 */
class VersionOrderProperties {

  private static void totalOrder(Ecosystem ecosystem, String a, String b, String c) {
    assertThat(ecosystem.compare(a, a)).isZero();
    assertThat(Integer.signum(ecosystem.compare(a, b)))
        .isEqualTo(-Integer.signum(ecosystem.compare(b, a)));
    if (ecosystem.compare(a, b) <= 0 && ecosystem.compare(b, c) <= 0) {
      assertThat(ecosystem.compare(a, c)).isLessThanOrEqualTo(0);
    }
    if (ecosystem.compare(a, b) == 0) {
      assertThat(Integer.signum(ecosystem.compare(a, c)))
          .isEqualTo(Integer.signum(ecosystem.compare(b, c)));
    }
  }

  @Property(tries = 500)
  void semverIsATotalOrder(
      @ForAll("semver") String a, @ForAll("semver") String b, @ForAll("semver") String c) {
    totalOrder(Ecosystem.NPM, a, b, c);
  }

  @Property(tries = 500)
  void goIsATotalOrder(
      @ForAll("semver") String a, @ForAll("semver") String b, @ForAll("semver") String c) {
    totalOrder(Ecosystem.GO, "v" + a, b, "v" + c);
  }

  @Property(tries = 500)
  void pep440IsATotalOrder(
      @ForAll("pep440") String a, @ForAll("pep440") String b, @ForAll("pep440") String c) {
    totalOrder(Ecosystem.PYPI, a, b, c);
  }

  @Property(tries = 300)
  void pep440NormalFormsReadBackEqual(@ForAll("pep440") String version) {
    Pep440Version parsed = Pep440Version.parse(version);
    Pep440Version again = Pep440Version.parse(parsed.toString());
    assertThat(again).isEqualTo(parsed);
    assertThat(again.hashCode()).isEqualTo(parsed.hashCode());
  }

  @Property(tries = 300)
  void mavenIsATotalOrder(
      @ForAll("maven") String a, @ForAll("maven") String b, @ForAll("maven") String c) {
    totalOrder(Ecosystem.MAVEN, a, b, c);
  }

  private static Arbitrary<String> number() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 3).map(String::valueOf)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 100_000).map(String::valueOf)));
  }

  @Provide
  Arbitrary<String> semver() {
    Arbitrary<String> identifier =
        Arbitraries.oneOf(
            number(), Arbitraries.of("alpha", "beta", "rc", "x", "X", "a-b", "-", "0a"));
    Arbitrary<String> pre =
        identifier
            .list()
            .ofMinSize(0)
            .ofMaxSize(3)
            .map(l -> l.isEmpty() ? "" : "-" + String.join(".", l));
    Arbitrary<String> build = Arbitraries.of("", "+build.5", "+001");
    return Combinators.combine(number(), number(), number(), pre, build)
        .as((x, y, z, p, b) -> x + "." + y + "." + z + p + b);
  }

  @Provide
  Arbitrary<String> pep440() {
    Arbitrary<String> release =
        number().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> epoch = Arbitraries.of("", "", "", "1!");
    Arbitrary<String> pre =
        Combinators.combine(
                Arbitraries.of("", "", "a", "b", "rc", "c", "alpha", "-beta", ".pre"),
                Arbitraries.of("", "0", "1", "12"))
            .as((l, n) -> l.isEmpty() ? "" : l + n);
    Arbitrary<String> post = Arbitraries.of("", "", ".post1", ".post0", "-2", "post", ".rev3");
    Arbitrary<String> dev = Arbitraries.of("", "", ".dev0", ".dev5", "dev");
    Arbitrary<String> local = Arbitraries.of("", "", "+abc", "+1", "+abc.2", "+1.abc", "+01");
    return Combinators.combine(epoch, release, pre, post, dev, local)
        .as((e, r, p, po, d, l) -> e + r + p + po + d + l);
  }

  /**
   * Maven versions of the shapes published on Maven Central: release numbers, an optional
   * dot-suffix ({@code .RELEASE}, {@code .Final}, {@code .v20210629}), an optional dash qualifier
   * ({@code -rc1}, {@code -SNAPSHOT}, {@code -beta-2}). ComparableVersion is not transitive on
   * every string (see {@link VersionOrderingTest#mavensOwnOrderingIsNotTransitiveOnMixedForms}).
   */
  @Provide
  Arbitrary<String> maven() {
    Arbitrary<String> release =
        number().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> dotted =
        Arbitraries.of("", "", "", ".RELEASE", ".Final", ".GA", ".v20210629", ".v20220101");
    Arbitrary<String> qualifier =
        Arbitraries.of(
            "",
            "",
            "-alpha1",
            "-alpha-2",
            "-beta1",
            "-M3",
            "-rc1",
            "-RC2",
            "-cr1",
            "-SNAPSHOT",
            "-sp1",
            "-1",
            "-2",
            "-jre",
            "-android",
            "-foo");
    return Combinators.combine(release, dotted, qualifier).as((r, d, q) -> r + d + q);
  }
}
