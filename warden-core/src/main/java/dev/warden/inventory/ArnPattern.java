package dev.warden.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether an IAM resource pattern may match an ARN when either side holds values unknown before
 * deployment. In the pattern, {@code *} and {@code ?} are wildcards and IAM policy variables
 * ({@code ${aws:username}}) may be anything. On both sides a symbol ({@code ${AWS::AccountId}},
 * {@code ${OrdersTable}}) stands for one ARN segment: any text without {@code :} or {@code /}, and
 * the same symbol on both sides is the same text. The answer is "some deployment could make them
 * match".
 */
final class ArnPattern {

  private static final int STAR = -1;
  private static final int ANY_ONE = -2;
  private static final int FIRST_SYMBOL = -10;

  private ArnPattern() {}

  static boolean mayMatch(SymbolicText pattern, SymbolicText arn) {
    if (pattern.equals(arn)) {
      return true;
    }
    Map<String, Integer> symbols = new HashMap<>();
    return matches(tokens(pattern, true, symbols), tokens(arn, false, symbols));
  }

  /** True when the pattern may match something inside the ARN's resource ({@code bucket/*}). */
  static boolean mayMatchWithin(SymbolicText pattern, SymbolicText arn) {
    Map<String, Integer> symbols = new HashMap<>();
    int[] target = tokens(arn, false, symbols);
    int[] within = new int[target.length + 2];
    System.arraycopy(target, 0, within, 0, target.length);
    within[target.length] = '/';
    within[target.length + 1] = STAR;
    return matches(tokens(pattern, true, symbols), within);
  }

  private static int[] tokens(SymbolicText text, boolean isPattern, Map<String, Integer> symbols) {
    int[] buffer = new int[text.toString().length() + 1];
    int size = 0;
    for (SymbolicText.Part part : text.parts()) {
      if (part instanceof SymbolicText.Symbol symbol) {
        buffer[size++] = symbols.computeIfAbsent(symbol.name(), n -> FIRST_SYMBOL - symbols.size());
        continue;
      }
      String literal = ((SymbolicText.Literal) part).text();
      for (int i = 0; i < literal.length(); i++) {
        char c = literal.charAt(i);
        if (isPattern && c == '*') {
          buffer[size++] = STAR;
        } else if (isPattern && c == '?') {
          buffer[size++] = ANY_ONE;
        } else if (isPattern
            && c == '$'
            && i + 1 < literal.length()
            && literal.charAt(i + 1) == '{') {
          int close = literal.indexOf('}', i);
          if (close < 0) {
            buffer[size++] = c;
          } else {
            buffer[size++] = STAR;
            i = close;
          }
        } else {
          buffer[size++] = c;
        }
      }
    }
    int[] tokens = new int[size];
    System.arraycopy(buffer, 0, tokens, 0, size);
    return tokens;
  }

  private static boolean isSymbol(int token) {
    return token <= FIRST_SYMBOL;
  }

  /** A symbol may stand for this token of the other side: one character of a segment. */
  private static boolean absorbs(int token) {
    return token == ANY_ONE || (token >= 0 && token != ':' && token != '/');
  }

  /**
   * Dynamic programming over both token lists, row by row from the end: {@code next[j]} says
   * whether {@code p[i+1..]} may match {@code t[j..]}, {@code current[j]} the same for {@code
   * p[i..]}. A symbol may match the empty string, so it may also be skipped.
   */
  private static boolean matches(int[] p, int[] t) {
    int m = p.length;
    int n = t.length;
    boolean[] next = new boolean[n + 1];
    boolean[] current = new boolean[n + 1];
    next[n] = true;
    for (int j = n - 1; j >= 0; j--) {
      next[j] = (isSymbol(t[j]) || t[j] == STAR) && next[j + 1];
    }
    for (int i = m - 1; i >= 0; i--) {
      current[n] = (p[i] == STAR || isSymbol(p[i])) && next[n];
      for (int j = n - 1; j >= 0; j--) {
        int a = p[i];
        int b = t[j];
        boolean value = false;
        if (a == b && a != STAR) {
          value = next[j + 1];
        }
        if (!value && (a == STAR || b == STAR)) {
          value =
              (a == STAR && (next[j] || current[j + 1]))
                  || (b == STAR && (current[j + 1] || next[j]));
        }
        if (!value && a == ANY_ONE && !isSymbol(b)) {
          value = next[j + 1];
        }
        if (!value && isSymbol(b)) {
          value = current[j + 1] || (absorbs(a) && next[j]);
        }
        if (!value && isSymbol(a)) {
          value = next[j] || (absorbs(b) && current[j + 1]);
        }
        current[j] = value;
      }
      boolean[] swap = next;
      next = current;
      current = swap;
    }
    return next[0];
  }
}
