package dev.warden.iam;

/**
 * Glob matching as IAM does it: {@code *} is any run of characters (crossing {@code /} and {@code
 * :}), {@code ?} exactly one. Linear in the usual case, without regular expressions.
 */
final class Wildcard {
  private Wildcard() {}

  static boolean hasWildcard(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
  }

  /** Case-sensitive match of the whole text. */
  static boolean matches(String pattern, String text) {
    return matches(pattern, text, false);
  }

  /** Match ignoring case, for pattern and text already in lower case or not. */
  static boolean matchesIgnoreCase(String pattern, String text) {
    return matches(pattern, text, true);
  }

  private static boolean matches(String pattern, String text, boolean ignoreCase) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    int pl = pattern.length();
    int tl = text.length();
    while (t < tl) {
      if (p < pl) {
        char pc = pattern.charAt(p);
        if (pc == '*') {
          starP = p++;
          starT = t;
          continue;
        }
        if (pc == '?' || same(pc, text.charAt(t), ignoreCase)) {
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
    while (p < pl && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pl;
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    if (a == b) {
      return true;
    }
    return ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
  }
}
