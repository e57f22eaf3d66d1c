package dev.warden.deps.osv;

import dev.warden.deps.Ecosystem;
import dev.warden.deps.InvalidVersionException;
import dev.warden.deps.RequirementsReader;
import dev.warden.deps.SemVer;
import dev.warden.deps.VersionRange;
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

  /**
   * Whether an advisory may affect a package declared only by a range: some version the range
   * admits lies in an affected interval or is listed. The hit's fixed version is the highest first
   * fix among the affected intervals the range overlaps (a range starting there avoids them all),
   * none when one of them has no fix or only listed versions match.
   */
  public static Optional<Hit> checkRange(
      Advisory advisory, Ecosystem ecosystem, String name, VersionRange declared) {
    if (advisory.withdrawn().isPresent()) {
      return Optional.empty();
    }
    boolean affected = false;
    boolean unfixed = false;
    Optional<String> fixedIn = Optional.empty();
    for (Advisory.Affected entry : advisory.affected()) {
      if (!sameEcosystem(entry.ecosystem(), ecosystem)
          || !samePackage(entry.name(), name, ecosystem)) {
        continue;
      }
      for (String version : entry.versions()) {
        try {
          affected |= declared.contains(version); // the ranges, if any, name the fix

        } catch (InvalidVersionException e) {
          // a listed version the ordering cannot read
        }
      }
      for (Advisory.Range range : entry.ranges()) {
        boolean sameOrder =
            range.type().equals("ECOSYSTEM")
                || (range.type().equals("SEMVER")
                    && (ecosystem == Ecosystem.NPM || ecosystem == Ecosystem.GO));
        if (!sameOrder) {
          continue;
        }
        try {
          for (Span span : spans(range, ecosystem.order())) {
            if (declared.overlaps(span.interval())) {
              affected = true;
              Optional<String> fix = span.fixedBy();
              if (fix.isEmpty()) {
                unfixed = true;
              } else if (fixedIn.isEmpty() || ecosystem.compare(fix.get(), fixedIn.get()) > 0) {
                fixedIn = fix;
              }
            }
          }
        } catch (InvalidVersionException e) {
          // an event version the ordering cannot read: no verdict from this range
        }
      }
    }
    if (!affected) {
      return Optional.empty();
    }
    return Optional.of(new Hit(advisory, unfixed ? Optional.empty() : fixedIn));
  }

  /** An affected interval, and the {@code fixed} event that ends it, if one does. */
  record Span(VersionRange.Interval interval, Optional<String> fixedBy) {}

  /**
   * The affected intervals of a range: from each {@code introduced} to the next {@code fixed}
   * (excluded) or {@code last_affected} (included), or open-ended, cut at the lowest {@code limit}.
   */
  static List<Span> spans(Advisory.Range range, Comparator<String> order) {
    List<Advisory.Event> events = sorted(range, order);
    Optional<VersionRange.Bound> limit = Optional.empty();
    for (Advisory.Event event : range.events()) {
      if (event.kind().equals("limit")
          && !event.version().equals("*")
          && (limit.isEmpty() || order.compare(event.version(), limit.get().version()) < 0)) {
        limit = Optional.of(new VersionRange.Bound(event.version(), false));
      }
    }
    List<Span> spans = new ArrayList<>();
    boolean open = false;
    Optional<VersionRange.Bound> start = Optional.empty();
    for (Advisory.Event event : events) {
      switch (event.kind()) {
        case "introduced" -> {
          if (!open) {
            open = true;
            start =
                event.version().equals("0")
                    ? Optional.empty()
                    : Optional.of(new VersionRange.Bound(event.version(), true));
          }
        }
        case "fixed", "last_affected" -> {
          if (open) {
            open = false;
            boolean fixed = event.kind().equals("fixed");
            spans.add(
                new Span(
                    new VersionRange.Interval(
                        start, Optional.of(new VersionRange.Bound(event.version(), !fixed))),
                    fixed ? Optional.of(event.version()) : Optional.empty()));
          }
        }
        default -> {}
      }
    }
    if (open) {
      spans.add(new Span(new VersionRange.Interval(start, Optional.empty()), Optional.empty()));
    }
    if (limit.isEmpty()) {
      return spans;
    }
    List<Span> cut = new ArrayList<>();
    for (Span span : spans) {
      Optional<VersionRange.Bound> upper = span.interval().upper();
      if (upper.isEmpty() || order.compare(upper.get().version(), limit.get().version()) >= 0) {
        upper = limit;
      }
      cut.add(new Span(new VersionRange.Interval(span.interval().lower(), upper), span.fixedBy()));
    }
    return cut;
  }

  private static List<Advisory.Event> sorted(Advisory.Range range, Comparator<String> order) {
    List<Advisory.Event> events = new ArrayList<>();
    for (Advisory.Event event : range.events()) {
      if (!event.kind().equals("limit")) {
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
    return events;
  }

  private static boolean inRange(Advisory.Range range, String version, Comparator<String> order) {
    for (Advisory.Event event : range.events()) {
      if (event.kind().equals("limit")
          && !event.version().equals("*")
          && order.compare(version, event.version()) >= 0) {
        return false;
      }
    }
    boolean vulnerable = false;
    for (Advisory.Event event : sorted(range, order)) {
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
