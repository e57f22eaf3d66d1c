package dev.warden.secrets;

/**
 * A secret found in a value, described without the value: what kind it is, how sure Warden is, and
 * a masked form ({@code sk_l…[41 chars, sha256:3f1c9a0b]}) that shows a short prefix and a hash, so
 * the same secret can be recognised across files and runs without being printed.
 *
 * @param kind what it looks like: {@code Stripe secret key}, {@code password}…
 * @param confidence how the match was made, which decides the finding's severity
 * @param masked the value as it may be shown
 */
public record SecretMatch(String kind, Confidence confidence, String masked) {

  /** How a secret was recognised. */
  public enum Confidence {
    /** The value has the format of a known credential (an AWS access key, a private key…). */
    KNOWN_FORMAT,
    /** The name says secret and the value looks like one (not a reference, not a placeholder). */
    SECRET_NAME,
    /** The value is long and random enough to be a key, whatever its name. */
    HIGH_ENTROPY
  }
}
