package dev.warden.iam;

import java.util.Locale;
import java.util.Optional;

/**
 * A condition operator as written: its family ({@code StringLike}), whether it is an {@code
 * ...IfExists} form, and its set operator ({@code ForAllValues:}, {@code ForAnyValue:}).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
public record ConditionOperator(
    String text, Family family, boolean ifExists, SetOperator setOperator) {

  /** Set operators for multivalued keys. */
  public enum SetOperator {
    NONE,
    FOR_ALL_VALUES,
    FOR_ANY_VALUE
  }

  /** What the operator compares, and whether it is the negated form of another. */
  public enum Family {
    STRING_EQUALS("StringEquals", Kind.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Kind.STRING_LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Kind.STRING_LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC_EQUAL, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMERIC_EQUAL, true),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC_LESS, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC_LESS_EQUAL, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC_GREATER, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC_GREATER_EQUAL, false),
    DATE_EQUALS("DateEquals", Kind.DATE_EQUAL, false),
    DATE_NOT_EQUALS("DateNotEquals", Kind.DATE_EQUAL, true),
    DATE_LESS_THAN("DateLessThan", Kind.DATE_LESS, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE_LESS_EQUAL, false),
    DATE_GREATER_THAN("DateGreaterThan", Kind.DATE_GREATER, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE_GREATER_EQUAL, false),
    BOOL("Bool", Kind.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Kind.BINARY, false),
    IP_ADDRESS("IpAddress", Kind.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Kind.IP, true),
    ARN_EQUALS("ArnEquals", Kind.ARN, false),
    ARN_LIKE("ArnLike", Kind.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Kind.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Kind.ARN, true),
    NULL("Null", Kind.NULL, false);

    private final String title;
    private final Kind kind;
    private final boolean negated;

    Family(String title, Kind kind, boolean negated) {
      this.title = title;
      this.kind = kind;
      this.negated = negated;
    }

    public String title() {
      return title;
    }

    Kind kind() {
      return kind;
    }

    /** True for the operators that hold when the positive comparison does not. */
    public boolean isNegated() {
      return negated;
    }
  }

  /** How two values are compared. */
  enum Kind {
    STRING,
    STRING_IGNORE_CASE,
    STRING_LIKE,
    NUMERIC_EQUAL,
    NUMERIC_LESS,
    NUMERIC_LESS_EQUAL,
    NUMERIC_GREATER,
    NUMERIC_GREATER_EQUAL,
    DATE_EQUAL,
    DATE_LESS,
    DATE_LESS_EQUAL,
    DATE_GREATER,
    DATE_GREATER_EQUAL,
    BOOL,
    BINARY,
    IP,
    ARN,
    NULL
  }

  /** Parses an operator name; empty when it is not one AWS defines. */
  public static Optional<ConditionOperator> parse(String text) {
    String rest = text.trim();
    SetOperator set = SetOperator.NONE;
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("forallvalues:")) {
      set = SetOperator.FOR_ALL_VALUES;
      rest = rest.substring("forallvalues:".length());
    } else if (lower.startsWith("foranyvalue:")) {
      set = SetOperator.FOR_ANY_VALUE;
      rest = rest.substring("foranyvalue:".length());
    }
    boolean ifExists = false;
    if (rest.endsWith("IfExists")) {
      ifExists = true;
      rest = rest.substring(0, rest.length() - "IfExists".length());
    }
    for (Family family : Family.values()) {
      if (family.title.equals(rest)) {
        if (family == Family.NULL && ifExists) {
          return Optional.empty();
        }
        return Optional.of(new ConditionOperator(text.trim(), family, ifExists, set));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
