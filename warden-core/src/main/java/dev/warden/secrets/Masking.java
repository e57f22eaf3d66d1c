package dev.warden.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The only way a secret is shown: at most four leading characters (fewer for short values), its
 * length, and the first 8 hex digits of its SHA-256, which identify it without revealing it.
 */
public final class Masking {

  private Masking() {}

  /** {@code sk_l…[41 chars, sha256:3f1c9a0b]}. */
  public static String mask(String secret) {
    int shown = Math.min(4, secret.length() / 6);
    return secret.substring(0, shown)
        + "…["
        + secret.length()
        + " chars, sha256:"
        + hash(secret)
        + "]";
  }

  /** The first 8 hex digits of the value's SHA-256. */
  public static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
