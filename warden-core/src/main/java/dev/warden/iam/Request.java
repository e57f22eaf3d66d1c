package dev.warden.iam;

import java.util.Locale;

/**
 * One request to evaluate: who, which action, on which resource (ARN or {@code *}), in which
 * account the resource lives, and the request context.
 */
public record Request(
    Principal principal,
    String action,
    String resource,
    String resourceAccount,
    RequestContext context) {

  /** The service prefix of the action, in lower case. */
  public String lowerService() {
    int colon = action.indexOf(':');
    return (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  /** The action's name without its service, in lower case. */
  public String lowerName() {
    int colon = action.indexOf(':');
    return (colon < 0 ? "" : action.substring(colon + 1)).toLowerCase(Locale.ROOT);
  }
}
