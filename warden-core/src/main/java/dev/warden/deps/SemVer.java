package dev.warden.deps;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SemVer 2.0 version and its precedence: major, minor and patch numerically; a prerelease sorts
 * below its release; prerelease identifiers compare left to right, numeric ones numerically and
 * below alphanumeric ones, a shorter list below a longer one it begins; build metadata is ignored.
 * Numbers have no size limit. npm's spellings are accepted ({@code v1.2.3}, {@code =1.2.3}).
 */
public record SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease)
    implements Comparable<SemVer> {

  private static final Pattern SHAPE =
      Pattern.compile(
          "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
              + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

  public SemVer {
    prerelease = List.copyOf(prerelease);
  }

  /** Parses a version; a leading {@code v} or {@code =} and surrounding spaces are dropped. */
  public static SemVer parse(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("=")) {
      trimmed = trimmed.substring(1).strip();
    }
    if (trimmed.startsWith("v") || trimmed.startsWith("V")) {
      trimmed = trimmed.substring(1);
    }
    Matcher matcher = SHAPE.matcher(trimmed);
    if (!matcher.matches()) {
      throw new InvalidVersionException("SemVer", text);
    }
    String pre = matcher.group(4);
    List<String> identifiers = pre == null ? List.of() : List.of(pre.split("\\.", -1));
    for (String identifier : identifiers) {
      if (identifier.length() > 1 && identifier.startsWith("0") && isNumeric(identifier)) {
        throw new InvalidVersionException("SemVer", text); // leading zeros are not allowed
      }
    }
    return new SemVer(
        new BigInteger(matcher.group(1)),
        new BigInteger(matcher.group(2)),
        new BigInteger(matcher.group(3)),
        identifiers);
  }

  /** True when the text is a version this class reads. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidVersionException e) {
      return false;
    }
  }

  @Override
  public int compareTo(SemVer other) {
    int c = major.compareTo(other.major);
    if (c == 0) {
      c = minor.compareTo(other.minor);
    }
    if (c == 0) {
      c = patch.compareTo(other.patch);
    }
    if (c != 0) {
      return c;
    }
    if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
      return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
    }
    for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
      c = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(prerelease.size(), other.prerelease.size());
  }

  private static int compareIdentifiers(String a, String b) {
    boolean numericA = isNumeric(a);
    boolean numericB = isNumeric(b);
    if (numericA && numericB) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    if (numericA != numericB) {
      return numericA ? -1 : 1;
    }
    return a.compareTo(b); // ASCII order, as SemVer says
  }

  private static boolean isNumeric(String identifier) {
    return NUMERIC.matcher(identifier).matches();
  }
}
