package dev.warden.inventory;

/**
 * Input that cannot be read at all: a file that is not valid YAML or JSON, a document over a limit,
 * a file that is not a template. Thrown by loaders; the scan turns it into an {@code input-error}
 * finding when other input could still be read, and the command line prints {@link #getMessage()}
 * and {@link #hint()} (exit code 3) when nothing could.
 */
public final class InputError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final SourceLocation at;
  private final String problem;
  private final String hint;

  public InputError(SourceLocation at, String problem, String hint) {
    super(at + ": " + problem);
    this.at = at;
    this.problem = problem;
    this.hint = hint;
  }

  public InputError(SourceLocation at, String problem, String hint, Throwable cause) {
    super(at + ": " + problem, cause);
    this.at = at;
    this.problem = problem;
    this.hint = hint;
  }

  public SourceLocation at() {
    return at;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }

  /** What the user can do about it. */
  public String hint() {
    return hint;
  }

  public InputProblem toProblem() {
    return new InputProblem(at, problem, hint);
  }
}
