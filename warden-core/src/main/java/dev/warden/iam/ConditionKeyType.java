package dev.warden.iam;

/** The value type AWS documents for a condition key. */
public enum ConditionKeyType {
  STRING(false),
  NUMERIC(false),
  DATE(false),
  BOOL(false),
  ARN(false),
  IP_ADDRESS(false),
  BINARY(false),
  ARRAY_OF_STRING(true),
  ARRAY_OF_NUMERIC(true),
  ARRAY_OF_BOOL(true),
  ARRAY_OF_ARN(true);

  private final boolean multivalued;

  ConditionKeyType(boolean multivalued) {
    this.multivalued = multivalued;
  }

  /** True for keys that carry a set of values (set operators apply to them). */
  public boolean isMultivalued() {
    return multivalued;
  }

  static ConditionKeyType parse(String text) {
    return switch (text) {
      case "String" -> STRING;
      case "Numeric" -> NUMERIC;
      case "Date" -> DATE;
      case "Bool" -> BOOL;
      case "ARN" -> ARN;
      case "IPAddress" -> IP_ADDRESS;
      case "Binary" -> BINARY;
      case "ArrayOfString" -> ARRAY_OF_STRING;
      case "ArrayOfNumeric" -> ARRAY_OF_NUMERIC;
      case "ArrayOfBool" -> ARRAY_OF_BOOL;
      case "ArrayOfARN" -> ARRAY_OF_ARN;
      default -> STRING;
    };
  }
}
