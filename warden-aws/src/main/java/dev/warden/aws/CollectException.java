package dev.warden.aws;

/**
 * A collection that cannot start or go on, with what the user should do: missing credentials, a
 * role that cannot be assumed, an output folder that holds something else.
 */
public final class CollectException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hint;

  public CollectException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  public CollectException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  /** What to set or do so that the next run works. */
  public String hint() {
    return hint;
  }
}
