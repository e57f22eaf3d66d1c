package dev.warden.deps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Package names that imitate a popular package of their ecosystem (bundled lists of the most
 * downloaded npm and PyPI packages): the same name but for separators ({@code python_dateutil},
 * {@code pythondateutil}), look-alike characters ({@code reqυests}, {@code c0lorama}, {@code
 * rnoment}), the same words in another order, a PyPI {@code py}/{@code python} prefix added, or —
 * for direct dependencies of names of five letters or more — one letter added, dropped, changed or
 * two swapped ({@code lodahs}, {@code expresss}). Popular and widely used names are never flagged,
 * nor are edits that make legitimate names (digits, a letter in front, a package in the same
 * scope): each of these keeps legitimate look-alikes out.
 */
public final class Typosquats {

  /** A name that imitates a popular one, and how. */
  public record Lookalike(String name, String target, String trick) {}

  private static final Pattern SEPARATORS = Pattern.compile("[-_.]");
  private static final int MIN_EDITED_LENGTH = 5;

  /**
   * One-letter edits are looked for around the most popular names only, where typosquatters aim:
   * further down the list legitimate near names abound.
   */
  private static final int EDITED_TARGETS = 1000;

  /** Separator and word-order variants are looked for around this many of the most popular. */
  private static final int SEPARATED_TARGETS = 2000;

  /** Characters that pass for others, mapped to the ASCII letter they imitate. */
  private static final Map<Character, Character> HOMOGLYPHS = homoglyphs();

  private final Map<Ecosystem, Set<String>> popular = new EnumMap<>(Ecosystem.class);
  private final Map<Ecosystem, Set<String>> known = new EnumMap<>(Ecosystem.class);
  private final Map<Ecosystem, Map<String, List<String>>> byDeletion =
      new EnumMap<>(Ecosystem.class);
  private final Map<Ecosystem, Map<String, Integer>> rank = new EnumMap<>(Ecosystem.class);
  private final Map<Ecosystem, Map<String, String>> bySkeleton = new EnumMap<>(Ecosystem.class);

  private static final class Holder {
    static final Typosquats BUNDLED = load();
  }

  /** The detector over the bundled lists (npm's 5,000 and PyPI's 626 most downloaded). */
  public static Typosquats bundled() {
    return Holder.BUNDLED;
  }

  /**
   * A detector protecting the {@code popular} names, and never flagging the {@code known} ones
   * (widely used packages that merely look like a popular one).
   */
  public static Typosquats of(
      Map<Ecosystem, List<String>> popular, Map<Ecosystem, List<String>> known) {
    Typosquats typosquats = new Typosquats();
    popular.forEach(typosquats::index);
    known.forEach(
        (ecosystem, names) -> {
          Set<String> set = typosquats.known.computeIfAbsent(ecosystem, e -> new HashSet<>());
          names.forEach(n -> set.add(normalise(ecosystem, n)));
        });
    return typosquats;
  }

  private static Typosquats load() {
    Map<Ecosystem, List<String>> popular = new EnumMap<>(Ecosystem.class);
    popular.put(Ecosystem.NPM, read("npm.txt"));
    popular.put(Ecosystem.PYPI, read("pypi.txt"));
    return of(popular, Map.of(Ecosystem.NPM, read("npm-known.txt")));
  }

