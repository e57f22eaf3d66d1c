package dev.warden.deps.osv;

import dev.warden.deps.Ecosystem;
import dev.warden.deps.InvalidVersionException;
import dev.warden.deps.RequirementsReader;
import dev.warden.deps.SemVer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether an advisory affects one version of one package, as the OSV schema evaluates it: the
 * version is affected when an {@code affected} entry for the package lists it in {@code versions}
 * or one of its ranges holds it. A range's events are walked in version order: {@code introduced}
 * (or {@code "0"}) at or below the version makes it vulnerable, {@code fixed} at or below it, or a
 * {@code last_affected} below it, makes it not; a {@code limit} at or below the version rules the
 * range out. {@code SEMVER} ranges compare by SemVer precedence, {@code ECOSYSTEM} ranges by the
 * ecosystem's ordering (npm's is SemVer too, never npm's range logic); {@code GIT} ranges need the
 * repository and are left to {@code versions}. Withdrawn advisories affect nothing.
 */
public final class AffectedVersions {

  private AffectedVersions() {}

  /** A hit: the advisory, and the smallest fixed version above the one installed, if any. */
  public record Hit(Advisory advisory, Optional<String> fixedIn) {}

  public static Optional<Hit> check(
      Advisory advisory, Ecosystem ecosystem, String name, String version) {
    if (advisory.withdrawn().isPresent()) {
      return Optional.empty();
    }
    boolean affected = false;
    List<String> fixes = new ArrayList<>();
    for (Advisory.Affected entry : advisory.affected()) {
      if (!sameEcosystem(entry.ecosystem(), ecosystem)
          || !samePackage(entry.name(), name, ecosystem)) {
        continue;
      }
      if (entry.versions().contains(version)) {
        affected = true;
      }
      for (Advisory.Range range : entry.ranges()) {
        Optional<Comparator<String>> ordering = order(range.type(), ecosystem);
        if (ordering.isEmpty()) {
          continue;
        }
        Comparator<String> order = ordering.get();
        try {
          if (inRange(range, version, order)) {
            affected = true;
            for (Advisory.Event event : range.events()) {
              if (event.kind().equals("fixed") && order.compare(event.version(), version) > 0) {
                fixes.add(event.version());
              }
            }
          }
        } catch (InvalidVersionException e) {
          // a version the ordering cannot read (the installed one or an event's): no verdict
        }
      }
    }
    if (!affected) {
      return Optional.empty();
    }
    Comparator<String> order = ecosystem.order();
    Optional<String> fixedIn = Optional.empty();
    try {
      fixedIn = fixes.stream().min(order);
    } catch (InvalidVersionException e) {
      // leave it unknown
    }
    return Optional.of(new Hit(advisory, fixedIn));
  }

  private static boolean inRange(Advisory.Range range, String version, Comparator<String> order) {
    List<Advisory.Event> events = new ArrayList<>();
    for (Advisory.Event event : range.events()) {
      if (event.kind().equals("limit")) {
        if (!event.version().equals("*") && order.compare(version, event.version()) >= 0) {
          return false;
        }
      } else {
        events.add(event);
      }
    }
    events.sort(
        (a, b) -> {
          if (a.version().equals("0") || b.version().equals("0")) {
            return Boolean.compare(!a.version().equals("0"), !b.version().equals("0"));
          }
          return order.compare(a.version(), b.version());
        });
    boolean vulnerable = false;
    for (Advisory.Event event : events) {
      switch (event.kind()) {
        case "introduced" -> {
          if (event.version().equals("0") || order.compare(version, event.version()) >= 0) {
            vulnerable = true;
          }
        }
        case "fixed" -> {
          if (order.compare(version, event.version()) >= 0) {
            vulnerable = false;
          }
        }
        case "last_affected" -> {
          if (order.compare(version, event.version()) > 0) {
            vulnerable = false;
          }
        }
        default -> {}
      }
    }
    return vulnerable;
  }

  private static Optional<Comparator<String>> order(String type, Ecosystem ecosystem) {
    return switch (type) {
      case "SEMVER" ->
          Optional.of(
              ecosystem == Ecosystem.GO ? ecosystem.order() : Comparator.comparing(SemVer::parse));
      case "ECOSYSTEM" -> Optional.of(ecosystem.order());
      default -> Optional.empty();
    };
  }

  private static boolean sameEcosystem(String osv, Ecosystem ecosystem) {
    return Ecosystem.ofOsv(osv).map(e -> e == ecosystem).orElse(false);
  }

  private static boolean samePackage(String osv, String name, Ecosystem ecosystem) {
    return ecosystem == Ecosystem.PYPI
        ? RequirementsReader.normalise(osv).equals(RequirementsReader.normalise(name))
        : osv.equals(name);
  }
}
