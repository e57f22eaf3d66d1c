package dev.warden.rules.dependencies;

import com.google.auto.service.AutoService;
import dev.warden.deps.Dependency;
import dev.warden.deps.DependencyFile;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags a manifest with no lockfile beside it whose dependencies are not all pinned: every build
 * resolves them anew, so a compromised release published upstream ships in the next deployment
 * without anyone changing a line. Its declared ranges are matched against the advisories
 * conservatively (WDN-DEP-001).
 */
@AutoService(Rule.class)
public final class UnpinnedDependencies implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DEP-003",
          "Function dependencies are not pinned by a lockfile",
          Severity.MEDIUM,
          Category.SUPPLY_CHAIN,
          Optional.of(Owasp.SAS_6),
          "Commit a lockfile (package-lock.json, poetry.lock or uv.lock, pip-compile's"
              + " requirements.txt with hashes, gradle.lockfile, go.sum) and build from it: npm ci,"
              + " pip install --require-hashes.",
          List.of(
              "https://docs.npmjs.com/cli/configuring-npm/package-lock-json",
              "https://pip.pypa.io/en/stable/topics/secure-installs/"));

  /** How many unpinned packages a message names before it says "and N more". */
  private static final int NAMED = 5;

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
    for (DependencyFile file : context.packages(function, app).files()) {
      if (file.locked()) {
        continue;
      }
      List<Dependency> unpinned =
          file.packages().stream().filter(d -> d.version().isEmpty() && !d.development()).toList();
      if (unpinned.isEmpty()) {
        continue;
      }
      List<String> named = unpinned.stream().limit(NAMED).map(Dependency::toString).toList();
      String more = unpinned.size() > NAMED ? " and " + (unpinned.size() - NAMED) + " more" : "";
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("ecosystem", file.ecosystem().osvName());
      details.put("manifest", file.file());
      details.put(
          "unpinned",
          unpinned.stream()
              .map(
                  d -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("package", d.name());
                    one.put("range", d.range().orElse("*"));
                    return one;
                  })
              .toList());
      findings.add(
          Finding.of(
                  INFO,
                  function,
                  new SourceLocation(file.file(), 1, 1),
                  "unpinned " + file.file(),
                  function.logicalId()
                      + " ships "
                      + file.file()
                      + " without a lockfile: "
                      + unpinned.size()
                      + (unpinned.size() == 1 ? " package resolves" : " packages resolve")
                      + " to whatever is newest at build time ("
                      + String.join(", ", named)
                      + more
                      + ")")
              .withDetails(details));
    }
    return findings;
  }
}
