package dev.warden.inventory;

/**
 * One environment variable of a function.
 *
 * @param at where the variable is set (its name)
 * @param valueAt where its value is written: the same line, or elsewhere when the value comes from
 *     a parameter's default or a mapping
 */
public record EnvironmentVariable(
    String name, SymbolicText value, SourceLocation at, SourceLocation valueAt) {

  /** A variable whose value is written where it is set. */
  public EnvironmentVariable(String name, SymbolicText value, SourceLocation at) {
    this(name, value, at, at);
  }
}
