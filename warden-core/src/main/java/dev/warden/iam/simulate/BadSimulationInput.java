package dev.warden.iam.simulate;

/** An input line that cannot be simulated; its message is written as that line's error. */
final class BadSimulationInput extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadSimulationInput(String message) {
    super(message, null, false, false);
  }
}
