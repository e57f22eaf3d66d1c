package dev.warden.inventory.azure;

import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates ARM template expressions ({@code [concat(parameters('app'), '-fn')]}) to text: string
 * functions, parameters with their default values, variables, resource ids; what is known only at
 * deployment ({@code reference()}, {@code listKeys()}, {@code uniqueString()}, the resource group,
 * a parameter without a default) becomes a symbol named after the call, so that what it refers to
 * can still be recognised ({@code reference(Microsoft.Web/sites/shop-fn).identity.principalId}). A
 * malformed expression is kept as a symbol of its own text.
 */
public final class ArmExpressions {

  private final Function<String, Optional<Value>> parameters;
  private final Function<String, Optional<Value>> variables;
  private int depth;

  /**
   * @param parameters a parameter's default value (or given value) by name
   * @param variables a variable's value by name, unevaluated
   */
  public ArmExpressions(
      Function<String, Optional<Value>> parameters, Function<String, Optional<Value>> variables) {
    this.parameters = parameters;
    this.variables = variables;
  }

  /** True when a string is an expression: {@code [...]} but not the escaped {@code [[...]}. */
  public static boolean isExpression(String text) {
    return text.length() >= 2
        && text.startsWith("[")
        && text.endsWith("]")
        && !text.startsWith("[[");
  }

  /** The text of a value: expressions evaluated, other scalars as written. */
  public SymbolicText text(Value value) {
    Optional<SymbolicText> written = value.asText();
    if (written.isEmpty()) {
      return SymbolicText.symbol("value");
    }
    Optional<String> known = written.get().concrete();
    if (known.isEmpty()) {
      return written.get();
    }
    return text(known.get());
  }

  /** The text of a string that may be an expression. */
  public SymbolicText text(String raw) {
    if (raw.startsWith("[[")) {
      return SymbolicText.of(raw.substring(1));
    }
    if (!isExpression(raw)) {
      return SymbolicText.of(raw);
    }
    Object result = evaluate(raw.substring(1, raw.length() - 1));
    return asText(result);
  }

  /** A boolean, when the value (or what the expression gives) is known to be one. */
  public Optional<Boolean> bool(Value value) {
    if (value instanceof Value.Bool bool) {
      return Optional.of(bool.value());
    }
    return text(value)
        .concrete()
        .map(s -> s.toLowerCase(Locale.ROOT))
        .filter(s -> s.equals("true") || s.equals("false"))
        .map(Boolean::parseBoolean);
  }

  /**
   * The evaluated value of an expression's body: String, SymbolicText, Boolean, Long, List, Map.
   */
  Object evaluate(String body) {
    try {
      Parser parser = new Parser(body);
      Object value = parser.expression();
      parser.skipSpace();
      if (!parser.atEnd()) {
        return SymbolicText.symbol(body);
      }
      return value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return SymbolicText.symbol(body);
    }
  }

  static SymbolicText asText(Object value) {
    if (value instanceof SymbolicText text) {
      return text;
    }
    if (value instanceof String s) {
      return SymbolicText.of(s);
    }
    if (value instanceof Boolean || value instanceof Long) {
      return SymbolicText.of(value.toString());
    }
    return SymbolicText.symbol(String.valueOf(value));
  }

  private Object fromValue(Value value) {
    if (value instanceof Value.Bool bool) {
      return bool.value();
    }
    if (value instanceof Value.Num num) {
      try {
        return Long.parseLong(num.lexeme());
      } catch (NumberFormatException e) {
        return num.lexeme();
      }
    }
    if (value instanceof Value.Str str) {
      Optional<String> known = str.text().concrete();
      if (known.isPresent() && isExpression(known.get())) {
        if (++depth > 32) {
          depth = 0;
          return SymbolicText.symbol("recursive variables");
        }
        try {
          return evaluate(known.get().substring(1, known.get().length() - 1));
        } finally {
          depth--;
        }
      }
      return known.<Object>map(k -> k.startsWith("[[") ? k.substring(1) : k).orElse(str.text());
    }
    return SymbolicText.symbol("object");
  }

