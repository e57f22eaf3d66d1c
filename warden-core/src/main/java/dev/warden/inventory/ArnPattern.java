package dev.warden.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether an IAM resource pattern may match an ARN when either side holds values unknown before
 * deployment. In the pattern, {@code *} and {@code ?} are wildcards and IAM policy variables
 * ({@code ${aws:username}}) may be anything. On both sides a symbol ({@code ${AWS::AccountId}},
 * {@code ${OrdersTable}}) stands for one ARN segment: one or more characters without {@code :} or
 * {@code /}, and two different symbols are different text. The answer is "some deployment could
 * make them match".
 *
 * <p>Texts are compiled to token arrays once ({@link Compiler}) and matched many times.
 */
final class ArnPattern {

  private static final int STAR = -1;
  private static final int ANY_ONE = -2;
  private static final int FIRST_SYMBOL = -10;

  private ArnPattern() {}

  /** Compiles texts to tokens, giving each symbol name one id across every text it compiles. */
  static final class Compiler {
    private final Map<String, Integer> symbols = new HashMap<>();

    int[] pattern(SymbolicText text) {
      return tokens(text, true);
    }

    int[] arn(SymbolicText text) {
      return tokens(text, false);
    }

    /** The ARN followed by {@code /*}: what a pattern for something inside the resource matches. */
    int[] within(SymbolicText text) {
      int[] target = tokens(text, false);
      int[] within = new int[target.length + 2];
      System.arraycopy(target, 0, within, 0, target.length);
      within[target.length] = '/';
      within[target.length + 1] = STAR;
      return within;
    }

    private int[] tokens(SymbolicText text, boolean isPattern) {
      int[] buffer = new int[text.toString().length() + 1];
      int size = 0;
      for (SymbolicText.Part part : text.parts()) {
        if (part instanceof SymbolicText.Symbol symbol) {
          buffer[size++] =
              symbols.computeIfAbsent(symbol.name(), n -> FIRST_SYMBOL - symbols.size());
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
  }

  static boolean mayMatch(SymbolicText pattern, SymbolicText arn) {
    if (pattern.equals(arn)) {
      return true;
    }
    Compiler compiler = new Compiler();
    return matches(compiler.pattern(pattern), compiler.arn(arn));
  }

  /** True when the pattern may match something inside the ARN's resource ({@code bucket/*}). */
  static boolean mayMatchWithin(SymbolicText pattern, SymbolicText arn) {
    Compiler compiler = new Compiler();
    return matches(compiler.pattern(pattern), compiler.within(arn));
  }

  /** A character or a symbol: a token that matches something definite, unlike a wildcard. */
  private static boolean isFixed(int token) {
    return token >= 0 || token <= FIRST_SYMBOL;
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
   * p[i..]}. Equal plain characters at either end are compared first, which settles most pairs
   * without the table.
   */
  static boolean matches(int[] p, int[] t) {
    int m = p.length;
    int n = t.length;
    // Settle equal fixed tokens (characters, or the same symbol) at both ends without the table;
    // two different fixed tokens facing each other cannot match.
    int start = 0;
    while (start < m && start < n && isFixed(p[start]) && isFixed(t[start])) {
      if (p[start] != t[start]) {
        if (isSymbol(p[start]) != isSymbol(t[start])) {
          break;
        }
        return false;
      }
      start++;
    }
    while (m > start && n > start && isFixed(p[m - 1]) && isFixed(t[n - 1])) {
      if (p[m - 1] != t[n - 1]) {
        if (isSymbol(p[m - 1]) != isSymbol(t[n - 1])) {
          break;
        }
        return false;
      }
      m--;
      n--;
    }
    boolean[] next = new boolean[n + 1];
    boolean[] current = new boolean[n + 1];
    next[n] = true;
    for (int j = n - 1; j >= start; j--) {
      next[j] = t[j] == STAR && next[j + 1];
    }
    for (int i = m - 1; i >= start; i--) {
      current[n] = p[i] == STAR && next[n];
      for (int j = n - 1; j >= start; j--) {
        int a = p[i];
        int b = t[j];
        boolean value;
        if (a == STAR) {
          value = next[j] || current[j + 1];
        } else if (b == STAR) {
          value = current[j + 1] || next[j];
        } else if (a == b) {
          value = next[j + 1];
        } else if (isSymbol(b)) {
          // The ARN's unknown segment swallows this pattern character and ends, or goes on.
          value = absorbs(a) && (next[j + 1] || next[j]);
        } else if (isSymbol(a)) {
          value = absorbs(b) && (next[j + 1] || current[j + 1]);
        } else {
          value = a == ANY_ONE && next[j + 1];
        }
        current[j] = value;
      }
      boolean[] swap = next;
      next = current;
      current = swap;
    }
    return next[start];
  }
}
