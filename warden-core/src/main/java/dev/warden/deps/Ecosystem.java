package dev.warden.deps;

import java.util.Comparator;
import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * A package ecosystem, spelled as OSV spells it, with the version ordering its advisories are
 * written against.
 */
public enum Ecosystem {
  NPM("npm"),
  PYPI("PyPI"),
  MAVEN("Maven"),
  GO("Go");

  private final String osvName;

  Ecosystem(String osvName) {
    this.osvName = osvName;
  }

  /** {@code npm}, {@code PyPI}, {@code Maven}, {@code Go}. */
  public String osvName() {
    return osvName;
  }

  /** The ecosystem OSV names so (a Maven ecosystem may carry a {@code :repository} suffix). */
  public static Optional<Ecosystem> ofOsv(String name) {
    String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    for (Ecosystem ecosystem : values()) {
      if (ecosystem.osvName.equals(base)) {
        return Optional.of(ecosystem);
      }
    }
    return Optional.empty();
  }

  /**
   * Compares two versions of this ecosystem.
   *
   * @throws InvalidVersionException when either is not a version of this ecosystem (Maven reads
   *     every string)
   */
  public int compare(String a, String b) {
    return switch (this) {
      case NPM -> SemVer.parse(a).compareTo(SemVer.parse(b));
      case GO -> GoVersion.parse(a).compareTo(GoVersion.parse(b));
      case PYPI -> Pep440Version.parse(a).compareTo(Pep440Version.parse(b));
      case MAVEN -> new ComparableVersion(a).compareTo(new ComparableVersion(b));
    };
  }

  /** True when the string is a version this ecosystem's ordering reads. */
  public boolean isValid(String version) {
    return switch (this) {
      case NPM -> SemVer.isValid(version);
      case GO -> GoVersion.isValid(version);
      case PYPI -> Pep440Version.isValid(version);
      case MAVEN -> !version.isBlank();
    };
  }

  /** The ordering as a comparator (invalid versions throw). */
  public Comparator<String> order() {
    return this::compare;
  }
}