  private Object call(String name, List<Object> args) {
    String fn = name.toLowerCase(Locale.ROOT);
    return switch (fn) {
      case "parameters" ->
          parameters
              .apply(plain(args, 0))
              .map(this::fromValue)
              .orElse(SymbolicText.symbol(plain(args, 0)));
      case "variables" ->
          variables
              .apply(plain(args, 0))
              .map(this::fromValue)
              .orElse(SymbolicText.symbol(plain(args, 0)));
      case "concat" -> SymbolicText.concat(args.stream().map(ArmExpressions::asText).toList());
      case "format" -> format(args);
      case "tolower" -> cased(args.get(0), true);
      case "toupper" -> cased(args.get(0), false);
      case "string" -> asText(args.get(0));
      case "replace" -> replaced(args);
      case "true" -> (Object) true;
      case "false" -> (Object) false;
      case "equals" -> equalTexts(args);
      case "if" -> choose(args);
      case "resourceid", "subscriptionresourceid", "tenantresourceid", "extensionresourceid" ->
          resourceId(fn, args);
      default -> SymbolicText.symbol(name + "(" + describe(args) + ")");
    };
  }

  private static Object replaced(List<Object> args) {
    Optional<String> text = asText(args.get(0)).concrete();
    Optional<String> from = asText(args.get(1)).concrete();
    Optional<String> to = asText(args.get(2)).concrete();
    if (text.isPresent() && from.isPresent() && to.isPresent()) {
      return text.get().replace(from.get(), to.get());
    }
    return SymbolicText.symbol("replace(" + describe(args) + ")");
  }

  private static Object cased(Object value, boolean lower) {
    Optional<String> known = asText(value).concrete();
    if (known.isEmpty()) {
      return value;
    }
    return lower ? known.get().toLowerCase(Locale.ROOT) : known.get().toUpperCase(Locale.ROOT);
  }

  private static Object equalTexts(List<Object> args) {
    Optional<String> a = asText(args.get(0)).concrete();
    Optional<String> b = asText(args.get(1)).concrete();
    if (a.isPresent() && b.isPresent()) {
      return a.get().equalsIgnoreCase(b.get());
    }
    return SymbolicText.symbol("equals");
  }

  private static Object choose(List<Object> args) {
    Object condition = args.get(0);
    Optional<String> known =
        condition instanceof Boolean b ? Optional.of(b.toString()) : asText(condition).concrete();
    if (known.isPresent()
        && (known.get().equalsIgnoreCase("true") || known.get().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(known.get()) ? args.get(1) : args.get(2);
    }
    return SymbolicText.symbol("if");
  }

  /**
   * {@code resourceId('Microsoft.Web/sites', 'app')} → {@code /providers/Microsoft.Web/sites/app}.
   */
  private static Object resourceId(String fn, List<Object> args) {
    int first = 0;
    while (first < args.size() && !asText(args.get(first)).toString().contains("/")) {
      first++; // subscription id and resource group given first
    }
    if (fn.equals("extensionresourceid") && !args.isEmpty()) {
      first = 1;
    }
    if (first >= args.size()) {
      return SymbolicText.symbol("resourceId(" + describe(args) + ")");
    }
    String type = asText(args.get(first)).toString();
    String[] segments = type.split("/", -1);
    List<SymbolicText> parts = new ArrayList<>();
    parts.add(SymbolicText.of(fn.equals("subscriptionresourceid") ? "/subscriptions/" : "/"));
    if (fn.equals("subscriptionresourceid")) {
      parts.add(SymbolicText.symbol("subscription().subscriptionId"));
      parts.add(SymbolicText.of("/"));
    }
    parts.add(SymbolicText.of("providers/" + segments[0]));
    int name = first + 1;
    for (int i = 1; i < segments.length; i++) {
      parts.add(SymbolicText.of("/" + segments[i] + "/"));
      parts.add(name < args.size() ? asText(args.get(name++)) : SymbolicText.symbol("name"));
    }
    return SymbolicText.concat(parts);
  }

  private static Object format(List<Object> args) {
    String pattern = asText(args.get(0)).concrete().orElse(null);
    if (pattern == null) {
      return SymbolicText.symbol("format");
    }
    List<SymbolicText> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{') {
        int close = pattern.indexOf('}', i);
        String inside = close > i ? pattern.substring(i + 1, close) : "";
        int colon = inside.indexOf(':');
        String index = colon >= 0 ? inside.substring(0, colon) : inside;
        if (close > i && index.chars().allMatch(Character::isDigit) && !index.isEmpty()) {
          parts.add(SymbolicText.of(literal.toString()));
          literal.setLength(0);
          int n = Integer.parseInt(index) + 1;
          parts.add(n < args.size() ? asText(args.get(n)) : SymbolicText.symbol("{" + index + "}"));
          i = close;
          continue;
        }
      }
      literal.append(c);
    }
    parts.add(SymbolicText.of(literal.toString()));
    return SymbolicText.concat(parts);
  }

