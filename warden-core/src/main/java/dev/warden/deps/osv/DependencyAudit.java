package dev.warden.deps.osv;

import dev.warden.deps.Dependency;
import dev.warden.deps.DependencyFile;
import dev.warden.deps.Ecosystem;
import dev.warden.deps.InvalidVersionException;
import dev.warden.deps.VersionRange;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches the packages a function ships against the advisory index: per package, the advisories
 * that affect its exact version (withdrawn ones never) — or, for a package declared only by a
 * range, those that affect some version the range admits — and the smallest version that fixes all
 * of them: the largest of their first fixes, none when one has no fix. Lookups are cached by
 * package, so a fleet that shares packages asks once; one audit may serve several threads.
 */
public final class DependencyAudit {

  /**
   * A vulnerable package of one dependency file.
   *
   * @param possible true when only a declared range is known and it admits affected versions
   */
  public record Vulnerable(
      Dependency dependency,
      String file,
      List<Advisory> advisories,
      Optional<String> fixedIn,
      boolean possible) {
    public Vulnerable {
      advisories = List.copyOf(advisories);
    }

    /** The known-malicious advisories (OSV {@code MAL-} ids) among them. */
    public List<Advisory> malicious() {
      return advisories.stream().filter(Advisory::isMalicious).toList();
    }

    /** The advisories of vulnerabilities, malicious ones left out. */
    public List<Advisory> vulnerabilities() {
      return advisories.stream().filter(a -> !a.isMalicious()).toList();
    }
  }

  private final AdvisoryDatabase database;
  private final Map<String, List<Advisory>> cache = new ConcurrentHashMap<>();
  private final Map<String, Optional<Advisory>> records = new ConcurrentHashMap<>();

  public DependencyAudit(AdvisoryDatabase database) {
    this.database = database;
  }

  public List<Vulnerable> audit(List<DependencyFile> files) throws SQLException {
    List<Vulnerable> found = new ArrayList<>();
    for (DependencyFile file : files) {
      for (Dependency dependency : file.packages()) {
        audit(dependency, file.file()).ifPresent(found::add);
      }
    }
    return found;
  }

  private Optional<Vulnerable> audit(Dependency dependency, String file) throws SQLException {
    Ecosystem ecosystem = dependency.ecosystem();
    Optional<VersionRange> range = Optional.empty();
    if (dependency.version().isEmpty()) {
      try {
        range = Optional.of(VersionRange.parse(ecosystem, dependency.range().orElse("*")));
      } catch (InvalidVersionException e) {
        return Optional.empty(); // a URL, a path, a git reference: nothing to match
      }
    }
    List<AffectedVersions.Hit> hits = new ArrayList<>();
    Map<String, AffectedVersions.Hit> byId = new java.util.LinkedHashMap<>();
    for (Advisory candidate : candidates(ecosystem, dependency.name())) {
      Optional<AffectedVersions.Hit> hit =
          range.isPresent()
              ? AffectedVersions.checkRange(candidate, ecosystem, dependency.name(), range.get())
              : AffectedVersions.check(
                  candidate, ecosystem, dependency.name(), dependency.version().get());
      // one advisory may name the package in several entries: its hit keeps the lowest fix
      boolean declared = range.isPresent();
      hit.ifPresent(
          h -> byId.merge(h.advisory().id(), h, (a, b) -> merge(ecosystem, declared, a, b)));
    }
    for (AffectedVersions.Hit hit : byId.values()) {
      Optional<Advisory> whole = record(hit.advisory().id());
      if (whole.isPresent()) {
        hits.add(new AffectedVersions.Hit(whole.get(), hit.fixedIn()));
      }
    }
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Vulnerable(
            dependency,
            file,
            hits.stream().map(AffectedVersions.Hit::advisory).toList(),
            fixAll(ecosystem, hits),
            range.isPresent()));
  }

  private List<Advisory> candidates(Ecosystem ecosystem, String name) throws SQLException {
    String key = ecosystem.osvName() + " " + name;
    List<Advisory> cached = cache.get(key);
    if (cached == null) {
      synchronized (database) {
        cached = database.candidates(ecosystem, name);
      }
      cache.put(key, cached);
    }
    return cached;
  }

  private Optional<Advisory> record(String id) throws SQLException {
    Optional<Advisory> cached = records.get(id);
    if (cached == null) {
      synchronized (database) {
        cached = database.advisory(id);
      }
      records.put(id, cached);
    }
    return cached;
  }

  /**
   * One advisory naming the package in two entries: for an exact version the lowest fix above it
   * (an entry without one adds nothing), for a range no fix when an entry has none — as a whole
   * record is judged.
   */
  private static AffectedVersions.Hit merge(
      Ecosystem ecosystem, boolean declared, AffectedVersions.Hit a, AffectedVersions.Hit b) {
    if (a.fixedIn().isEmpty() || b.fixedIn().isEmpty()) {
      boolean keepEmpty = declared;
      return (a.fixedIn().isEmpty() == keepEmpty) ? a : b;
    }
    try {
      int c = ecosystem.compare(a.fixedIn().get(), b.fixedIn().get());
      return (declared ? c >= 0 : c <= 0) ? a : b;
    } catch (InvalidVersionException e) {
      return a;
    }
  }

  private static Optional<String> fixAll(Ecosystem ecosystem, List<AffectedVersions.Hit> hits) {
    Optional<String> highest = Optional.empty();
    for (AffectedVersions.Hit hit : hits) {
      if (hit.fixedIn().isEmpty()) {
        return Optional.empty();
      }
      try {
        if (highest.isEmpty() || ecosystem.compare(hit.fixedIn().get(), highest.get()) > 0) {
          highest = hit.fixedIn();
        }
      } catch (InvalidVersionException e) {
        return Optional.empty();
      }
    }
    return highest;
  }
}
