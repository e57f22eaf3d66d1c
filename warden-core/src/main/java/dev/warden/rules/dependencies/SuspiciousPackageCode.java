package dev.warden.rules.dependencies;

import com.google.auto.service.AutoService;
import dev.warden.deps.installed.InstalledPackage;
import dev.warden.deps.installed.InstalledPackages;
import dev.warden.deps.installed.Signal;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags installed packages whose code does what malicious packages do ({@link Signal.Kind}): one
 * finding per package and kind, at the first place seen, naming every place. Sending the
 * environment or credentials out, downloading or decoding code to run it are high (critical when
 * the package does both); obfuscation, minified payloads, paste sites and raw IPs are medium, and
 * reading credential files without a way out is low.
 */
@AutoService(Rule.class)
public final class SuspiciousPackageCode implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DEP-006",
          "Installed package code behaves like malware",
          Severity.HIGH,
          Category.SUPPLY_CHAIN,
          Optional.of(Owasp.SAS_6),
          "Read the code at the places named. If it is not what the package is for, remove the"
              + " package, rotate every credential the function and its build machine hold, and"
              + " report it to the registry; if it is, suppress the finding with the reason.",
          List.of(
              "https://github.com/DataDog/guarddog",
              "https://openssf.org/blog/2022/04/28/introducing-package-analysis-scanning-open-source-packages-for-malicious-behavior/"));

  /** How many places a message names before "and N more". */
  private static final int NAMED = 3;

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
      Map<Signal.Kind, List<Signal>> byKind = new EnumMap<>(Signal.Kind.class);
      for (Signal signal : inspection.signals()) {
        byKind.computeIfAbsent(signal.kind(), k -> new ArrayList<>()).add(signal);
      }
      boolean stealsAndRuns =
          byKind.containsKey(Signal.Kind.EXFILTRATION)
              && (byKind.containsKey(Signal.Kind.DOWNLOAD_AND_RUN)
                  || byKind.containsKey(Signal.Kind.DECODE_AND_RUN)
                  || byKind.containsKey(Signal.Kind.OBFUSCATION));
      for (Map.Entry<Signal.Kind, List<Signal>> entry : byKind.entrySet()) {
        findings.add(
            finding(
                function, inspection.installed(), entry.getKey(), entry.getValue(), stealsAndRuns));
      }
    }
    return findings;
  }

  private static Finding finding(
      ServerlessFunction function,
      InstalledPackage installed,
      Signal.Kind kind,
      List<Signal> signals,
      boolean stealsAndRuns) {
    Signal first = signals.get(0);
    List<String> places = new ArrayList<>();
    for (Signal signal : signals.subList(0, Math.min(NAMED, signals.size()))) {
      places.add(signal.file() + ":" + signal.line() + " `" + signal.evidence() + "`");
    }
    String more = signals.size() > NAMED ? " and " + (signals.size() - NAMED) + " more" : "";
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (Signal signal : signals) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("file", signal.file());
      one.put("line", signal.line());
      one.put("code", signal.evidence());
      evidence.add(one);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("package", installed.name());
    details.put("version", installed.version());
    details.put("ecosystem", installed.ecosystem().osvName());
    details.put("behaviour", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    details.put("evidence", evidence);
    return Finding.of(
            INFO,
            function,
            new SourceLocation(first.file(), first.line(), 1),
            installed.name() + " " + kind,
            function.logicalId()
                + " ships "
                + installed.name()
                + "@"
                + installed.version()
                + ", whose code "
                + kind.description()
                + ": "
                + String.join("; ", places)
                + more)
        .withSeverity(severity(kind, stealsAndRuns))
        .withDetails(details);
  }

  private static Severity severity(Signal.Kind kind, boolean stealsAndRuns) {
    return switch (kind) {
      case EXFILTRATION, DOWNLOAD_AND_RUN, DECODE_AND_RUN ->
          stealsAndRuns ? Severity.CRITICAL : Severity.HIGH;
      case OBFUSCATION, MINIFIED_PAYLOAD, SUSPICIOUS_HOST, RAW_IP -> Severity.MEDIUM;
      case CREDENTIAL_ACCESS -> Severity.LOW;
    };
  }
}
