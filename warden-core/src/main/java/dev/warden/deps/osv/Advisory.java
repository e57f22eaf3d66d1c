package dev.warden.deps.osv;

import java.util.List;
import java.util.Optional;

/**
 * One OSV record, as much of it as matching and reporting need.
 *
 * @param severity CVSS vectors by type ({@code CVSS_V3} → {@code CVSS:3.1/AV:N/...})
 * @param withdrawn when present the record no longer counts (kept to explain earlier reports)
 */
public record Advisory(
    String id,
    List<String> aliases,
    String summary,
    String modified,
    Optional<String> withdrawn,
    List<Severity> severity,
    List<Affected> affected) {

  public Advisory {
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

  /** True for {@code MAL-} records: the package is malicious, not merely vulnerable. */
  public boolean isMalicious() {
    return id.startsWith("MAL-");
  }
}
