package dev.warden.cli;

/** A command line that cannot be run as given (exit code 2). */
final class UsageProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageProblem(String message) {
    super(message);
  }
}