  private static List<String> read(String file) {
    try (InputStream in = Typosquats.class.getResourceAsStream("popular/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the bundled list " + file + " is missing");
      }
      List<String> names = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void index(Ecosystem ecosystem, List<String> names) {
    Set<String> set = popular.computeIfAbsent(ecosystem, e -> new HashSet<>());
    Map<String, List<String>> deletions =
        byDeletion.computeIfAbsent(ecosystem, e -> new HashMap<>());
    Map<String, String> skeletons = bySkeleton.computeIfAbsent(ecosystem, e -> new HashMap<>());
    Map<String, Integer> ranks = rank.computeIfAbsent(ecosystem, e -> new HashMap<>());
    for (String raw : names) {
      String name = normalise(ecosystem, raw);
      set.add(name);
      ranks.putIfAbsent(name, ranks.size() + 1);
      skeletons.putIfAbsent(skeleton(name), name); // the most popular first
      for (String deleted : deletions(name)) {
        deletions.computeIfAbsent(deleted, d -> new ArrayList<>()).add(name);
      }
    }
  }

  /**
   * The popular package the name imitates, if it imitates one; {@code direct} widens the check to
   * one-letter edits, which only a name somebody typed can come from.
   */
  public Optional<Lookalike> check(Ecosystem ecosystem, String raw, boolean direct) {
    Set<String> names = popular.get(ecosystem);
    if (names == null) {
      return Optional.empty();
    }
    String name = normalise(ecosystem, raw);
    if (names.contains(name)) {
      return Optional.empty();
    }
    if (known.getOrDefault(ecosystem, Set.of()).contains(name)) {
      return Optional.empty();
    }
    String target = bySkeleton.get(ecosystem).get(skeleton(raw));
    if (target != null
        && !sameScope(name, target)
        && (!skeleton(raw).equals(SEPARATORS.matcher(name).replaceAll(""))
            || rank.get(ecosystem).get(target) <= SEPARATED_TARGETS)) {
      boolean onlySeparators =
          SEPARATORS.matcher(name).replaceAll("").equals(SEPARATORS.matcher(target).replaceAll(""));
      return Optional.of(
          new Lookalike(
              raw,
              target,
              onlySeparators
                  ? "the same name with other separators"
                  : "look-alike characters (" + differences(name, target) + ")"));
    }
    Optional<String> reordered = reordered(ecosystem, name);
    if (reordered.isPresent() && rank.get(ecosystem).get(reordered.get()) <= SEPARATED_TARGETS) {
      return Optional.of(new Lookalike(raw, reordered.get(), "the same words in another order"));
    }
    if (ecosystem == Ecosystem.PYPI) {
      for (String prefix : List.of("python-", "python3-", "py-", "py")) {
        if (name.startsWith(prefix) && names.contains(name.substring(prefix.length()))) {
          String base = name.substring(prefix.length());
          if (base.length() >= MIN_EDITED_LENGTH - 1) {
            return Optional.of(new Lookalike(raw, base, "the popular name with " + prefix));
          }
        }
      }
    }
    if (direct) {
      return edited(ecosystem, name).map(t -> new Lookalike(raw, t, oneEdit(name, t)));
    }
    return Optional.empty();
  }

  /** A popular name one edit away, the edit not merely digits added. */
  private Optional<String> edited(Ecosystem ecosystem, String name) {
    Map<String, List<String>> deletions = byDeletion.get(ecosystem);
    Set<String> candidates = new LinkedHashSet<>(deletions.getOrDefault(name, List.of()));
    for (String deleted : deletions(name)) {
      if (popular.get(ecosystem).contains(deleted)) {
        candidates.add(deleted);
      }
      candidates.addAll(deletions.getOrDefault(deleted, List.of()));
    }
    for (String target : candidates) {
      if (rank.get(ecosystem).get(target) <= EDITED_TARGETS
          && Math.min(target.length(), name.length()) >= MIN_EDITED_LENGTH
          && distance(name, target) == 1
          && !legitimateEdit(name, target)
          && !sameScope(name, target)) {
        return Optional.of(target);
      }
    }
    return Optional.empty();
  }

  /**
   * Only the owner of a scope publishes in it: {@code @aws-sdk/client-ses} cannot be a typosquat of
   * {@code @aws-sdk/client-sts}.
   */
  private static boolean sameScope(String name, String target) {
    return name.startsWith("@") && scope(name).equals(scope(target));
  }

  /**
   * Edits that make legitimate names, not tricks: one digit for another ({@code json3}/{@code
   * json5}), digits at the end ({@code mysql2}), and a letter added or dropped in front ({@code
   * verror}, {@code yargs}, {@code nprogress}). A digit inside a name stays a trick ({@code
   * python3-dateutil}).
   */
  private static boolean legitimateEdit(String name, String target) {
    if (name.length() == target.length()) {
      for (int i = 0; i < name.length(); i++) {
        if (name.charAt(i) != target.charAt(i)) {
          return Character.isDigit(name.charAt(i)) && Character.isDigit(target.charAt(i));
        }
      }
      return false;
    }
    boolean added = name.length() > target.length();
    String longer = added ? name : target;
    String shorter = added ? target : name;
    if (longer.substring(1).equals(shorter)) {
      return true; // a letter in front
    }
    return longer.startsWith(shorter) && Character.isDigit(longer.charAt(longer.length() - 1));
  }

  private static String scope(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  private Optional<String> reordered(Ecosystem ecosystem, String name) {
    String[] words = name.split("-", -1);
    if (words.length < 3) { // two words swap into legitimate names (wrap-ansi, ansi-wrap)
      return Optional.empty();
    }
    String sorted = String.join("-", java.util.Arrays.stream(words).sorted().toList());
    for (String target : popular.get(ecosystem)) {
      if (target.length() == name.length() && target.indexOf('-') > 0) {
        String[] parts = target.split("-", -1);
        if (parts.length == words.length
            && String.join("-", java.util.Arrays.stream(parts).sorted().toList()).equals(sorted)) {
          return Optional.of(target);
        }
      }
    }
    return Optional.empty();
  }

  private static String oneEdit(String name, String target) {
    if (name.length() > target.length()) {
      return "one letter added";
    }
    if (name.length() < target.length()) {
      return "one letter dropped";
    }
    int differing = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) != target.charAt(i)) {
        differing++;
      }
    }
    return differing == 2 ? "two letters swapped" : "one letter changed";
  }

  private static String differences(String name, String target) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c > 127 || (Character.isDigit(c) && !target.contains(String.valueOf(c)))) {
        seen.add(String.format(Locale.ROOT, "'%c' U+%04X", c, (int) c));
      }
    }
    if (seen.isEmpty()) {
      seen.add("letters written as others, like rn for m");
    }
    return String.join(", ", seen);
  }

  /** PyPI names as PEP 503 compares them; npm names lower-cased. */
  static String normalise(Ecosystem ecosystem, String name) {
    return ecosystem == Ecosystem.PYPI
        ? RequirementsReader.normalise(name)
        : name.toLowerCase(Locale.ROOT);
  }

  /** The name with separators dropped and look-alike characters read as what they imitate. */
  static String skeleton(String name) {
    StringBuilder out = new StringBuilder();
    // a capital I passes for an l (jeIlyfish); PyPI would read it as an i
    String lower = name.replace('I', 'l').toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        continue;
      }
      out.append(HOMOGLYPHS.getOrDefault(c, c));
    }
    return out.toString().replace("rn", "m").replace("vv", "w");
  }

  private static List<String> deletions(String name) {
    List<String> out = new ArrayList<>(name.length());
    for (int i = 0; i < name.length(); i++) {
      out.add(name.substring(0, i) + name.substring(i + 1));
    }
    return out;
  }

  /** Optimal string alignment distance (Levenshtein with adjacent swaps). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static Map<Character, Character> homoglyphs() {
    Map<Character, Character> map = new HashMap<>();
    String pairs =
        "0o1l3e5s7t" // digits for letters
            + "\u0430a\u0435e\u043eo\u0440p\u0441c\u0445x\u0443y\u0456i\u0458j\u04bbh" // Cyrillic
            + "\u03bfo\u03b1a\u03c5u\u03bdv\u03b9i\u03bae\u03c1p" // Greek
            + "\u0131i\u0269i\u217cl\u2170i\u0251a\u0261g"; // dotless i, iota, roman numerals
    for (int i = 0; i + 1 < pairs.length(); i += 2) {
      map.put(pairs.charAt(i), pairs.charAt(i + 1));
    }
    return map;
  }
}
