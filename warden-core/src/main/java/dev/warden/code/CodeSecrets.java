package dev.warden.code;

import dev.warden.inventory.SourceLocation;
import dev.warden.secrets.SecretDetector;
import dev.warden.secrets.SecretMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets written in function code: string literals that have the format of a known credential, and
 * literals assigned to a name that says secret ({@code API_KEY = "…"}, {@code password: "…"}).
 * Random-looking strings alone are not reported in code (hashes, encoded images and test data are
 * everywhere); the value is only ever kept masked.
 */
public final class CodeSecrets {

  /** A secret found in code: its kind, how it was recognised, the masked value. */
  public record CodeSecret(SecretMatch match, SourceLocation at) {}

  private static final Pattern LITERAL =
      Pattern.compile(
          "([A-Za-z_][A-Za-z0-9_]*)?\\s*[:=]?\\s*([\"'`])((?:\\\\.|(?!\\2)[^\\\\\\n])*)\\2");

  private CodeSecrets() {}

  public static List<CodeSecret> find(String file, String source) {
    List<CodeSecret> found = new ArrayList<>();
    Matcher matcher = LITERAL.matcher(source);
    while (matcher.find()) {
      String name = matcher.group(1) == null ? "" : matcher.group(1);
      boolean assigned = matcher.group(0).contains("=") || matcher.group(0).contains(":");
      String value = matcher.group(3);
      Optional<SecretMatch> secret = SecretDetector.inspect(assigned ? name : "", value);
      if (secret.isEmpty() || secret.get().confidence() == SecretMatch.Confidence.HIGH_ENTROPY) {
        continue;
      }
      int offset = matcher.start(2);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (source.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      found.add(
          new CodeSecret(secret.get(), new SourceLocation(file, line, offset - lineStart + 1)));
    }
    return found;
  }
}