  private static String plain(List<Object> args, int index) {
    return index < args.size() ? asText(args.get(index)).toString() : "?";
  }

  private static String describe(List<Object> args) {
    List<String> texts = new ArrayList<>();
    for (Object arg : args) {
      texts.add(symbolName(arg));
    }
    return String.join(", ", texts);
  }

  private Object member(Object target, String property) {
    if (target instanceof Map<?, ?> map && map.containsKey(property)) {
      return map.get(property);
    }
    return SymbolicText.symbol(symbolName(target) + "." + property);
  }

  /** The name of a lone symbol (not {@code ${name}}), else the text as written. */
  private static String symbolName(Object value) {
    SymbolicText text = asText(value);
    if (text.parts().size() == 1 && text.parts().get(0) instanceof SymbolicText.Symbol symbol) {
      return symbol.name();
    }
    return text.toString();
  }

  /** A recursive-descent reader of one expression body. */
  private final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return at >= text.length();
    }

    void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    Object expression() {
      skipSpace();
      Object value = primary();
      while (true) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == '.') {
          at++;
          value = member(value, identifier());
        } else if (at < text.length() && text.charAt(at) == '[') {
          at++;
          Object index = expression();
          expect(']');
          value = SymbolicText.symbol(symbolName(value) + "[" + symbolName(index) + "]");
        } else {
          return value;
        }
      }
    }

    private Object primary() {
      char c = text.charAt(at);
      if (c == '\'') {
        return string();
      }
      if (Character.isDigit(c) || c == '-') {
        int start = at++;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
          at++;
        }
        return Long.parseLong(text.substring(start, at));
      }
      String name = identifier();
      skipSpace();
      expect('(');
      List<Object> args = new ArrayList<>();
      skipSpace();
      if (text.charAt(at) != ')') {
        while (true) {
          args.add(expression());
          skipSpace();
          if (text.charAt(at) == ',') {
            at++;
            continue;
          }
          break;
        }
      }
      expect(')');
      return call(name, args);
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      at++;
      while (true) {
        char c = text.charAt(at++);
        if (c == '\'') {
          if (at < text.length() && text.charAt(at) == '\'') {
            out.append('\'');
            at++;
            continue;
          }
          return out.toString();
        }
        out.append(c);
      }
    }

    private String identifier() {
      skipSpace();
      int start = at;
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException("name expected at " + at);
      }
      return text.substring(start, at);
    }

    private void expect(char c) {
      skipSpace();
      if (at >= text.length() || text.charAt(at) != c) {
        throw new IllegalArgumentException("'" + c + "' expected at " + at);
      }
      at++;
    }
  }
}
