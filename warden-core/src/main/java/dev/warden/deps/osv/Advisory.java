package dev.warden.deps.osv;

import java.util.List;
import java.util.Optional;

/**
 * One OSV record, as much of it as matching and reporting need.
 *
 * @param severity CVSS vectors by type ({@code CVSS_V3} → {@code CVSS:3.1/AV:N/...})
 * @param withdrawn when present the record no longer counts (kept to explain earlier reports)
 * @param weaknesses the CWE ids the database gives ({@code database_specific.cwe_ids})
 */
public record Advisory(
    String id,
    List<String> aliases,
    String summary,
    String modified,
    Optional<String> withdrawn,
    List<Severity> severity,
    List<Affected> affected,
    List<String> weaknesses) {

  public Advisory {
    weaknesses = List.copyOf(weaknesses);
    aliases = List.copyOf(aliases);
    severity = List.copyOf(severity);
    affected = List.copyOf(affected);
  }

  /** A severity entry: its type and its vector or rating. */
  public record Severity(String type, String score) {}

  /** One affected package: its ranges and explicit versions. */
  public record Affected(String ecosystem, String name, List<Range> ranges, List<String> versions) {
    public Affected {
      ranges = List.copyOf(ranges);
      versions = List.copyOf(versions);
    }
  }

  /** A range: SEMVER, ECOSYSTEM or GIT, and its events in the order given. */
  public record Range(String type, List<Event> events) {
    public Range {
      events = List.copyOf(events);
    }
  }

  /**
   * {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}, with its version.
   */
  public record Event(String kind, String version) {}

  /**
   * The highest CVSS base score of the advisory's v2 and v3 vectors, computed from the vectors
   * (us.springett cvss-calculator); empty when it has none the calculator reads (CVSS v4 vectors
   * and word ratings are not scored).
   */
  public java.util.OptionalDouble baseScore() {
    java.util.OptionalDouble best = java.util.OptionalDouble.empty();
    for (Severity entry : severity) {
      if (!entry.type().equals("CVSS_V3") && !entry.type().equals("CVSS_V2")) {
        continue;
      }
      try {
        us.springett.cvss.Cvss cvss = us.springett.cvss.Cvss.fromVector(entry.score());
        if (cvss != null) {
          double score = cvss.calculateScore().getBaseScore();
          if (best.isEmpty() || score > best.getAsDouble()) {
            best = java.util.OptionalDouble.of(score);
          }
        }
      } catch (RuntimeException e) {
        // a vector the calculator cannot read is not scored
      }
    }
    return best;
  }

  /** The severity type under which the database's own word rating is kept (GHSA's MODERATE). */
  public static final String DATABASE_RATING = "DATABASE_SPECIFIC";

  /**
   * How bad the advisory is: the rating of its highest CVSS base score, else the database's own
   * rating ({@code moderate} read as medium), else empty.
   */
  public Optional<String> rating() {
    java.util.OptionalDouble score = baseScore();
    if (score.isPresent()) {
      return Optional.of(rating(score.getAsDouble()));
    }
    for (Severity entry : severity) {
      if (entry.type().equals(DATABASE_RATING)) {
        String word = entry.score().toLowerCase(java.util.Locale.ROOT);
        return Optional.of(word.equals("moderate") ? "medium" : word);
      }
    }
    return Optional.empty();
  }

  /** CVSS v3's rating of a base score: none, low, medium, high, critical. */
  public static String rating(double score) {
    if (score >= 9.0) {
      return "critical";
    }
    if (score >= 7.0) {
      return "high";
    }
    if (score >= 4.0) {
      return "medium";
    }
    return score > 0 ? "low" : "none";
  }

  /**
   * True when the package is malicious, not merely vulnerable: OpenSSF's {@code MAL-} records, and
   * GitHub's malware advisories (CWE-506, embedded malicious code).
   */
  public boolean isMalicious() {
    return id.startsWith("MAL-") || weaknesses.contains("CWE-506");
  }
}
