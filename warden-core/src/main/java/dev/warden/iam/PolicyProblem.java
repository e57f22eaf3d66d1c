package dev.warden.iam;

import dev.warden.inventory.SourceLocation;

/**
 * Something wrong with a policy, as a policy linter reports it: an error AWS would reject the
 * policy for, or a warning about what it does.
 */
public record PolicyProblem(SourceLocation at, Code code, String message)
    implements Comparable<PolicyProblem> {

  /** The kinds of problem, each an error or a warning. */
  public enum Code {
    MALFORMED_POLICY(true),
    UNKNOWN_ELEMENT(true),
    MISSING_ELEMENT(true),
    CONFLICTING_ELEMENTS(true),
    BAD_VERSION(true),
    MISSING_VERSION(false),
    BAD_EFFECT(true),
    BAD_VALUE_TYPE(true),
    UNKNOWN_OPERATOR(true),
    BAD_CONDITION_VALUE(true),
    PRINCIPAL_NOT_ALLOWED(true),
    MISSING_PRINCIPAL(true),
    DUPLICATE_SID(false),
    UNKNOWN_SERVICE(false),
    UNKNOWN_ACTION(false),
    MALFORMED_ARN(false),
    RESOURCE_MISMATCH(false),
    CONDITION_KEY_NOT_APPLICABLE(false),
    UNKNOWN_CONDITION_KEY(false),
    SET_OPERATOR_ON_SINGLE_VALUE(false),
    ALLOW_WITH_NOT_ACTION(false),
    ALLOW_WITH_NOT_RESOURCE(false),
    REDUNDANT_STATEMENT(false);

    private final boolean error;

    Code(boolean error) {
      this.error = error;
    }

    /** True when AWS would reject the policy for it. */
    public boolean isError() {
      return error;
    }
  }

  @Override
  public int compareTo(PolicyProblem other) {
    int byPlace = at.compareTo(other.at);
    return byPlace != 0 ? byPlace : code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return at + ": " + (code.isError() ? "error" : "warning") + ": " + message;
  }
}
