package dev.warden.secrets;

import dev.warden.secrets.SecretMatch.Confidence;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a named value is a secret. In order: a known credential format (whatever the
 * name); a name that says secret ({@code *_PASSWORD}, {@code *_SECRET}, {@code *_TOKEN}, {@code
 * *_API_KEY}…) with a value that is neither a reference nor a placeholder; a long high-entropy
 * string. The usual false positives are ruled out first: empty and short values, ARNs, URLs without
 * credentials, paths and SSM parameter names, CloudFormation dynamic references, placeholders
 * ({@code changeme}, {@code <token>}, {@code ${VAR}}), booleans and numbers, UUIDs, names that hold
 * a reference to a secret rather than the secret ({@code DB_PASSWORD_ARN}, {@code TOKEN_URL}).
 */
public final class SecretDetector {

  private record Format(String kind, Pattern pattern) {}

  /** Credential formats that are secrets whatever the variable's name. */
  private static final List<Format> FORMATS =
      List.of(
          format("AWS access key id", "(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}"),
          format("private key", "-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"),
          format(
              "JSON Web Token", "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}"),
          format("Slack token", "xox[abposr]-[0-9A-Za-z-]{10,}"),
          format(
              "Slack webhook URL",
              "https://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9/_-]{20,}"),
          format("GitHub token", "(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})"),
          format("Stripe secret key", "(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}"),
          format("Google API key", "AIza[0-9A-Za-z_-]{35}"),
          format("SendGrid API key", "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"),
          format("npm token", "npm_[A-Za-z0-9]{36}"),
          format("Twilio API key", "SK[0-9a-f]{32}"),
          format(
              "credentials in a connection string",
              "[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]{1,64}:[^/\\s:@]{3,128}@[^\\s]+"));

  /** Names that say the value is a secret. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          ".*(PASSWORD|PASSWD|PWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY"
              + "|CLIENT_?KEY|SIGNING_?KEY|AUTH_?KEY|CREDENTIALS?|CONN(ECTION)?_?STR(ING)?).*");

  /** Name endings that mark a reference to a secret, or a setting about one, not the secret. */
  private static final Pattern REFERENCE_NAME =
      Pattern.compile(
          ".*_(ARN|NAME|ID|URL|URI|ENDPOINT|PATH|PARAM|PARAMETER|SSM|TTL|EXPIRY|EXPIRES|LENGTH"
              + "|SIZE|HEADER|REGION|FILE|TYPE|FIELD|ROTATION|VERSION|ENABLED|LOCATION|KEY_ID)");

  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i)(changeme|change[-_ ]?me|placeholder|example|dummy|redacted|your[-_ ].*|todo|tbd"
              + "|xxx+|\\*+|<[^>]*>|\\$\\{[^}]*}|\\{\\{[^}]*}}|%[a-z_]+%|null|none|undefined"
              + "|secret|password|token)");

  /** Filler such as {@code xxxxxx_xxxxxx}, {@code ****-****}, {@code 000000}: a masked example. */
  private static final Pattern MASKED = Pattern.compile("(?i)[x*#0._-]+");

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Pattern NUMBER_OR_BOOLEAN =
      Pattern.compile("(?i)-?[0-9]+(\\.[0-9]+)?|true|false|yes|no|on|off");

  private SecretDetector() {}

  private static Format format(String kind, String regex) {
    return new Format(kind, Pattern.compile(regex));
  }

  /** The secret in {@code value}, when it holds one. {@code name} may be empty. */
  public static Optional<SecretMatch> inspect(String name, String value) {
    String trimmed = value.strip();
    if (trimmed.length() < 8) {
      return Optional.empty();
    }
    for (Format format : FORMATS) {
      var matcher = format.pattern().matcher(trimmed);
      if (matcher.find() && !isPlaceholderCredential(matcher.group())) {
        return Optional.of(
            new SecretMatch(format.kind(), Confidence.KNOWN_FORMAT, Masking.mask(trimmed)));
      }
    }
    if (isReferenceOrSetting(trimmed)) {
      return Optional.empty();
    }
    String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
    if (SECRET_NAME.matcher(upper).matches() && !REFERENCE_NAME.matcher(upper).matches()) {
      return Optional.of(
          new SecretMatch(kindOf(upper), Confidence.SECRET_NAME, Masking.mask(trimmed)));
    }
    if (looksRandom(trimmed)) {
      return Optional.of(
          new SecretMatch("high-entropy string", Confidence.HIGH_ENTROPY, Masking.mask(trimmed)));
    }
    return Optional.empty();
  }

  /** True when a name says its value is secret: such values are masked even when not flagged. */
  public static boolean isSecretName(String name) {
    String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
    return SECRET_NAME.matcher(upper).matches() && !REFERENCE_NAME.matcher(upper).matches();
  }

  private static boolean isPlaceholderCredential(String match) {
    String lower = match.toLowerCase(Locale.ROOT);
    return lower.contains("example")
        || lower.contains("xxxx")
        || lower.contains("user:password@")
        || lower.contains("username:password@");
  }

  /** Values that point at a secret or configure something, rather than being a secret. */
  private static boolean isReferenceOrSetting(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.startsWith("arn:")
        || lower.startsWith("{{resolve:")
        || lower.startsWith("/")
        || lower.startsWith("s3://")
        || ((lower.startsWith("https://") || lower.startsWith("http://")) && !lower.contains("@"))
        || PLACEHOLDER.matcher(value).matches()
        || NUMBER_OR_BOOLEAN.matcher(value).matches()
        || UUID.matcher(value).matches()
        || value.chars().filter(c -> c == ' ').count() > 2 // a sentence, not a key
        || MASKED.matcher(value).matches();
  }

  /**
   * A key-like value: at least 24 characters of one token, several character classes, and a Shannon
   * entropy of at least 4 bits per character. Hex digests of 32 or 40 characters (commit ids,
   * checksums) are common configuration and are left alone.
   */
  static boolean looksRandom(String value) {
    if (value.length() < 24 || value.length() > 4096 || !value.matches("[A-Za-z0-9+/=_.~-]+")) {
      return false;
    }
    if (value.matches("[0-9a-f]+") || value.matches("[A-Za-z]+([._-][A-Za-z]+)*")) {
      return false;
    }
    int classes =
        (value.matches(".*[a-z].*") ? 1 : 0)
            + (value.matches(".*[A-Z].*") ? 1 : 0)
            + (value.matches(".*[0-9].*") ? 1 : 0);
    return classes == 3 && entropy(value) >= 4.0;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String value) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double entropy = 0;
    double length = value.length();
    for (int count : counts) {
      if (count > 0) {
        double p = count / length;
        entropy -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = other / length;
      entropy -= p * Math.log(p) / Math.log(2);
    }
    return entropy;
  }

  private static String kindOf(String upperName) {
    if (upperName.matches(".*(PASSWORD|PASSWD|PWD|PASSPHRASE).*")) {
      return "password";
    }
    if (upperName.contains("TOKEN")) {
      return "token";
    }
    if (upperName.matches(".*(API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CLIENT_?KEY|SIGNING_?KEY).*")) {
      return "key";
    }
    if (upperName.matches(".*CONN(ECTION)?_?STR(ING)?.*")) {
      return "connection string";
    }
    return "secret";
  }
}
