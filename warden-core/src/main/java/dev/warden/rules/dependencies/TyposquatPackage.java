package dev.warden.rules.dependencies;

import com.google.auto.service.AutoService;
import dev.warden.deps.Dependency;
import dev.warden.deps.DependencyFile;
import dev.warden.deps.Typosquats;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags packages whose name imitates a popular package of npm or PyPI ({@link Typosquats}): the
 * classic way malicious packages get installed by mistake. Look-alike characters are high (nobody
 * names a package so by chance); the other tricks are medium.
 */
@AutoService(Rule.class)
public final class TyposquatPackage implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DEP-004",
          "Package name imitates a popular package",
          Severity.MEDIUM,
          Category.SUPPLY_CHAIN,
          Optional.of(Owasp.SAS_6),
          "Check that the package is the one you meant: if not, replace it with the popular"
              + " package it imitates, remove it from the lockfile, and treat the build machines"
              + " and the function's credentials as exposed; if it is, record that with a"
              + " suppression.",
          List.of(
              "https://blog.npmjs.org/post/163723642530/crossenv-malware-on-the-npm-registry",
              "https://github.com/ossf/malicious-packages"));

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
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (DependencyFile file : context.packages(function, app).files()) {
      for (Dependency dependency : file.packages()) {
        if (!seen.add(dependency.ecosystem() + ":" + dependency.name())) {
          continue;
        }
        Optional<Typosquats.Lookalike> lookalike =
            Typosquats.bundled()
                .check(dependency.ecosystem(), dependency.name(), dependency.direct());
        if (lookalike.isEmpty()) {
          continue;
        }
        Typosquats.Lookalike found = lookalike.get();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("package", dependency.name());
        details.put("version", dependency.version().orElse(null));
        details.put("ecosystem", dependency.ecosystem().osvName());
        details.put("imitates", found.target());
        details.put("trick", found.trick());
        details.put("direct", dependency.direct());
        details.put("dependencyPath", dependency.path());
        findings.add(
            Finding.of(
                    INFO,
                    function,
                    dependency.at(),
                    dependency.ecosystem().osvName() + ":" + dependency.name(),
                    function.logicalId()
                        + " ships "
                        + dependency
                        + ", whose name imitates the popular "
                        + found.target()
                        + " ("
                        + found.trick()
                        + "; "
                        + AdvisoryDetails.via(dependency)
                        + ")")
                .withSeverity(
                    found.trick().startsWith("look-alike") ? Severity.HIGH : Severity.MEDIUM)
                .withDetails(details));
      }
    }
    return findings;
  }
}
