package dev.warden.iam;

import java.util.Locale;

/**
 * One request to evaluate: who, which action, on which resource (ARN or {@code *}), in which
 * account the resource lives, and the request context. What every statement asks of it (the action
 * in lower case, the colons of the ARN) is worked out once.
 */
public final class Request {

  private final Principal principal;
  private final String action;
  private final String resource;
  private final String resourceAccount;
  private final RequestContext context;
  private final String lowerService;
  private final String lowerName;
  private final String lowerAction;
  private final int[] colons;

  public Request(
      Principal principal,
      String action,
      String resource,
      String resourceAccount,
      RequestContext context) {
    this.principal = principal;
    this.action = action;
    this.resource = resource;
    this.resourceAccount = resourceAccount;
    this.context = context;
    int colon = action.indexOf(':');
    this.lowerService = (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
    this.lowerName = (colon < 0 ? "" : action.substring(colon + 1)).toLowerCase(Locale.ROOT);
    this.lowerAction = lowerService + ':' + lowerName;
    this.colons = colons(resource);
  }

  public Principal principal() {
    return principal;
  }

  public String action() {
    return action;
  }

  public String resource() {
    return resource;
  }

  public String resourceAccount() {
    return resourceAccount;
  }

  public RequestContext context() {
    return context;
  }

  /** The service prefix of the action, in lower case. */
  public String lowerService() {
    return lowerService;
  }

  /** The action's name without its service, in lower case. */
  public String lowerName() {
    return lowerName;
  }

  /** {@code service:name} in lower case. */
  public String lowerAction() {
    return lowerAction;
  }

  /**
   * True when the resource is an ARN whose resource part (after the fifth colon) starts with {@code
   * prefix}, without regard to case.
   */
  boolean resourcePartStartsWith(String prefix) {
    return colons != null
        && resource.regionMatches(true, colons[4] + 1, prefix, 0, prefix.length());
  }

  /** True when the resource is an ARN of this account ({@code aws} for AWS-managed policies). */
  boolean accountIs(String account) {
    return colons != null
        && colons[4] - colons[3] - 1 == account.length()
        && resource.startsWith(account, colons[3] + 1);
  }

  /**
   * The positions of the five colons that end the segments of an ARN resource before its resource
   * part; null when the resource is not an ARN.
   */
  int[] arnColons() {
    return colons;
  }

  private static int[] colons(String resource) {
    if (!resource.startsWith("arn:")) {
      return null;
    }
    int[] found = new int[5];
    int from = 0;
    for (int i = 0; i < 5; i++) {
      int colon = resource.indexOf(':', from);
      if (colon < 0) {
        return null;
      }
      found[i] = colon;
      from = colon + 1;
    }
    return found;
  }

  @Override
  public String toString() {
    return principal.arn() + " " + action + " " + resource;
  }
}
