package dev.warden.deps;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions a manifest's declared range admits, as a union of intervals in the ecosystem's
 * ordering: npm ranges ({@code ^1.2.3}, {@code ~1.2}, {@code 1.x}, {@code >=1 <2}, {@code a - b},
 * {@code ||}), PEP 440 specifiers ({@code >=2.0,<3}, {@code ~=1.4.2}, {@code ==1.2.*}), Maven
 * version ranges ({@code [1.0,2.0)}, {@code (,1.0],[1.2,)}; a plain version is the version Maven
 * uses) and Go's exact versions.
 *
 * <p>The reading is conservative, made to ask "could this range resolve to an affected version?":
 * exclusions ({@code !=}) are ignored, and npm's rule that a range admits prereleases only of its
 * own version tuple is not applied, so a range may admit more than the resolver would pick, never
 * less.
 */
public final class VersionRange {

  /** One end of an interval. */
  public record Bound(String version, boolean inclusive) {}

  /** The versions between two bounds; an absent bound is unbounded. */
  public record Interval(Optional<Bound> lower, Optional<Bound> upper) {

    public static final Interval ALL = new Interval(Optional.empty(), Optional.empty());

    static Interval exactly(String version) {
      Bound bound = new Bound(version, true);
      return new Interval(Optional.of(bound), Optional.of(bound));
    }

    static Interval atLeast(String version, boolean inclusive) {
      return new Interval(Optional.of(new Bound(version, inclusive)), Optional.empty());
    }

    static Interval below(String version, boolean inclusive) {
      return new Interval(Optional.empty(), Optional.of(new Bound(version, inclusive)));
    }

    static Interval between(String lower, String upperExclusive) {
      return new Interval(
          Optional.of(new Bound(lower, true)), Optional.of(new Bound(upperExclusive, false)));
    }
  }

  private final Ecosystem ecosystem;
  private final String text;
  private final List<Interval> intervals;

  private VersionRange(Ecosystem ecosystem, String text, List<Interval> intervals) {
    this.ecosystem = ecosystem;
    this.text = text;
    this.intervals = List.copyOf(intervals);
  }

  /**
   * Reads a declared range.
   *
   * @throws InvalidVersionException when the text is not a range of the ecosystem (a URL, a git
   *     reference, a tag other than {@code latest})
   */
  public static VersionRange parse(Ecosystem ecosystem, String text) {
    List<Interval> intervals =
        switch (ecosystem) {
          case NPM -> Npm.parse(text);
          case PYPI -> Pep440.parse(text);
          case MAVEN -> MavenRanges.parse(text);
          case GO -> List.of(Interval.exactly(text.strip()));
        };
    List<Interval> valid = new ArrayList<>();
    for (Interval interval : intervals) {
      for (Optional<Bound> bound : List.of(interval.lower(), interval.upper())) {
        if (bound.isPresent() && !ecosystem.isValid(bound.get().version())) {
          throw new InvalidVersionException(ecosystem.osvName() + " range", text);
        }
      }
      if (!empty(ecosystem, interval)) {
        valid.add(interval);
      }
    }
    return new VersionRange(ecosystem, text, valid);
  }

  public Ecosystem ecosystem() {
    return ecosystem;
  }

  /** True when the range admits the version. */
  public boolean contains(String version) {
    return overlaps(Interval.exactly(version));
  }

  /** True when some version lies both in this range and in the interval. */
  public boolean overlaps(Interval other) {
    for (Interval interval : intervals) {
      if (!empty(ecosystem, intersect(ecosystem, interval, other))) {
        return true;
      }
    }
    return false;
  }

  /** The smallest lower bound of the range, when it has one ({@code 1.2.3} of {@code ^1.2.3}). */
  public Optional<String> lowest() {
    Optional<String> lowest = Optional.empty();
    for (Interval interval : intervals) {
      if (interval.lower().isEmpty()) {
        return Optional.empty();
      }
      String version = interval.lower().get().version();
      if (lowest.isEmpty() || ecosystem.compare(version, lowest.get()) < 0) {
        lowest = Optional.of(version);
      }
    }
    return lowest;
  }

