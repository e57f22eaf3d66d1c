package dev.warden.deps.osv;

import dev.warden.deps.Dependency;
import dev.warden.deps.DependencyFile;
import dev.warden.deps.Ecosystem;
import dev.warden.deps.InvalidVersionException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches the exact versions a function ships against the advisory index: per package@version, the
 * advisories that affect it (withdrawn ones never) and the smallest version that fixes all of them
 * — the largest of their first fixes, none when one has no fix. Lookups are cached by package, so a
 * fleet that shares packages asks once.
 */
public final class DependencyAudit {

  /** A vulnerable package of one dependency file. */
  public record Vulnerable(
      Dependency dependency, String file, List<Advisory> advisories, Optional<String> fixedIn) {
    public Vulnerable {
      advisories = List.copyOf(advisories);
    }
  }

  private final AdvisoryDatabase database;
  private final Map<String, List<Advisory>> cache = new HashMap<>();

  public DependencyAudit(AdvisoryDatabase database) {
    this.database = database;
  }

  public List<Vulnerable> audit(List<DependencyFile> files) throws SQLException {
    List<Vulnerable> found = new ArrayList<>();
    for (DependencyFile file : files) {
      for (Dependency dependency : file.packages()) {
        if (dependency.version().isEmpty()) {
          continue; // a declared range: matched when ranges are (see the notes)
        }
        String version = dependency.version().get();
        List<AffectedVersions.Hit> hits = new ArrayList<>();
        for (Advisory advisory : advisories(dependency.ecosystem(), dependency.name())) {
          AffectedVersions.check(advisory, dependency.ecosystem(), dependency.name(), version)
              .ifPresent(hits::add);
        }
        if (!hits.isEmpty()) {
          found.add(
              new Vulnerable(
                  dependency,
                  file.file(),
                  hits.stream().map(AffectedVersions.Hit::advisory).toList(),
                  fixAll(dependency.ecosystem(), hits)));
        }
      }
    }
    return found;
  }

  private List<Advisory> advisories(Ecosystem ecosystem, String name) throws SQLException {
    String key = ecosystem.osvName() + " " + name;
    List<Advisory> cached = cache.get(key);
    if (cached == null) {
      cached = database.advisories(ecosystem, name);
      cache.put(key, cached);
    }
    return cached;
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
