package dev.warden.inventory;

import java.util.List;

/** Cross-origin settings of an API or function URL. */
public record Cors(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    boolean allowCredentials,
    SourceLocation at) {
  public Cors {
    allowOrigins = List.copyOf(allowOrigins);
    allowMethods = List.copyOf(allowMethods);
    allowHeaders = List.copyOf(allowHeaders);
  }

  /** True when any origin may call. */
  public boolean allowsAnyOrigin() {
    return allowOrigins.stream().anyMatch(o -> o.equals("*") || o.equals("'*'"));
  }
}
