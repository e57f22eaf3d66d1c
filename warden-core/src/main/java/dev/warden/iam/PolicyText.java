package dev.warden.iam;

import dev.warden.inventory.SymbolicText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A string from a policy that may hold wildcards ({@code *}, {@code ?}), policy variables ({@code
 * ${aws:username}}, {@code ${aws:PrincipalTag/team, 'none'}}, escapes {@code ${*}} {@code ${?}}
 * {@code ${$}}) and values unknown before deployment (template symbols). Compiled once; matched
 * against request values with the variables filled in from the request context.
 */
public final class PolicyText {

  static final int STAR = -1;
  static final int ANY_ONE = -2;

  /** A value unknown before deployment: one or more characters of one ARN segment. */
  static final int SYMBOL = -3;

  private static final int VARIABLE = -4;

  private final String text;
  private final int[] tokens;
  private final List<Variable> variables;
  private final boolean wildcards;
  private final boolean symbols;

  private record Variable(String lowerKey, Optional<String> fallback) {}

  private PolicyText(String text, int[] tokens, List<Variable> variables, boolean wildcards) {
    this.text = text;
    this.tokens = tokens;
    this.variables = variables;
    this.wildcards = wildcards;
    this.symbols = containsSymbol(tokens, 0, tokens.length);
  }

  /** True when the text holds values unknown before deployment. */
  boolean hasSymbols() {
    return symbols;
  }

  /**
   * Compiles policy text.
   *
   * @param variablesAllowed policy variables count only in policies of version 2012-10-17;
   *     otherwise {@code ${...}} is literal text
   * @param wildcardsAllowed false for operators that compare exactly (StringEquals)
   */
  public static PolicyText compile(
      SymbolicText source, boolean variablesAllowed, boolean wildcardsAllowed) {
    List<Integer> tokens = new ArrayList<>();
    List<Variable> variables = new ArrayList<>();
    boolean wildcards = false;
    for (SymbolicText.Part part : source.parts()) {
      if (part instanceof SymbolicText.Symbol) {
        tokens.add(SYMBOL);
        wildcards = true;
        continue;
      }
      String literal = ((SymbolicText.Literal) part).text();
      for (int i = 0; i < literal.length(); i++) {
        char c = literal.charAt(i);
        if (variablesAllowed
            && c == '$'
            && i + 1 < literal.length()
            && literal.charAt(i + 1) == '{') {
          int close = literal.indexOf('}', i + 2);
          if (close > 0) {
            String inside = literal.substring(i + 2, close).trim();
            i = close;
            switch (inside) {
              case "*" -> tokens.add((int) '*');
              case "?" -> tokens.add((int) '?');
              case "$" -> tokens.add((int) '$');
              default -> {
                tokens.add(VARIABLE - variables.size());
                variables.add(variable(inside));
              }
            }
            continue;
          }
        }
        if (wildcardsAllowed && c == '*') {
          tokens.add(STAR);
          wildcards = true;
        } else if (wildcardsAllowed && c == '?') {
          tokens.add(ANY_ONE);
          wildcards = true;
        } else {
          tokens.add((int) c);
        }
      }
    }
    int[] array = new int[tokens.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = tokens.get(i);
    }
    return new PolicyText(source.toString(), array, List.copyOf(variables), wildcards);
  }

  public static PolicyText compile(
      String source, boolean variablesAllowed, boolean wildcardsAllowed) {
    return compile(SymbolicText.of(source), variablesAllowed, wildcardsAllowed);
  }

