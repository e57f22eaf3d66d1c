package dev.warden.iam;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One condition: an operator, a key and the values it accepts, compiled for evaluation. All
 * conditions of a statement must hold; the values of one condition are alternatives.
 */
public final class Condition {

  private final ConditionOperator operator;
  private final String key;
  private final String lowerKey;
  private final List<PolicyText> texts;
  private final List<Object> compiled;
  private final SourceLocation at;

  Condition(
      ConditionOperator operator,
      String key,
      List<SymbolicText> values,
      boolean variablesAllowed,
      SourceLocation at) {
    this.operator = operator;
    this.key = key;
    this.lowerKey = key.toLowerCase(Locale.ROOT);
    this.at = at;
    List<PolicyText> texts = new ArrayList<>();
    List<Object> compiled = new ArrayList<>();
    ConditionOperator.Kind kind = operator.family().kind();
    for (SymbolicText value : values) {
      boolean wildcards =
          kind == ConditionOperator.Kind.STRING_LIKE || kind == ConditionOperator.Kind.ARN;
      PolicyText text =
          PolicyText.compile(value, variablesAllowed && usesVariables(kind), wildcards);
      texts.add(text);
      compiled.add(compile(kind, value.toString()));
    }
    this.texts = List.copyOf(texts);
    this.compiled = compiled;
  }

  private static boolean usesVariables(ConditionOperator.Kind kind) {
    return kind == ConditionOperator.Kind.STRING
        || kind == ConditionOperator.Kind.STRING_IGNORE_CASE
        || kind == ConditionOperator.Kind.STRING_LIKE
        || kind == ConditionOperator.Kind.ARN;
  }

  public ConditionOperator operator() {
    return operator;
  }

  /** The key as written. */
  public String key() {
    return key;
  }

  public List<String> values() {
    return texts.stream().map(PolicyText::text).toList();
  }

  public SourceLocation at() {
    return at;
  }

