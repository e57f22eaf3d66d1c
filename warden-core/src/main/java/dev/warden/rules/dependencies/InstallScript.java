package dev.warden.rules.dependencies;

import com.google.auto.service.AutoService;
import dev.warden.deps.installed.InstalledPackage;
import dev.warden.deps.installed.InstalledPackages;
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
import java.util.regex.Pattern;

/**
 * Flags installed npm packages whose {@code preinstall}, {@code install} or {@code postinstall}
 * script runs code: it ran on whatever machine built the function (with that machine's credentials)
 * and is how most malicious npm packages strike. Compiling a native addon is low; anything else
 * medium; a script that fetches, decodes or evaluates code inline is high.
 */
@AutoService(Rule.class)
public final class InstallScript implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DEP-005",
          "Installed package runs a script on install",
          Severity.MEDIUM,
          Category.SUPPLY_CHAIN,
          Optional.of(Owasp.SAS_6),
          "Review what the script does; build with npm ci --ignore-scripts (and allow only the"
              + " packages that need to compile), on a build machine whose credentials cannot"
              + " deploy or read production.",
          List.of("https://docs.npmjs.com/cli/using-npm/scripts#life-cycle-scripts"));

  private static final Pattern NATIVE_BUILD =
      Pattern.compile(
          "^(?:node-gyp(?:-build)? rebuild|node-gyp-build|prebuild-install(?: \\|\\| node-gyp"
              + " rebuild)?(?: --runtime \\S+)?|node-pre-gyp install --fallback-to-build)$");
  private static final Pattern INLINE_CODE =
      Pattern.compile(
          "(?i)\\b(?:curl|wget|powershell|iex|base64|eval)\\b|node\\s+-e\\b|https?://|\\|\\s*(?:ba)?sh\\b");

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
    for (InstalledPackages.Inspection inspection : context.installedPackages(function, app)) {
      InstalledPackage installed = inspection.installed();
      for (Map.Entry<String, String> script : installed.installScripts().entrySet()) {
        String command = script.getValue().strip();
        Severity severity =
            INLINE_CODE.matcher(command).find()
                ? Severity.HIGH
                : NATIVE_BUILD.matcher(command).matches() ? Severity.LOW : Severity.MEDIUM;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("package", installed.name());
        details.put("version", installed.version());
        details.put("ecosystem", installed.ecosystem().osvName());
        details.put("script", script.getKey());
        details.put("command", command);
        findings.add(
            Finding.of(
                    INFO,
                    function,
                    new SourceLocation(installed.manifest(), 1, 1),
                    installed.name() + " " + script.getKey(),
                    function.logicalId()
                        + " ships "
                        + installed.name()
                        + "@"
                        + installed.version()
                        + ", whose "
                        + script.getKey()
                        + " script runs `"
                        + (command.length() > 160 ? command.substring(0, 160) + "…" : command)
                        + "` on every install")
                .withSeverity(severity)
                .withDetails(details));
      }
    }
    return findings;
  }
}
