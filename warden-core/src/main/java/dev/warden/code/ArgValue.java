package dev.warden.code;

/**
 * What code passes as an argument that names a resource, as far as a static reading can tell: a
 * literal, an environment variable (whose value the template may set to a resource reference), a
 * concatenation of those, or unknown.
 */
public sealed interface ArgValue {

  /** A string written in the code. */
  record Literal(String text) implements ArgValue {}

  /**
   * The value of an environment variable ({@code os.environ["TABLE"]}, {@code process.env.TABLE}).
   */
  record EnvVar(String name) implements ArgValue {}

  /** Parts joined ({@code "orders-" + os.environ["STAGE"]}, f-strings). */
  record Concat(java.util.List<ArgValue> parts) implements ArgValue {
    public Concat {
      parts = java.util.List.copyOf(parts);
    }
  }

  /** Anything else, with the source text for the report. */
  record Unknown(String text) implements ArgValue {}
}
