package dev.warden.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a rule publishes about itself: a stable id ({@code WDN-<AREA>-<NNN>}), the problem as it
 * reads in a list of findings, severity, category, OWASP risk, what to do, and references.
 */
public record RuleInfo(
    String id,
    String title,
    Severity severity,
    Category category,
    Optional<Owasp> owasp,
    String remediation,
    List<String> references) {

  private static final Pattern ID = Pattern.compile("WDN-[A-Z]+-\\d{3}");

  public RuleInfo {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id " + id + " is not of the form WDN-<AREA>-<NNN>");
    }
    references = List.copyOf(references);
  }
}
