package dev.warden.iam;

import java.util.Locale;

/**
 * One entry of {@code Action} or {@code NotAction}: {@code *}, {@code service:*}, {@code
 * service:Get*}, {@code service:GetObject}. Matched without regard to case.
 */
public record ActionPattern(String text, String service, String name) {

  /** Every action. */
  public static final ActionPattern ANY = new ActionPattern("*", "*", "*");

  /**
   * Parses a pattern; a pattern without a service prefix (other than {@code *}) is kept as written.
   */
  public static ActionPattern parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("*")) {
      return ANY;
    }
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      return new ActionPattern(trimmed, trimmed.toLowerCase(Locale.ROOT), "");
    }
    return new ActionPattern(
        trimmed,
        trimmed.substring(0, colon).toLowerCase(Locale.ROOT),
        trimmed.substring(colon + 1).toLowerCase(Locale.ROOT));
  }

  public boolean isAny() {
    return service.equals("*") && name.equals("*");
  }

  /** True when the pattern matches the action, both given in lower case. */
  public boolean matches(String lowerService, String lowerName) {
    if (isAny()) {
      return true;
    }
    if (!service.equals(lowerService)
        && !(Wildcard.hasWildcard(service) && Wildcard.matches(service, lowerService))) {
      return false;
    }
    return name.equals("*")
        || name.equals(lowerName)
        || (Wildcard.hasWildcard(name) && Wildcard.matches(name, lowerName));
  }

  /** True when the pattern covers every action of its service. */
  public boolean isServiceWide() {
    return name.equals("*");
  }

  @Override
  public String toString() {
    return text;
  }
}
