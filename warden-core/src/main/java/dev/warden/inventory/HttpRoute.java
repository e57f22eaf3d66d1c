package dev.warden.inventory;

import java.util.Locale;

/**
 * An HTTP method and path, written {@code METHOD /path}; {@code ANY} matches every method.
 * WebSocket routes have the method {@code WS} and their route key as path ({@code WS $connect}).
 */
public record HttpRoute(String method, String path) {

  public HttpRoute {
    method = method.toUpperCase(Locale.ROOT);
    if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") || method.equals("*")) {
      method = "ANY";
    }
    if (!method.equals("WS") && !path.startsWith("/") && !path.startsWith("$")) {
      path = "/" + path;
    }
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