  /** True when the policy value could not be read for its operator (a date that is no date…). */
  public Optional<String> invalidValue() {
    for (int i = 0; i < compiled.size(); i++) {
      if (compiled.get(i) == INVALID) {
        return Optional.of(texts.get(i).text());
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- evaluation

  /** Whether the condition holds for the request. */
  public boolean holds(RequestContext context) {
    ConditionOperator.Family family = operator.family();
    Optional<List<String>> present = context.values(lowerKey);
    if (family == ConditionOperator.Family.NULL) {
      boolean absent = present.isEmpty() || present.get().isEmpty();
      for (PolicyText text : texts) {
        String wanted = text.text().toLowerCase(Locale.ROOT);
        if ((wanted.equals("true") && absent) || (wanted.equals("false") && !absent)) {
          return true;
        }
      }
      return false;
    }
    switch (operator.setOperator()) {
      case FOR_ALL_VALUES -> {
        if (present.isEmpty() || present.get().isEmpty()) {
          return true;
        }
        for (String value : present.get()) {
          if (!test(value, context)) {
            return false;
          }
        }
        return true;
      }
      case FOR_ANY_VALUE -> {
        if (present.isEmpty() || present.get().isEmpty()) {
          return false;
        }
        for (String value : present.get()) {
          if (test(value, context)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        if (present.isEmpty()) {
          return operator.ifExists() || family.isNegated();
        }
        if (context.isMultivalued(lowerKey)) {
          // A set is compared only through ForAllValues or ForAnyValue; a plain operator never
          // matches it, the negated ones included (as AWS's IAM team stated at re:Inforce 2025,
          // IAM431, and the differential oracle does).
          return false;
        }
        for (String value : present.get()) {
          if (test(value, context)) {
            return true;
          }
        }
        return false;
      }
    }
  }

  /**
   * The operator's verdict on one request value: a positive operator holds when a policy value
   * matches; a negated one when none does. A policy value whose variable has no value in the
   * request matches nothing, and makes a negated operator fail: AWS cannot tell that the request
   * value differs from it.
   */
  private boolean test(String requestValue, RequestContext context) {
    if (!operator.family().isNegated()) {
      return anyMatches(requestValue, context);
    }
    for (PolicyText text : texts) {
      if (!text.resolves(context)) {
        return false;
      }
    }
    return !anyMatches(requestValue, context);
  }

  /** True when a request value matches one of the policy values, by the positive comparison. */
  private boolean anyMatches(String requestValue, RequestContext context) {
    ConditionOperator.Kind kind = operator.family().kind();
    for (int i = 0; i < texts.size(); i++) {
      if (matches(kind, texts.get(i), compiled.get(i), requestValue, context)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(
      ConditionOperator.Kind kind,
      PolicyText text,
      Object compiled,
      String value,
      RequestContext context) {
    return switch (kind) {
      case STRING -> text.literal(context).map(value::equals).orElse(false);
      case STRING_IGNORE_CASE -> text.literal(context).map(value::equalsIgnoreCase).orElse(false);
      case STRING_LIKE -> text.matches(value, context);
      case BOOL ->
          compiled instanceof String wanted && wanted.equals(value.trim().toLowerCase(Locale.ROOT));
      case BINARY -> text.text().equals(value);
      case NUMERIC_EQUAL,
          NUMERIC_LESS,
          NUMERIC_LESS_EQUAL,
          NUMERIC_GREATER,
          NUMERIC_GREATER_EQUAL ->
          compiled instanceof BigDecimal limit && compareNumbers(kind, value, limit);
      case DATE_EQUAL, DATE_LESS, DATE_LESS_EQUAL, DATE_GREATER, DATE_GREATER_EQUAL ->
          compiled instanceof Instant limit && compareDates(kind, value, limit);
      case IP -> compiled instanceof Cidr cidr && cidr.contains(value);
      case ARN -> arnMatches(text, value, context);
      case NULL -> false;
    };
  }

  private static boolean compareNumbers(
      ConditionOperator.Kind kind, String value, BigDecimal limit) {
    Optional<BigDecimal> number = number(value);
    if (number.isEmpty()) {
      return false;
    }
    int order = number.get().compareTo(limit);
    return switch (kind) {
      case NUMERIC_EQUAL -> order == 0;
      case NUMERIC_LESS -> order < 0;
      case NUMERIC_LESS_EQUAL -> order <= 0;
      case NUMERIC_GREATER -> order > 0;
      default -> order >= 0;
    };
  }

  private static boolean compareDates(ConditionOperator.Kind kind, String value, Instant limit) {
    Optional<Instant> date = date(value);
    if (date.isEmpty()) {
      return false;
    }
    int order = date.get().compareTo(limit);
    return switch (kind) {
      case DATE_EQUAL -> order == 0;
      case DATE_LESS -> order < 0;
      case DATE_LESS_EQUAL -> order <= 0;
      case DATE_GREATER -> order > 0;
      default -> order >= 0;
    };
  }

  /** ARNs compare segment by segment; the resource segment may itself hold colons. */
  private static boolean arnMatches(PolicyText pattern, String value, RequestContext context) {
    Optional<String> wanted = pattern.literal(context);
    if (wanted.isEmpty()) {
      return false;
    }
    String[] policy = wanted.get().split(":", 6);
    String[] request = value.split(":", 6);
    if (policy.length != 6 || request.length != 6) {
      return policy.length == 1 && policy[0].equals("*");
    }
    for (int i = 0; i < 6; i++) {
      if (!Wildcard.matches(policy[i], request[i])) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- compiling policy values

  private static final Object INVALID = new Object();

  private static Object compile(ConditionOperator.Kind kind, String text) {
    return switch (kind) {
      case NUMERIC_EQUAL,
          NUMERIC_LESS,
          NUMERIC_LESS_EQUAL,
          NUMERIC_GREATER,
          NUMERIC_GREATER_EQUAL ->
          number(text).<Object>map(n -> n).orElse(INVALID);
      case DATE_EQUAL, DATE_LESS, DATE_LESS_EQUAL, DATE_GREATER, DATE_GREATER_EQUAL ->
          date(text).<Object>map(d -> d).orElse(INVALID);
      case BOOL -> text.trim().toLowerCase(Locale.ROOT);
      case IP -> Cidr.parse(text).<Object>map(c -> c).orElse(INVALID);
      default -> text;
    };
  }

  static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** ISO 8601 date-time (or date), or seconds since the epoch. */
  static Optional<Instant> date(String text) {
    String value = text.trim();
    try {
      if (!value.isEmpty() && value.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
        return Optional.of(
            Instant.ofEpochMilli(new BigDecimal(value).movePointRight(3).longValue()));
      }
      if (value.length() == 10) {
        return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return Optional.of(OffsetDateTime.parse(normaliseOffset(value)).toInstant());
      }
      return Optional.of(OffsetDateTime.parse(value + "Z").toInstant());
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static String normaliseOffset(String value) {
    if (value.matches(".*[+-]\\d{4}$")) {
      return value.substring(0, value.length() - 2) + ":" + value.substring(value.length() - 2);
    }
    return value;
  }

  /** An IPv4 or IPv6 network in CIDR notation (a bare address is a /32 or /128). */
  static final class Cidr {
    private final byte[] network;
    private final int bits;

    private Cidr(byte[] network, int bits) {
      this.network = network.clone();
      this.bits = bits;
    }

    static Optional<Cidr> parse(String text) {
      String value = text.trim();
      int slash = value.indexOf('/');
      String address = slash < 0 ? value : value.substring(0, slash);
      Optional<byte[]> bytes = address(address);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      int bits = bytes.get().length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (bits < 0 || bits > bytes.get().length * 8) {
          return Optional.empty();
        }
      }
      return Optional.of(new Cidr(bytes.get(), bits));
    }

    boolean contains(String text) {
      Optional<byte[]> address = address(text.trim());
      if (address.isEmpty() || address.get().length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address.get()[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address.get()[full] & mask) == (network[full] & mask);
    }

    /** Only literal addresses: a name is never resolved. */
    private static Optional<byte[]> address(String text) {
      if (text.isEmpty() || !(text.contains(":") || text.matches("[0-9.]+"))) {
        return Optional.empty();
      }
      if (!text.contains(":") && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        return Optional.empty();
      }
      if (text.contains(":") && !text.matches("[0-9a-fA-F:.]+")) {
        return Optional.empty();
      }
      try {
        return Optional.of(InetAddress.getByName(text).getAddress());
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
  }
}