  @Override
  public String toString() {
    return text;
  }

  static Interval intersect(Ecosystem ecosystem, Interval a, Interval b) {
    Optional<Bound> lower = tighter(ecosystem, a.lower(), b.lower(), true);
    Optional<Bound> upper = tighter(ecosystem, a.upper(), b.upper(), false);
    return new Interval(lower, upper);
  }

  private static Optional<Bound> tighter(
      Ecosystem ecosystem, Optional<Bound> a, Optional<Bound> b, boolean lower) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    int c = ecosystem.compare(a.get().version(), b.get().version());
    if (c == 0) {
      return a.get().inclusive() ? b : a; // the exclusive one is tighter
    }
    return (c > 0) == lower ? a : b;
  }

  static boolean empty(Ecosystem ecosystem, Interval interval) {
    if (interval.lower().isEmpty() || interval.upper().isEmpty()) {
      return false;
    }
    Bound lower = interval.lower().get();
    Bound upper = interval.upper().get();
    int c = ecosystem.compare(lower.version(), upper.version());
    return c > 0 || (c == 0 && !(lower.inclusive() && upper.inclusive()));
  }

  /** npm ranges, as node-semver reads them. */
  private static final class Npm {

    private static final Pattern PARTIAL =
        Pattern.compile(
            "v?(\\d+|[xX*])(?:\\.(\\d+|[xX*])(?:\\.(\\d+|[xX*])(-[0-9A-Za-z.-]+)?)?)?"
                + "(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|<|>|=|~>|~|\\^)?(.*)");
    private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");
    private static final Pattern OPERATOR_SPACE = Pattern.compile("(<=|>=|<|>|=|~>|~|\\^)\\s+");

    /** A version with some parts left open ({@code 1.x}, {@code 1.2}); null parts are open. */
    private record Partial(BigInteger major, BigInteger minor, BigInteger patch, String pre) {

      boolean full() {
        return patch != null;
      }

      String text() {
        return major + "." + minor + "." + patch + (pre == null ? "" : pre);
      }

      /**
       * The first version of the partial, its prereleases included ({@code 1.2.0-0} of {@code 1.2};
       * {@code 1.2.3-0} of {@code 1.2.3} when {@code prereleases}).
       */
      String floor(boolean prereleases) {
        if (full()) {
          return text() + (pre == null && prereleases ? "-0" : "");
        }
        return major + "." + (minor == null ? "0" : minor) + ".0-0";
      }

      /** The first version after every version of the partial ({@code 1.3.0-0} of {@code 1.2}). */
      String ceiling() {
        return minor == null
            ? major.add(BigInteger.ONE) + ".0.0-0"
            : major + "." + minor.add(BigInteger.ONE) + ".0-0";
      }
    }

    static List<Interval> parse(String text) {
      List<Interval> union = new ArrayList<>();
      for (String part : text.split("\\|\\|", -1)) {
        union.add(set(part.strip(), text));
      }
      return union;
    }

    private static Interval set(String part, String whole) {
      if (part.isEmpty() || part.equals("latest")) {
        return Interval.ALL;
      }
      Matcher hyphen = HYPHEN.matcher(part);
      if (hyphen.matches()) {
        Partial from = partial(hyphen.group(1), whole);
        Partial to = partial(hyphen.group(2), whole);
        Optional<Bound> lower =
            from.major() == null
                ? Optional.empty()
                : Optional.of(new Bound(from.floor(true), true));
        Optional<Bound> upper =
            to.major() == null
                ? Optional.empty()
                : Optional.of(
                    to.full() ? new Bound(to.text(), true) : new Bound(to.ceiling(), false));
        return new Interval(lower, upper);
      }
      Interval interval = Interval.ALL;
      for (String comparator : OPERATOR_SPACE.matcher(part).replaceAll("$1").split("\\s+", -1)) {
        interval = intersect(Ecosystem.NPM, interval, comparator(comparator, whole));
      }
      return interval;
    }

    private static Interval comparator(String text, String whole) {
      Matcher m = COMPARATOR.matcher(text);
      if (!m.matches()) {
        throw new InvalidVersionException("npm range", whole);
      }
      String op = m.group(1) == null ? "" : m.group(1);
      Partial v = partial(m.group(2), whole);
      if (v.major() == null) {
        return switch (op) {
          case "<", ">" -> nothing(); // below or above every version
          default -> Interval.ALL;
        };
      }
      return switch (op) {
        case "", "=" ->
            v.full() ? Interval.exactly(v.text()) : Interval.between(v.floor(false), v.ceiling());
        case ">=" -> Interval.atLeast(v.floor(false), true);
        case ">" ->
            v.full() ? Interval.atLeast(v.text(), false) : Interval.atLeast(v.ceiling(), true);
        case "<" -> Interval.below(v.floor(false), false);
        case "<=" -> v.full() ? Interval.below(v.text(), true) : Interval.below(v.ceiling(), false);
        case "~", "~>" -> Interval.between(v.floor(false), tildeCeiling(v));
        case "^" -> Interval.between(v.floor(false), caretCeiling(v));
        default -> throw new InvalidVersionException("npm range", whole);
      };
    }

    private static Interval nothing() {
      return Interval.between("0.0.0-0", "0.0.0-0");
    }

    private static String tildeCeiling(Partial v) {
      return v.minor() == null
          ? v.major().add(BigInteger.ONE) + ".0.0-0"
          : v.major() + "." + v.minor().add(BigInteger.ONE) + ".0-0";
    }

    private static String caretCeiling(Partial v) {
      if (v.major().signum() > 0 || v.minor() == null) {
        return v.major().add(BigInteger.ONE) + ".0.0-0";
      }
      if (v.minor().signum() > 0 || v.patch() == null) {
        return "0." + v.minor().add(BigInteger.ONE) + ".0-0";
      }
      return "0.0." + v.patch().add(BigInteger.ONE) + "-0";
    }

    private static Partial partial(String text, String whole) {
      Matcher m = PARTIAL.matcher(text.strip());
      if (!m.matches()) {
        throw new InvalidVersionException("npm range", whole);
      }
      BigInteger major = number(m.group(1));
      BigInteger minor = major == null ? null : number(m.group(2));
      BigInteger patch = minor == null ? null : number(m.group(3));
      return new Partial(major, minor, patch, patch == null ? null : m.group(4));
    }

    private static BigInteger number(String part) {
      return part == null || part.equalsIgnoreCase("x") || part.equals("*")
          ? null
          : new BigInteger(part);
    }
  }

  /** PEP 440 version specifiers. */
  private static final class Pep440 {

    private static final Pattern CLAUSE = Pattern.compile("(===|~=|==|!=|<=|>=|<|>)\\s*(\\S+)");
    private static final Pattern RELEASE = Pattern.compile("(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)");

    static List<Interval> parse(String text) {
      String spec = text.strip();
      if (spec.isEmpty() || spec.equals("*")) {
        return List.of(Interval.ALL);
      }
      Interval interval = Interval.ALL;
      for (String clause : spec.split(",", -1)) {
        interval = intersect(Ecosystem.PYPI, interval, clause(clause.strip(), text));
      }
      return List.of(interval);
    }

    private static Interval clause(String text, String whole) {
      Matcher m = CLAUSE.matcher(text);
      if (!m.matches()) {
        throw new InvalidVersionException("PEP 440 specifier", whole);
      }
      String version = m.group(2);
      return switch (m.group(1)) {
        case "==" ->
            version.endsWith(".*")
                ? prefix(version.substring(0, version.length() - 2), whole)
                : Interval.exactly(version);
        case "===" -> Pep440Version.isValid(version) ? Interval.exactly(version) : Interval.ALL;
        case "!=" -> Interval.ALL; // conservative: an exclusion never removes a possible match
        case ">=" -> Interval.atLeast(version, true);
        case ">" -> Interval.atLeast(version, false);
        case "<=" -> Interval.below(version, true);
        case "<" -> Interval.below(version, false);
        case "~=" -> compatible(version, whole);
        default -> throw new InvalidVersionException("PEP 440 specifier", whole);
      };
    }

    /** {@code ==1.2.*}: from {@code 1.2.dev0} up to, not including, {@code 1.3.dev0}. */
    private static Interval prefix(String prefix, String whole) {
      Matcher m = RELEASE.matcher(prefix);
      if (!m.matches()) {
        throw new InvalidVersionException("PEP 440 specifier", whole);
      }
      return Interval.between(prefix + ".dev0", bump(m, m.group(2).split("\\.", -1).length));
    }

    /** {@code ~=1.4.2}: at least 1.4.2, below {@code 1.5.dev0}. */
    private static Interval compatible(String version, String whole) {
      Matcher m = RELEASE.matcher(version);
      if (!m.lookingAt()) {
        throw new InvalidVersionException("PEP 440 specifier", whole);
      }
      int parts = m.group(2).split("\\.", -1).length;
      if (parts < 2) {
        throw new InvalidVersionException("PEP 440 specifier", whole);
      }
      return Interval.between(version, bump(m, parts - 1));
    }

    /** The release with its first {@code keep} parts, the last of them plus one, as a dev0. */
    private static String bump(Matcher release, int keep) {
      String[] parts = release.group(2).split("\\.", -1);
      StringBuilder out = new StringBuilder();
      if (release.group(1) != null) {
        out.append(release.group(1)).append('!');
      }
      for (int i = 0; i < keep; i++) {
        BigInteger part = new BigInteger(parts[i]);
        out.append(i > 0 ? "." : "").append(i == keep - 1 ? part.add(BigInteger.ONE) : part);
      }
      return out.append(".dev0").toString();
    }
  }

  /** Maven version ranges; a plain version is the one Maven resolves. */
  private static final class MavenRanges {

    private static final Pattern GROUP =
        Pattern.compile("([\\[(])([^\\[\\]()]*)([\\])])\\s*,?\\s*");

    static List<Interval> parse(String text) {
      String spec = text.strip();
      if (spec.equals("*")) {
        return List.of(Interval.ALL);
      }
      if (!spec.startsWith("[") && !spec.startsWith("(")) {
        if (spec.isEmpty() || spec.contains(",")) {
          throw new InvalidVersionException("Maven version range", text);
        }
        return List.of(Interval.exactly(spec));
      }
      List<Interval> union = new ArrayList<>();
      Matcher m = GROUP.matcher(spec);
      int at = 0;
      while (at < spec.length()) {
        if (!m.find(at) || m.start() != at) {
          throw new InvalidVersionException("Maven version range", text);
        }
        union.add(group(m.group(1), m.group(2), m.group(3), text));
        at = m.end();
      }
      return union;
    }

    private static Interval group(String open, String inside, String close, String whole) {
      int comma = inside.indexOf(',');
      if (comma < 0) {
        if (!open.equals("[") || !close.equals("]") || inside.isBlank()) {
          throw new InvalidVersionException("Maven version range", whole);
        }
        return Interval.exactly(inside.strip());
      }
      String low = inside.substring(0, comma).strip();
      String high = inside.substring(comma + 1).strip();
      return new Interval(
          low.isEmpty() ? Optional.empty() : Optional.of(new Bound(low, open.equals("["))),
          high.isEmpty() ? Optional.empty() : Optional.of(new Bound(high, close.equals("]"))));
    }
  }
}
