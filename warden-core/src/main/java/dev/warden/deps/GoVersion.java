package dev.warden.deps;

/**
 * A Go module version: SemVer with a leading {@code v} (OSV's Go records leave it out, both are
 * read). Pseudo-versions ({@code v0.0.0-20210101120000-abcdef123456}, {@code v1.2.4-0.2021…-abc…})
 * are SemVer prereleases, so precedence already puts them between the tags they follow and precede;
 * {@code +incompatible} is build metadata and ignored.
 */
public record GoVersion(SemVer semver) implements Comparable<GoVersion> {

  public static GoVersion parse(String text) {
    if (!isValid(text)) {
      throw new InvalidVersionException("Go module", text);
    }
    return new GoVersion(SemVer.parse(withV(text).substring(1)));
  }

  public static boolean isValid(String text) {
    String version = withV(text);
    return version.startsWith("v") && SemVer.isValid(version.substring(1));
  }

  /** OSV's Go records write {@code 1.2.3} for {@code v1.2.3}. */
  private static String withV(String text) {
    String trimmed = text.strip();
    return !trimmed.isEmpty() && Character.isDigit(trimmed.charAt(0)) ? "v" + trimmed : trimmed;
  }

  @Override
  public int compareTo(GoVersion other) {
    return semver.compareTo(other.semver);
  }
}
