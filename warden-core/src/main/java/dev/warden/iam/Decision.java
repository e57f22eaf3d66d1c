package dev.warden.iam;

import java.util.List;
import java.util.Optional;

/** The outcome of evaluating one request, with the statements that decided it. */
public record Decision(Outcome outcome, List<MatchedStatement> matched) {

  /** What AWS answers. */
  public enum Outcome {
    ALLOWED("Allowed"),
    IMPLICITLY_DENIED("ImplicitlyDenied"),
    EXPLICITLY_DENIED("ExplicitlyDenied");

    private final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /**
   * A statement that decided the outcome: the Deny statements of an explicit deny; the Allow
   * statements that granted an allowed request.
   *
   * @param policyIndex the policy's position among those of its type (SCP and RCP levels counted
   *     one after the other, root first), from 0
   */
  public record MatchedStatement(
      PolicyType policyType, int policyIndex, int statementIndex, Optional<String> sid) {}

  public Decision {
    matched = List.copyOf(matched);
  }

  public boolean isAllowed() {
    return outcome == Outcome.ALLOWED;
  }
}
