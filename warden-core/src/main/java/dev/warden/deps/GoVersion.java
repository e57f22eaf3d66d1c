package dev.warden.deps;

/**
 * A Go module version: SemVer with a leading {@code v} (OSV's Go records leave it out, both are
 * read). Pseudo-versions ({@code v0.0.0-20210101120000-abcdef123456}, {@code v1.2.4-0.2021…-abc…})
 * are SemVer prereleases, so precedence already puts them between the tags they follow and precede;
 * {@code +incompatible} is build metadata and ignored.
 */
public record GoVersion(SemVer semver) implements Comparable<GoVersion> {

  public static GoVersion parse(String text) {
    String trimmed = text.strip();
    if (!trimmed.isEmpty() && Character.isDigit(trimmed.charAt(0))) {
      trimmed = "v" + trimmed;
    }
    if (!trimmed.startsWith("v") || !SemVer.isValid(trimmed.substring(1))) {
      throw new InvalidVersionException("Go module", text);
    }
    return new GoVersion(SemVer.parse(trimmed.substring(1)));
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidVersionException e) {
      return false;
    }
  }

  @Override
  public int compareTo(GoVersion other) {
    return semver.compareTo(other.semver);
  }
}
