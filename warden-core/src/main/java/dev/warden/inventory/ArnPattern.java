package dev.warden.inventory;

/**
 * Whether an IAM resource pattern may match an ARN when either side holds values unknown before
 * deployment. In the pattern, {@code *} and {@code ?} are wildcards and IAM policy variables
 * ({@code ${aws:username}}) may be anything; in both, a symbol ({@code ${AWS::AccountId}}) may be
 * any text. The answer is "some deployment could make them match".
 */
final class ArnPattern {

  private static final int STAR = -1;
  private static final int ANY_ONE = -2;
  private static final int UNKNOWN = -3;

  private ArnPattern() {}

  static boolean mayMatch(SymbolicText pattern, SymbolicText arn) {
    if (pattern.equals(arn)) {
      return true;
    }
    return matches(tokens(pattern, true), tokens(arn, false));
  }

  /** True when the pattern may match something inside the ARN's resource ({@code bucket/*}). */
  static boolean mayMatchWithin(SymbolicText pattern, SymbolicText arn) {
    int[] target = tokens(arn, false);
    int[] within = new int[target.length + 2];
    System.arraycopy(target, 0, within, 0, target.length);
    within[target.length] = '/';
    within[target.length + 1] = UNKNOWN;
    return matches(tokens(pattern, true), within);
  }

  private static int[] tokens(SymbolicText text, boolean isPattern) {
    int[] buffer = new int[text.toString().length() + 1];
    int size = 0;
    for (SymbolicText.Part part : text.parts()) {
      if (part instanceof SymbolicText.Symbol) {
        buffer[size++] = UNKNOWN;
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

  /** Dynamic programming over both token lists: can some string match both? */
  private static boolean matches(int[] p, int[] t) {
    int m = p.length;
    int n = t.length;
    boolean[] next = new boolean[n + 1];
    boolean[] current = new boolean[n + 1];
    // Row i = m: only unknown target tokens may remain.
    next[n] = true;
    for (int j = n - 1; j >= 0; j--) {
      next[j] = t[j] == UNKNOWN && next[j + 1];
    }
    for (int i = m - 1; i >= 0; i--) {
      current[n] = p[i] == STAR && next[n];
      for (int j = n - 1; j >= 0; j--) {
        boolean value = false;
        if (p[i] == STAR) {
          value = next[j] || current[j + 1];
        }
        if (!value && t[j] == UNKNOWN) {
          value = current[j + 1] || next[j];
        }
        if (!value && p[i] != STAR && t[j] != UNKNOWN) {
          value = (p[i] == ANY_ONE || p[i] == t[j]) && next[j + 1];
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
