package dev.warden.rules;

import dev.warden.inventory.SourceLocation;
import java.util.Comparator;
import java.util.Optional;

/**
 * One weakness found, where it is and why it matters.
 *
 * @param functionId the function it concerns ({@code template.yaml#OrderFunction}); empty for
 *     app-level findings
 * @param fingerprint stable across runs and line moves: it keys baselines and diffs
 */
public record Finding(
    RuleInfo rule,
    Optional<String> functionId,
    Optional<String> functionName,
    SourceLocation location,
    String message,
    String fingerprint,
    boolean suppressed) {

  /** Worst first, then by place, then by rule. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.rule().severity())
          .thenComparing(Finding::location)
          .thenComparing(f -> f.rule().id())
          .thenComparing(Finding::message);

  public Severity severity() {
    return rule.severity();
  }
}
