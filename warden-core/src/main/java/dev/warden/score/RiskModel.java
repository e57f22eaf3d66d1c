package dev.warden.score;

import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.RuleContext;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores a function from its exposure E, the impact I of its role and the likelihood L its own
 * weaknesses add:
 *
 * <pre>score = 100 × (1 − (1 − E·I) × (1 − 0.7·I) × (1 − L))</pre>
 *
 * <p>E·I is the open path: a reachable function with a powerful role. 0.7·I stands for the other
 * ways a role is abused (a bug in the code, a leaked credential): a powerful role is a risk however
 * the function is reached. L = 1 − ∏(1 − wᵢ·(0.5 + 0.5·E)) over the function's findings that are
 * not about its permissions or its exposure (those are I and E), with wᵢ by severity: critical 0.6,
 * high 0.4, medium 0.2, low 0.08, info 0; evidence of an attack in the logs counts 1.
 */
public final class RiskModel {

  private static final Map<Severity, Double> WEIGHT = weights();

  /** Categories that the exposure and impact factors already measure. */
  private static final Set<Category> COUNTED_ELSEWHERE =
      Set.of(
          Category.OVER_PRIVILEGED,
          Category.PRIVILEGE_ESCALATION,
          Category.PUBLIC_ENTRY_POINT,
          Category.MISSING_AUTH,
          Category.INPUT_ERROR);

  private static Map<Severity, Double> weights() {
    Map<Severity, Double> weights = new EnumMap<>(Severity.class);
    weights.put(Severity.CRITICAL, 0.6);
    weights.put(Severity.HIGH, 0.4);
    weights.put(Severity.MEDIUM, 0.2);
    weights.put(Severity.LOW, 0.08);
    weights.put(Severity.INFO, 0.0);
    return weights;
  }

  private final RuleContext context;

  public RiskModel(RuleContext context) {
    this.context = context;
  }

  /** The function's score, from its findings that are not suppressed. */
  public RiskScore score(ServerlessFunction function, List<Finding> findings) {
    Exposure exposure = Exposure.of(function);
    Impact impact =
        function.cloud() == Cloud.AWS
            ? Impact.of(
                context.permissions(function),
                function.role().displayName(),
                context.sharingRoleWith(function).size())
            : CloudImpact.of(function);
    double e = exposure.value();
    double i = impact.value();
    double notLikely = 1.0;
    List<Finding> weaknesses = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.suppressed() || COUNTED_ELSEWHERE.contains(finding.rule().category())) {
        continue;
      }
      double w =
          finding.rule().category() == Category.ATTACK
              ? 1.0
              : WEIGHT.get(finding.severity()) * (0.5 + 0.5 * e);
      if (w > 0) {
        notLikely *= 1 - w;
        weaknesses.add(finding);
      }
    }
    double l = 1 - notLikely;
    double risk = 1 - (1 - e * i) * (1 - 0.7 * i) * (1 - l);
    int score = (int) Math.round(100 * Math.min(1.0, Math.max(0.0, risk)));
    List<String> reasons = new ArrayList<>();
    reasons.add(String.format(Locale.ROOT, "exposure %.2f: %s", e, exposure.why()));
    reasons.add(String.format(Locale.ROOT, "impact %.2f: %s", i, impact.why()));
    weaknesses.sort(Comparator.comparing(Finding::severity));
    for (Finding weakness : weaknesses.subList(0, Math.min(3, weaknesses.size()))) {
      reasons.add(
          weakness.severity().wireName()
              + " "
              + weakness.rule().id()
              + ": "
              + weakness.rule().title());
    }
    if (weaknesses.size() > 3) {
      reasons.add("and " + (weaknesses.size() - 3) + " more weaknesses");
    }
    return new RiskScore(score, RiskLevel.of(score), round(e), round(i), round(l), reasons);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
