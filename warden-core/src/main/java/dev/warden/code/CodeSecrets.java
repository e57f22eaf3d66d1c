package dev.warden.code;

import dev.warden.inventory.SourceLocation;
import dev.warden.secrets.SecretDetector;
import dev.warden.secrets.SecretMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Secrets written in function code: string literals that have the format of a known credential, and
 * literals assigned to a name that says secret ({@code API_KEY = "…"}, {@code password: "…"}).
 * Random-looking strings alone are not reported in code (hashes, encoded images and test data are
 * everywhere); the value is only ever kept masked.
 */
public final class CodeSecrets {

  /** A secret found in code: its kind, how it was recognised, the masked value. */
  public record CodeSecret(SecretMatch match, SourceLocation at) {}

  private CodeSecrets() {}

  /**
   * One pass over the source: each quoted literal on one line ({@code "…"}, {@code '…'}, {@code
   * `…`}, escapes honoured), and the name it is assigned to when {@code NAME =} or {@code NAME:}
   * stands right before it. Only literals of 8 characters or more are inspected.
   */
  public static List<CodeSecret> find(String file, String source) {
    List<CodeSecret> found = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int n = source.length();
    for (int i = 0; i < n; i++) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      }
      if (c != '"' && c != '\'' && c != '`') {
        continue;
      }
      int end = i + 1;
      while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
        boolean escape =
            source.charAt(end) == '\\' && end + 1 < n && source.charAt(end + 1) != '\n';
        end += escape ? 2 : 1;
      }
      if (end >= n || source.charAt(end) != c) {
        i = Math.min(end, n) - 1; // an unterminated literal ends at the line's end
        continue;
      }
      if (end - i - 1 >= 8) {
        String value = source.substring(i + 1, end);
        String name = assignedName(source, i, lineStart);
        Optional<SecretMatch> secret = SecretDetector.inspect(name, value);
        if (secret.isPresent()
            && secret.get().confidence() != SecretMatch.Confidence.HIGH_ENTROPY) {
          found.add(
              new CodeSecret(secret.get(), new SourceLocation(file, line, i - lineStart + 1)));
        }
      }
      i = end;
    }
    return found;
  }

  /** {@code API_KEY = "…"} or {@code password: "…"}: the name before the quote at {@code quote}. */
  private static String assignedName(String source, int quote, int lineStart) {
    int k = quote - 1;
    while (k >= lineStart && Character.isWhitespace(source.charAt(k))) {
      k--;
    }
    if (k < lineStart || (source.charAt(k) != '=' && source.charAt(k) != ':')) {
      return "";
    }
    k--;
    while (k >= lineStart && Character.isWhitespace(source.charAt(k))) {
      k--;
    }
    int end = k + 1;
    while (k >= lineStart
        && (Character.isLetterOrDigit(source.charAt(k)) || source.charAt(k) == '_')) {
      k--;
    }
    return source.substring(k + 1, end);
  }
}
