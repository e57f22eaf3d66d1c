package dev.warden.iam;

import dev.warden.inventory.SourceLocation;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of {@code Action} or {@code NotAction}: {@code *}, {@code service:*}, {@code
 * service:Get*}, {@code service:GetObject}. Matched without regard to case; compiled once.
 */
public final class ActionPattern {

  /** Every action. */
  public static final ActionPattern ANY =
      new ActionPattern("*", "*", "*", SourceLocation.ofFile(""));

  private final String text;
  private final String service;
  private final String name;
  private final boolean any;
  private final boolean serviceWildcard;
  private final boolean nameWildcard;
  private final boolean serviceWide;
  private final SourceLocation at;

  private ActionPattern(String text, String service, String name, SourceLocation at) {
    this.text = text;
    this.at = at;
    this.service = service;
    this.name = name;
    this.any = service.equals("*") && name.equals("*");
    this.serviceWildcard = Wildcard.hasWildcard(service);
    this.nameWildcard = Wildcard.hasWildcard(name);
    this.serviceWide = name.equals("*");
  }

  /**
   * Parses a pattern; a pattern without a service prefix (other than {@code *}) is kept as written.
   */
  public static ActionPattern parse(String text) {
    return parse(text, SourceLocation.ofFile(""));
  }

  /** Parses a pattern written at {@code at} in a policy. */
  public static ActionPattern parse(String text, SourceLocation at) {
    String trimmed = text.trim();
    if (trimmed.equals("*")) {
      return new ActionPattern("*", "*", "*", at);
    }
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      return new ActionPattern(trimmed, trimmed.toLowerCase(Locale.ROOT), "", at);
    }
    return new ActionPattern(
        trimmed,
        trimmed.substring(0, colon).toLowerCase(Locale.ROOT),
        trimmed.substring(colon + 1).toLowerCase(Locale.ROOT),
        at);
  }

  /** Where the pattern is written. */
  public SourceLocation at() {
    return at;
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  /** The service part, in lower case. */
  public String service() {
    return service;
  }

  /** The action part, in lower case; empty when the pattern has no colon. */
  public String name() {
    return name;
  }

  public boolean isAny() {
    return any;
  }

  /** True when the pattern matches the action, both given in lower case. */
  public boolean matches(String lowerService, String lowerName) {
    if (any) {
      return true;
    }
    if (!service.equals(lowerService)
        && !(serviceWildcard && Wildcard.matches(service, lowerService))) {
      return false;
    }
    return serviceWide
        || name.equals(lowerName)
        || (nameWildcard && Wildcard.matches(name, lowerName));
  }

  /** True when the pattern covers every action of its service. */
  public boolean isServiceWide() {
    return serviceWide;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ActionPattern that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
