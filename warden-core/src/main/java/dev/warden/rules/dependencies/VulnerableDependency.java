package dev.warden.rules.dependencies;

import com.google.auto.service.AutoService;
import dev.warden.deps.DependencyFile;
import dev.warden.deps.osv.Advisory;
import dev.warden.deps.osv.DependencyAudit;
import dev.warden.deps.osv.PackageReview;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags each package a function ships whose version (or declared range) is affected by a known
 * vulnerability in the advisory database. Severity is the worst advisory's (its CVSS rating, else
 * the database's), one step lower when the handler's module graph provably does not import the
 * package and one step lower for a development dependency (production builds leave it out); the
 * message says which, and names the smallest upgrade that fixes every advisory.
 */
@AutoService(Rule.class)
public final class VulnerableDependency implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DEP-001",
          "Function ships a package with a known vulnerability",
          Severity.HIGH,
          Category.VULNERABLE_DEPENDENCY,
          Optional.of(Owasp.SAS_6),
          "Upgrade the package to the fixed version the finding names (for a transitive package,"
              + " upgrade the direct dependency that brings it in, or pin it with npm overrides /"
              + " a constraints file), then regenerate the lockfile and redeploy.",
          List.of("https://osv.dev/", "https://github.com/advisories"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<Cloud> clouds() {
    return EVERY_CLOUD;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    PackageReview review = context.packages(function, app);
    List<Finding> findings = new ArrayList<>();
    for (DependencyAudit.Vulnerable vulnerable : review.vulnerable()) {
      List<Advisory> advisories = vulnerable.vulnerabilities();
      if (advisories.isEmpty()) {
        continue;
      }
      DependencyFile file =
          review.files().stream()
              .filter(f -> f.file().equals(vulnerable.file()))
              .findFirst()
              .orElseThrow();
      Optional<Boolean> reachable =
          ImportedPackages.imported(vulnerable.dependency(), file, context.code(function));
      Severity worst = worst(advisories);
      Severity severity = reachable.orElse(true) ? worst : lower(worst);
      if (vulnerable.dependency().development()) {
        severity = lower(severity); // sam build and npm ci --omit=dev leave it out
      }
      // the fixed version of the vulnerabilities alone (a malicious record has none)
      Optional<String> fixedIn =
          advisories.size() == vulnerable.advisories().size()
              ? vulnerable.fixedIn()
              : Optional.empty();
      findings.add(
          Finding.of(
                  INFO,
                  function,
                  vulnerable.dependency().at(),
                  vulnerable.dependency().ecosystem().osvName()
                      + ":"
                      + vulnerable.dependency().name()
                      + "@"
                      + vulnerable
                          .dependency()
                          .version()
                          .orElse(vulnerable.dependency().range().orElse("*"))
                      + " in "
                      + vulnerable.file(),
                  message(function, vulnerable, advisories, fixedIn, reachable))
              .withSeverity(severity)
              .withDetails(AdvisoryDetails.of(vulnerable, advisories, fixedIn, reachable)));
    }
    return findings;
  }

  private static String message(
      ServerlessFunction function,
      DependencyAudit.Vulnerable vulnerable,
      List<Advisory> advisories,
      Optional<String> fixedIn,
      Optional<Boolean> reachable) {
    StringBuilder message = new StringBuilder(function.logicalId()).append(" ships ");
    if (vulnerable.possible()) {
      message
          .append(vulnerable.dependency().name())
          .append(" with the declared range ")
          .append(vulnerable.dependency().range().orElse("*"))
          .append(", which admits versions affected by ");
    } else {
      message.append(vulnerable.dependency()).append(", affected by ");
    }
    message
        .append(AdvisoryDetails.named(advisories))
        .append(" (")
        .append(AdvisoryDetails.via(vulnerable.dependency()))
        .append(")");
    message.append(
        fixedIn
            .map(f -> "; " + f + " fixes " + (advisories.size() == 1 ? "it" : "all of them"))
            .orElse("; no fixed version is known"));
    if (vulnerable.dependency().development()) {
      message.append("; a development dependency, left out of production builds, so ranked lower");
    }
    if (reachable.isPresent()) {
      message.append(
          reachable.get()
              ? "; the handler's code imports it"
              : "; the handler's code does not import it, so it is ranked lower");
    }
    return message.toString();
  }

  /** The worst rating among the advisories; medium when none is rated. */
  static Severity worst(List<Advisory> advisories) {
    Severity worst = Severity.INFO;
    boolean rated = false;
    for (Advisory advisory : advisories) {
      Optional<Severity> severity = advisory.rating().flatMap(Severity::parse);
      if (severity.isPresent()) {
        rated = true;
        if (severity.get().isAtLeast(worst)) {
          worst = severity.get();
        }
      }
    }
    return rated && worst != Severity.INFO ? worst : Severity.MEDIUM;
  }

  private static Severity lower(Severity severity) {
    return switch (severity) {
      case CRITICAL -> Severity.HIGH;
      case HIGH -> Severity.MEDIUM;
      case MEDIUM, LOW, INFO -> Severity.LOW;
    };
  }
}
