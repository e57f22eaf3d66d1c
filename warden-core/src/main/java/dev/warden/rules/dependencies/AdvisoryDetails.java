package dev.warden.rules.dependencies;

import dev.warden.deps.Dependency;
import dev.warden.deps.osv.Advisory;
import dev.warden.deps.osv.DependencyAudit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report fields of a finding about a package with advisories: {@code package}, {@code version}
 * (null when only a range is known, with {@code range} set), {@code ecosystem} (OSV's spelling),
 * {@code advisories} (ids), {@code advisoryDetails}, {@code fixedIn} (the smallest version that
 * fixes all), {@code direct}, {@code dependencyPath}, {@code reachable} (null when unknown).
 */
final class AdvisoryDetails {

  private AdvisoryDetails() {}

  static Map<String, Object> of(
      DependencyAudit.Vulnerable vulnerable,
      List<Advisory> advisories,
      Optional<String> fixedIn,
      Optional<Boolean> reachable) {
    Dependency dependency = vulnerable.dependency();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("package", dependency.name());
    details.put("version", dependency.version().orElse(null));
    if (dependency.version().isEmpty()) {
      details.put("range", dependency.range().orElse("*"));
    }
    details.put("ecosystem", dependency.ecosystem().osvName());
    details.put("advisories", advisories.stream().map(Advisory::id).toList());
    List<Map<String, Object>> about = new ArrayList<>();
    for (Advisory advisory : advisories) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("id", advisory.id());
      one.put("aliases", advisory.aliases());
      one.put("summary", advisory.summary());
      one.put("severity", advisory.rating().orElse(null));
      one.put("cvss", advisory.baseScore().isPresent() ? advisory.baseScore().getAsDouble() : null);
      one.put(
          "vectors",
          advisory.severity().stream()
              .filter(s -> s.type().startsWith("CVSS"))
              .map(Advisory.Severity::score)
              .toList());
      one.put("url", "https://osv.dev/vulnerability/" + advisory.id());
      about.add(one);
    }
    details.put("advisoryDetails", about);
    details.put("fixedIn", fixedIn.orElse(null));
    details.put("direct", dependency.direct());
    details.put("dependencyPath", dependency.path());
    details.put("reachable", reachable.orElse(null));
    return details;
  }

  /** {@code GHSA-… (CVE-…), GHSA-…}: the ids as a sentence names them. */
  static String named(List<Advisory> advisories) {
    List<String> names = new ArrayList<>();
    for (Advisory advisory : advisories) {
      List<String> cves = advisory.aliases().stream().filter(a -> a.startsWith("CVE-")).toList();
      names.add(advisory.id() + (cves.isEmpty() ? "" : " (" + String.join(", ", cves) + ")"));
    }
    return String.join(", ", names);
  }

  /** How the package came in: {@code direct} or {@code via express > body-parser}. */
  static String via(Dependency dependency) {
    if (dependency.direct() || dependency.path().size() <= 1) {
      return "a direct dependency";
    }
    return "via " + String.join(" > ", dependency.path());
  }
}
