package dev.warden.score;

import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fleet at a glance, as every report opens: how many functions, what share is at risk and
 * serious, the findings by severity, the risks that touch most functions, and what was not
 * analysed.
 *
 * @param withUnusedPermissions functions whose role grants actions their code never uses (only
 *     counted where the code could be read completely)
 * @param bySeverity findings that are not suppressed, input errors left out
 * @param topRisks the rules whose findings touch most functions, weighted by the rules' severity
 * @param notAnalysed the analyses this scan did not run, in words, for the reader to know
 */
public record FleetSummary(
    int functions,
    int atRisk,
    int serious,
    int withUnusedPermissions,
    Map<Severity, Integer> bySeverity,
    int suppressed,
    int inputErrors,
    List<TopRisk> topRisks,
    List<String> notAnalysed) {

  public FleetSummary {
    bySeverity = Map.copyOf(bySeverity);
    topRisks = List.copyOf(topRisks);
    notAnalysed = List.copyOf(notAnalysed);
  }

  /** A rule and how many functions its findings touch. */
  public record TopRisk(String ruleId, String title, Severity severity, int functions) {}

  /** What this version does not analyse yet, so that no share reads as "none". */
  static final List<String> NOT_ANALYSED = List.of("audit logs (observed permission use)");

  /** The rule whose findings say a function's role grants what its code never uses. */
  static final String UNUSED_PERMISSIONS = "WDN-IAM-009";

  public static FleetSummary of(
      List<ServerlessFunction> functions, Map<String, RiskScore> scores, List<Finding> findings) {
    int atRisk = 0;
    int serious = 0;
    for (ServerlessFunction function : functions) {
      RiskLevel level = scores.get(function.id()).level();
      atRisk += level.atRisk() ? 1 : 0;
      serious += level == RiskLevel.SERIOUS ? 1 : 0;
    }
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      bySeverity.put(severity, 0);
    }
    int suppressed = 0;
    int inputErrors = 0;
    Set<String> unused = new HashSet<>();
    Map<String, Set<String>> touched = new LinkedHashMap<>();
    Map<String, Finding> example = new LinkedHashMap<>();
    for (Finding finding : findings) {
      if (finding.rule().category() == Category.INPUT_ERROR) {
        inputErrors++;
      } else if (finding.suppressed()) {
        suppressed++;
      } else {
        bySeverity.merge(finding.severity(), 1, Integer::sum);
        if (finding.rule().id().equals(UNUSED_PERMISSIONS)) {
          finding.functionId().ifPresent(unused::add);
        }
        String key = finding.rule().id();
        touched
            .computeIfAbsent(key, k -> new HashSet<>())
            .add(finding.functionId().orElse(finding.resource().orElse("")));
        example.merge(key, finding, (a, b) -> a.severity().compareTo(b.severity()) <= 0 ? a : b);
      }
    }
    List<TopRisk> top = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : touched.entrySet()) {
      Finding worst = example.get(entry.getKey());
      if (worst.rule().severity().isAtLeast(Severity.MEDIUM)) {
        top.add(
            new TopRisk(
                entry.getKey(),
                worst.rule().title(),
                worst.rule().severity(),
                entry.getValue().size()));
      }
    }
    top.sort(
        Comparator.comparingDouble((TopRisk t) -> -weight(t.severity()) * t.functions())
            .thenComparing(TopRisk::ruleId));
    return new FleetSummary(
        functions.size(),
        atRisk,
        serious,
        unused.size(),
        bySeverity,
        suppressed,
        inputErrors,
        top.subList(0, Math.min(3, top.size())),
        NOT_ANALYSED);
  }

  private static double weight(Severity severity) {
    return switch (severity) {
      case CRITICAL -> 8;
      case HIGH -> 4;
      case MEDIUM -> 2;
      case LOW -> 1;
      case INFO -> 0;
    };
  }

  /**
   * "13 functions scanned — 85% at risk, 46% serious; 38% carry permissions their code does not
   * use; top risks: …".
   */
  public String headline() {
    StringBuilder text = new StringBuilder();
    text.append(functions).append(functions == 1 ? " function" : " functions").append(" scanned");
    if (functions > 0) {
      text.append(" — ")
          .append(percent(atRisk))
          .append(" at risk, ")
          .append(percent(serious))
          .append(" serious; ")
          .append(percent(withUnusedPermissions))
          .append(" carry permissions their code does not use");
    }
    if (!topRisks.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (TopRisk risk : topRisks) {
        names.add(
            risk.title().toLowerCase(Locale.ROOT).charAt(0)
                + risk.title().substring(1)
                + " ("
                + risk.functions()
                + ")");
      }
      text.append("; top risks: ").append(String.join("; ", names));
    }
    return text.toString();
  }

  private String percent(int count) {
    return Math.round(100.0 * count / functions) + "%";
  }
}