  /** {@code aws:username} or {@code aws:username, 'default'}. */
  private static Variable variable(String inside) {
    int comma = inside.indexOf(',');
    if (comma < 0) {
      return new Variable(inside.toLowerCase(Locale.ROOT), Optional.empty());
    }
    String key = inside.substring(0, comma).trim().toLowerCase(Locale.ROOT);
    String fallback = inside.substring(comma + 1).trim();
    if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
      fallback = fallback.substring(1, fallback.length() - 1);
    }
    return new Variable(key, Optional.of(fallback));
  }

  public String text() {
    return text;
  }

  public boolean hasVariables() {
    return !variables.isEmpty();
  }

  public boolean hasWildcards() {
    return wildcards;
  }

  /** True for {@code *} alone. */
  public boolean isAnything() {
    return tokens.length == 1 && tokens[0] == STAR;
  }

  /** True when every policy variable has a value in the context (or a default). */
  public boolean resolves(RequestContext context) {
    for (Variable variable : variables) {
      if (context.single(variable.lowerKey()).isEmpty() && variable.fallback().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The compiled tokens, variables not filled in. */
  int[] rawTokens() {
    return tokens;
  }

  /** Tokens with variables filled in from the context; null when a variable has no value. */
  int[] tokens(RequestContext context) {
    return variables.isEmpty() ? tokens : substitute(tokens, context);
  }

  /**
   * A part of {@link #rawTokens()} with its variables filled in from the context; null when a
   * variable has no value.
   */
  int[] substitute(int[] part, RequestContext context) {
    return substitute(part, 0, part.length, context);
  }

  /** {@link #substitute(int[], RequestContext)} of {@code tokens[from, to)}. */
  int[] substitute(int[] tokens, int from, int to, RequestContext context) {
    if (variables.isEmpty()) {
      return from == 0 && to == tokens.length
          ? tokens
          : java.util.Arrays.copyOfRange(tokens, from, to);
    }
    String[] values = null;
    int length = 0;
    for (int i = from; i < to; i++) {
      int token = tokens[i];
      if (token > VARIABLE) {
        length++;
        continue;
      }
      if (values == null) {
        values = new String[variables.size()];
      }
      int index = VARIABLE - token;
      if (values[index] == null) {
        Variable variable = variables.get(index);
        Optional<String> value = context.single(variable.lowerKey());
        if (value.isEmpty()) {
          value = variable.fallback();
        }
        if (value.isEmpty()) {
          return null;
        }
        values[index] = value.get();
      }
      length += values[index].length();
    }
    int[] expanded = new int[length];
    int at = 0;
    for (int i = from; i < to; i++) {
      int token = tokens[i];
      if (token > VARIABLE) {
        expanded[at++] = token;
      } else {
        String value = values[VARIABLE - token];
        for (int c = 0; c < value.length(); c++) {
          expanded[at++] = value.charAt(c);
        }
      }
    }
    return expanded;
  }

  /** True when the value matches, case-sensitively. */
  public boolean matches(String value, RequestContext context) {
    int[] pattern = tokens(context);
    return pattern != null && matches(pattern, value, false);
  }

  /** True when the value matches without regard to case. */
  public boolean matchesIgnoreCase(String value, RequestContext context) {
    int[] pattern = tokens(context);
    return pattern != null && matches(pattern, value, true);
  }

  /** The text with variables filled in (no wildcards), or empty when a variable has no value. */
  public Optional<String> literal(RequestContext context) {
    int[] pattern = tokens(context);
    if (pattern == null) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(pattern.length);
    for (int token : pattern) {
      out.append(token >= 0 ? (char) token : token == STAR ? '*' : '?');
    }
    return Optional.of(out.toString());
  }

  /**
   * Glob match over tokens with backtracking on the last star; symbols match one segment or more.
   */
  static boolean matches(int[] pattern, String text, boolean ignoreCase) {
    return matches(pattern, 0, pattern.length, text, 0, text.length(), ignoreCase);
  }

  /** The glob match of {@code pattern[pFrom, pTo)} against {@code text[tFrom, tTo)}. */
  static boolean matches(
      int[] pattern, int pFrom, int pTo, String text, int tFrom, int tTo, boolean ignoreCase) {
    return matches(
        pattern, pFrom, pTo, text, tFrom, tTo, ignoreCase, containsSymbol(pattern, pFrom, pTo));
  }

  /** As above, told whether the pattern holds template symbols. */
  static boolean matches(
      int[] pattern,
      int pFrom,
      int pTo,
      String text,
      int tFrom,
      int tTo,
      boolean ignoreCase,
      boolean symbols) {
    if (symbols) {
      int[] part = java.util.Arrays.copyOfRange(pattern, pFrom, pTo);
      return matchesWithSymbols(part, 0, text.substring(tFrom, tTo), 0, ignoreCase);
    }
    int p = pFrom;
    int t = tFrom;
    int starP = -1;
    int starT = -1;
    int pl = pTo;
    int tl = tTo;
    while (t < tl) {
      if (p < pl) {
        int pc = pattern[p];
        if (pc == STAR) {
          starP = p++;
          starT = t;
          continue;
        }
        if (pc == ANY_ONE || same(pc, text.charAt(t), ignoreCase)) {
          p++;
          t++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      p = starP + 1;
      t = ++starT;
    }
    while (p < pl && pattern[p] == STAR) {
      p++;
    }
    return p == pl;
  }

  private static boolean containsSymbol(int[] pattern, int from, int to) {
    for (int i = from; i < to; i++) {
      if (pattern[i] == SYMBOL) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesWithSymbols(
      int[] pattern, int p, String text, int t, boolean ignoreCase) {
    while (p < pattern.length) {
      int pc = pattern[p];
      if (pc == STAR) {
        for (int k = t; k <= text.length(); k++) {
          if (matchesWithSymbols(pattern, p + 1, text, k, ignoreCase)) {
            return true;
          }
        }
        return false;
      }
      if (pc == SYMBOL) {
        int k = t;
        while (k < text.length() && text.charAt(k) != ':' && text.charAt(k) != '/') {
          k++;
          if (matchesWithSymbols(pattern, p + 1, text, k, ignoreCase)) {
            return true;
          }
        }
        return false;
      }
      if (t >= text.length() || !(pc == ANY_ONE || same(pc, text.charAt(t), ignoreCase))) {
        return false;
      }
      p++;
      t++;
    }
    return t == text.length();
  }

  private static boolean same(int pattern, char c, boolean ignoreCase) {
    if (pattern == c) {
      return true;
    }
    return ignoreCase && Character.toLowerCase((char) pattern) == Character.toLowerCase(c);
  }

  @Override
  public String toString() {
    return text;
  }
}
