package dev.warden.deps;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PyPI version as PEP 440 defines it, and its ordering: epoch first; the release numerically with
 * trailing zeros ignored ({@code 1.0 == 1.0.0}); within a release {@code .devN < aN < bN < rcN <
 * final < .postN}, a dev release of a pre or post release just before it; a local label ({@code
 * +ubuntu.1}) after the same public version, compared segment by segment (numbers above words).
 * Parsing normalises as PEP 440 does: case, a leading {@code v}, {@code alpha/beta/c/pre/preview},
 * {@code -1} as a post release, separators {@code . _ -} or none, implicit numbers.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

  /** PEP 440's own regular expression (Appendix B), in Java syntax. */
  private static final Pattern SHAPE =
      Pattern.compile(
          "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
              + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
          Pattern.CASE_INSENSITIVE);

  private final BigInteger epoch;
  private final List<BigInteger> release;
  private final String releaseWritten;
  private final Optional<String> preLetter;
  private final BigInteger preNumber;
  private final Optional<BigInteger> post;
  private final Optional<BigInteger> dev;
  private final List<String> local;

  private Pep440Version(
      BigInteger epoch,
      List<BigInteger> release,
      String releaseWritten,
      Optional<String> preLetter,
      BigInteger preNumber,
      Optional<BigInteger> post,
      Optional<BigInteger> dev,
      List<String> local) {
    this.epoch = epoch;
    this.release = release;
    this.releaseWritten = releaseWritten;
    this.preLetter = preLetter;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local;
  }

  public static Pep440Version parse(String text) {
    Matcher m = SHAPE.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidVersionException("PEP 440", text);
    }
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.", -1)) {
      release.add(new BigInteger(part));
    }
    String releaseWritten = String.join(".", release.stream().map(BigInteger::toString).toList());
    // Trailing zeros do not count: 1.0 == 1.0.0.
    while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) {
      release.remove(release.size() - 1);
    }
    Optional<String> preLetter = Optional.empty();
    BigInteger preNumber = BigInteger.ZERO;
    if (m.group("pre") != null) {
      preLetter =
          Optional.of(
              switch (m.group("preL").toLowerCase(Locale.ROOT)) {
                case "alpha", "a" -> "a";
                case "beta", "b" -> "b";
                default -> "rc";
              });
      preNumber = number(m.group("preN"));
    }
    Optional<BigInteger> post = Optional.empty();
    if (m.group("post") != null) {
      post = Optional.of(number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2")));
    }
    Optional<BigInteger> dev =
        m.group("dev") == null ? Optional.empty() : Optional.of(number(m.group("devN")));
    List<String> local = new ArrayList<>();
    if (m.group("local") != null) {
      for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]", -1)) {
        // A numeric segment is a number: 01 and 1 are the same segment.
        local.add(
            part.chars().allMatch(Character::isDigit) ? new BigInteger(part).toString() : part);
      }
    }
    return new Pep440Version(
        m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch")),
        List.copyOf(release),
        releaseWritten,
        preLetter,
        preNumber,
        post,
        dev,
        List.copyOf(local));
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  public static boolean isValid(String text) {
    return SHAPE.matcher(text.strip()).matches();
  }

  @Override
  public int compareTo(Pep440Version other) {
    int c = epoch.compareTo(other.epoch);
    if (c != 0) {
      return c;
    }
    c = compareRelease(release, other.release);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(preRank(), other.preRank());
    if (c != 0) {
      return c;
    }
    if (preLetter.isPresent() && other.preLetter.isPresent()) {
      c = preNumber.compareTo(other.preNumber);
      if (c != 0) {
        return c;
      }
    }
    // No post release sorts before any post release.
    c = compareOptional(post, other.post, -1);
    if (c != 0) {
      return c;
    }
    // No dev release sorts after any dev release.
    c = compareOptional(dev, other.dev, 1);
    if (c != 0) {
      return c;
    }
    return compareLocal(local, other.local);
  }

  /**
   * Where the pre-release part puts the version: a dev release of the final release (no pre, no
   * post) below every pre-release; a, b, rc in order; no pre-release above them.
   */
  private int preRank() {
    if (preLetter.isEmpty()) {
      return post.isEmpty() && dev.isPresent() ? -1 : 3;
    }
    return switch (preLetter.get()) {
      case "a" -> 0;
      case "b" -> 1;
      default -> 2;
    };
  }

  /** {@code absent} is where a missing part sorts: -1 below every value, 1 above. */
  private static int compareOptional(Optional<BigInteger> a, Optional<BigInteger> b, int absent) {
    if (a.isPresent() && b.isPresent()) {
      return a.get().compareTo(b.get());
    }
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    return a.isEmpty() ? absent : -absent;
  }

  private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** No local label below any; segments: numbers above words, numbers numerically. */
  private static int compareLocal(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(!a.isEmpty(), !b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean numericX = x.chars().allMatch(Character::isDigit);
      boolean numericY = y.chars().allMatch(Character::isDigit);
      int c;
      if (numericX && numericY) {
        c = new BigInteger(x).compareTo(new BigInteger(y));
      } else if (numericX != numericY) {
        c = numericX ? 1 : -1;
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Pep440Version that && compareTo(that) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(epoch, release, preLetter, preNumber, post, dev, local);
  }

  /** The normalised form, as PEP 440 writes it ({@code 1.0a1.post2.dev3+local.1}). */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (epoch.signum() != 0) {
      out.append(epoch).append('!');
    }
    out.append(releaseWritten);
    preLetter.ifPresent(l -> out.append(l).append(preNumber));
    post.ifPresent(p -> out.append(".post").append(p));
    dev.ifPresent(d -> out.append(".dev").append(d));
    if (!local.isEmpty()) {
      out.append('+').append(String.join(".", local));
    }
    return out.toString();
  }
}
