package dev.warden.rules.dependencies;

import com.google.auto.service.AutoService;
import dev.warden.deps.osv.Advisory;
import dev.warden.deps.osv.DependencyAudit;
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
 * Flags packages the advisory database knows to be malicious (OSV {@code MAL-} records, from the
 * OpenSSF malicious-packages feed): their code was planted to steal or to run an attacker's
 * commands, whatever version is installed, and it runs with the function's role.
 */
@AutoService(Rule.class)
public final class MaliciousPackage implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DEP-002",
          "Function ships a known-malicious package",
          Severity.CRITICAL,
          Category.SUPPLY_CHAIN,
          Optional.of(Owasp.SAS_6),
          "Remove the package and every version of it from the lockfile and the deployment"
              + " package, rotate every credential the function's role and environment could"
              + " reach, and review CloudTrail for the role's activity since the package came in.",
          List.of("https://github.com/ossf/malicious-packages", "https://osv.dev/"));

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
    for (DependencyAudit.Vulnerable vulnerable : context.packages(function, app).vulnerable()) {
      List<Advisory> malicious = vulnerable.malicious();
      if (malicious.isEmpty()) {
        continue;
      }
      findings.add(
          Finding.of(
                  INFO,
                  function,
                  vulnerable.dependency().at(),
                  vulnerable.dependency().ecosystem().osvName()
                      + ":"
                      + vulnerable.dependency().name()
                      + " in "
                      + vulnerable.file(),
                  function.logicalId()
                      + " ships "
                      + vulnerable.dependency()
                      + (vulnerable.possible() ? " (a declared range that admits it)" : "")
                      + ", a known-malicious package ("
                      + AdvisoryDetails.named(malicious)
                      + "; "
                      + AdvisoryDetails.via(vulnerable.dependency())
                      + ")"
                      + malicious.stream()
                          .map(Advisory::summary)
                          .filter(s -> !s.isBlank())
                          .findFirst()
                          .map(s -> ": " + s)
                          .orElse(""))
              .withDetails(
                  AdvisoryDetails.of(vulnerable, malicious, Optional.empty(), Optional.empty())));
    }
    return findings;
  }
}
