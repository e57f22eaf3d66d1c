package dev.warden.inventory;

/**
 * One setting of a function's host, with where it is written (or, when it is left to the platform's
 * default, where the host is declared).
 *
 * @param explicit false when the value is the platform's default because the definition does not
 *     set it
 */
public record Setting<T>(T value, boolean explicit, SourceLocation at) {

  public static <T> Setting<T> of(T value, SourceLocation at) {
    return new Setting<>(value, true, at);
  }

  public static <T> Setting<T> byDefault(T value, SourceLocation at) {
    return new Setting<>(value, false, at);
  }
}
