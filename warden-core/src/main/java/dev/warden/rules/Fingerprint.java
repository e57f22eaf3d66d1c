package dev.warden.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable identities for findings: a hash of what the finding is about, never of where it sits. */
public final class Fingerprint {
  private Fingerprint() {}

  /** The first 16 hex digits of SHA-256 over the parts, with digits runs folded in free text. */
  public static String of(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Free text without its numbers, so that "first at line 12" and "line 14" fingerprint alike. */
  public static String withoutNumbers(String text) {
    return text.replaceAll("\\d+", "#");
  }
}
